package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.airtime.AirtimeSnapshot;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.session.LifecycleEvent.ParticipantRemoved;
import org.talkingpiece.session.LifecycleEvent.SessionEnded;
import org.talkingpiece.session.LifecycleEvent.SessionStarted;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * The one owner of a live session. It takes the session's commands from its command address one at
 * a time, decides them against the state, stores the resulting commit, and only then applies it,
 * replies, and publishes the new views (coalesced: at most one publish per {@link #PUBLISH_GAP_MS}).
 *
 * <p>Threading: everything here runs on the event loop of the {@link SessionHost} that opened it.
 * Nothing outside that thread touches the state.
 */
final class SessionOwner {
  private static final Logger LOG = LoggerFactory.getLogger(SessionOwner.class);
  static final String ROLE_HEADER = "tp-role";
  static final String PARTICIPANT_HEADER = "tp-participant";
  static final String SYSTEM_ROLE = "SYSTEM";
  static final long PUBLISH_GAP_MS = 100;

  private final Vertx vertx;
  private final SessionState state;
  private final SessionViews views;
  private final SessionCommands commands;
  private final SessionServices services;
  private final InstantSource clock;
  private final String joinUrl;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final List<LiveFeature> features = new ArrayList<>();
  private final Map<String, JsonObject> lastPrivate = new HashMap<>();
  private Future<?> tail = Future.succeededFuture();
  /** Completes once everything applied so far is durable; replies wait for it, the next command does not. */
  private Future<Void> flushed = Future.succeededFuture();
  /** The newest version known to be durable: screens are never shown a state newer than this. */
  private long durableVersion;
  private final io.vertx.core.Context context;
  private long lastPublishAt;
  private long publishTimer = -1;
  private long deadlineTimer = -1;
  private boolean closed;
  private Runnable onLost = () -> {};

  private SessionOwner(Vertx vertx, SessionState state, Module module, SessionServices services) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.state = state;
    // Rebuilt from the log: everything in it is durable already.
    this.durableVersion = state.version();
    this.views = new SessionViews(module);
    this.commands = new SessionCommands(services.random());
    this.services = services;
    this.clock = services.clock();
    this.joinUrl = services.publicUrl() + "/j/" + state.joinCode();
  }

  /**
   * Rebuilds a session from its log and starts serving it: a turn left open by a stopped server is
   * closed at {@code lastAliveAt}, then the command consumer is registered.
   */
  static Future<SessionOwner> open(Vertx vertx, String sessionId, long lastAliveAt, SessionServices services) {
    return services.events().load(sessionId).compose(commits -> {
      if (commits.isEmpty()) {
        return Future.failedFuture(AppException.notFound("Session " + sessionId + " has no log"));
      }
      SessionState state = new SessionState();
      commits.forEach(state::apply);
      // The server was certainly alive when it stored the last commit.
      long alive = Math.max(lastAliveAt, commits.get(commits.size() - 1).at());
      return services.modules().get(state.moduleSlug(), state.moduleVersion())
          .map(module -> new SessionOwner(vertx, state, module, services))
          .compose(owner -> owner.openFeatures()
              .compose(v -> owner.recover(alive))
              .compose(v -> owner.register())
              .map(owner));
    });
  }

  String id() {
    return state.id();
  }

  /** Opens every live feature for this session, in order, and tells it the current activity. */
  private Future<Void> openFeatures() {
    SessionContext context = new Context();
    Future<Void> chain = Future.succeededFuture();
    for (LiveFeature.Factory factory : services.features()) {
      chain = chain.compose(v -> factory.open(context)).compose(feature -> {
        features.add(feature);
        return state.status() == SessionStatus.LIVE && state.activityIndex() >= 0
            ? feature.activityChanged(views.module().activities().get(state.activityIndex()))
            : Future.succeededFuture();
      });
    }
    return chain;
  }

  /** The session as a feature sees it. */
  private final class Context implements SessionContext {
    @Override
    public String sessionId() {
      return state.id();
    }

    @Override
    public SessionState state() {
      return state;
    }

    @Override
    public Module module() {
      return views.module();
    }

    @Override
    public InstantSource clock() {
      return clock;
    }

    @Override
    public Vertx vertx() {
      return vertx;
    }

    @Override
    public void publishSoon() {
      SessionOwner.this.publishSoon();
    }
  }

  SessionState state() {
    return state;
  }

  void onLost(Runnable action) {
    this.onLost = action;
  }

  private Future<Void> recover(long lastAliveAt) {
    if (state.status() == SessionStatus.ENDED) {
      return Future.succeededFuture();
    }
    List<SessionEvent> events = new ArrayList<>(state.floor().recoverAfterRestart(Math.max(lastAliveAt, state.createdAt())));
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    return commit(events).mapEmpty();
  }

  private Future<Void> register() {
    MessageConsumer<Object> cmd = vertx.eventBus().consumer(Addresses.command(state.id()), this::onCommand);
    MessageConsumer<JsonObject> presence = vertx.eventBus().consumer(Addresses.presence(state.id()), this::onPresence);
    MessageConsumer<JsonObject> control = vertx.eventBus().consumer(Addresses.control(state.id()), msg -> {
      closed = true;
      onLost.run();
      msg.reply(new JsonObject().put("ok", true));
    });
    consumers.add(cmd);
    consumers.add(presence);
    consumers.add(control);
    return Future.join(cmd.completion(), presence.completion(), control.completion()).<Void>mapEmpty()
        .onSuccess(v -> {
          scheduleDeadline();
          publishSoon();
        });
  }

  Future<Void> close() {
    closed = true;
    if (publishTimer >= 0) {
      vertx.cancelTimer(publishTimer);
    }
    if (deadlineTimer >= 0) {
      vertx.cancelTimer(deadlineTimer);
    }
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  private void onCommand(Message<Object> msg) {
    if (!(msg.body() instanceof JsonObject body)) {
      msg.fail(400, "invalid-input: A command must be a JSON object {command, args}");
      return;
    }
    if ("DISPLAY".equals(msg.headers().get(ROLE_HEADER))) {
      if ("sync".equals(body.getString("command"))) {
        long now = clock.millis();
        msg.reply(ok().put("views", new JsonObject().put("display", displayView(views.airtime(state, now), now))));
      } else {
        msg.fail(403, "forbidden: The display view only listens");
      }
      return;
    }
    Actor actor;
    try {
      actor = actorFrom(msg.headers());
    } catch (AppException e) {
      fail(msg, e);
      return;
    }
    Object args = body.getValue("args");
    if (args != null && !(args instanceof JsonObject)) {
      msg.fail(400, "invalid-input: args must be a JSON object");
      return;
    }
    execute(actor, body.getString("command"), (JsonObject) args)
        .onSuccess(msg::reply)
        .onFailure(e -> fail(msg, e));
  }

  static Actor actorFrom(MultiMap headers) {
    String role = headers.get(ROLE_HEADER);
    if (SYSTEM_ROLE.equals(role)) {
      return null;
    }
    if ("FACILITATOR".equals(role)) {
      return Actor.facilitator();
    }
    if ("PARTICIPANT".equals(role) && headers.get(PARTICIPANT_HEADER) != null) {
      return Actor.participant(headers.get(PARTICIPANT_HEADER));
    }
    throw new AppException(ErrorCode.FORBIDDEN, "This token cannot send commands");
  }

  private static void fail(Message<?> msg, Throwable e) {
    AppException app = e instanceof AppException a ? a : new AppException(ErrorCode.INTERNAL, "Something went wrong on our side");
    if (!(e instanceof AppException)) {
      LOG.error("A session command failed unexpectedly", e);
    }
    msg.fail(app.code().status(), app.code().code() + ": " + app.getMessage());
  }

  /** Runs one command after every earlier one has finished. */
  Future<JsonObject> execute(Actor actor, String command, JsonObject args) {
    Promise<JsonObject> result = Promise.promise();
    tail = tail.transform(ignored -> {
      Future<JsonObject> run;
      try {
        run = closed ? Future.failedFuture(new AppException(ErrorCode.STORAGE_UNAVAILABLE,
            "This session is moving to another server; try again")) : run(actor, command, args);
      } catch (AppException e) {
        run = Future.failedFuture(e);
      } catch (RuntimeException e) {
        LOG.error("Deciding '{}' failed", command, e);
        run = Future.failedFuture(new AppException(ErrorCode.INTERNAL, "Something went wrong on our side"));
      }
      // The next command may start as soon as this one is applied; its answer waits until what it
      // changed is durable, so an acknowledged change survives a crash (many commits share a flush).
      return run.onComplete(ar -> {
        if (ar.failed()) {
          result.fail(ar.cause());
        } else {
          if (flushed.failed()) {
            // The last flush failed (the disk or database was away): ask again rather than fail forever.
            flushed = flushAfter(state.version());
          }
          flushed.map(ar.result()).onComplete(result);
        }
      });
    });
    return result.future();
  }

  private Future<JsonObject> run(Actor actor, String command, JsonObject args) {
    long now = clock.millis();
    if ("sync".equals(command)) {
      return Future.succeededFuture(ok().put("views", viewsFor(actor, now)));
    }
    if ("step-out".equals(command) || "step-back".equals(command)) {
      return stepOut(actor, "step-out".equals(command));
    }
    for (LiveFeature feature : features) {
      if (feature.handles(command)) {
        if (actor == null) {
          return Future.failedFuture(AppException.forbidden("This command needs a participant or the facilitator"));
        }
        return feature.handle(actor, command, args == null ? new JsonObject() : args)
            .map(reply -> {
              publishSoon();
              // What the feature wrote (an anonymous item, a vote, a signal) is acknowledged only once
              // it is on disk too, sharing a flush with whatever else is being written.
              flushed = flushAfter(state.version());
              return ok().mergeIn(reply == null ? new JsonObject() : reply);
            });
      }
    }
    List<SessionEvent> events = commands.decide(state, views.module(), actor, command, args, now);
    if (events.isEmpty()) {
      return Future.succeededFuture(ok());
    }
    return commit(events).compose(this::tellFeatures).map(c -> {
      JsonObject reply = ok();
      if ("join".equals(command)) {
        String id = args.getString("participantId");
        reply.put("participantId", id).put("name", state.displayName(id));
      }
      return reply;
    });
  }

  private JsonObject ok() {
    return new JsonObject().put("ok", true).put("version", state.version());
  }

  private Future<JsonObject> stepOut(Actor actor, boolean out) {
    if (actor == null || actor.isFacilitator()) {
      return Future.failedFuture(AppException.forbidden("Only participants step out"));
    }
    if (state.participant(actor.participantId()).filter(p -> !p.removed()).isEmpty()) {
      return Future.failedFuture(AppException.notFound("No such participant in this session"));
    }
    if (!state.setSteppedOut(actor.participantId(), out)) {
      return Future.succeededFuture(ok());
    }
    publishSoon();
    return tick().map(v -> ok());
  }

  /**
   * Stores the events as the next commit, then applies them. Nothing is applied if storing fails. The
   * commit becomes durable shortly after; {@link #flushed} says when, and screens see it only then.
   */
  private Future<Commit> commit(List<SessionEvent> events) {
    Commit commit = new Commit(state.id(), state.version() + 1, clock.millis(), events);
    return services.events().write(commit)
        .recover(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.CONFLICT) {
            LOG.warn("Session {} was written by another owner; letting it go", state.id());
            closed = true;
            onLost.run();
            return Future.failedFuture(new AppException(ErrorCode.STORAGE_UNAVAILABLE,
                "This session moved to another server; try again"));
          }
          return Future.failedFuture(e);
        })
        .map(v -> {
          state.apply(commit);
          flushed = flushAfter(commit.seq());
          afterApply(commit);
          return commit;
        });
  }

  /**
   * Waits for the store to make {@code seq} durable, back on this owner's thread (the flush is shared
   * with other sessions). Then the screens may be shown it.
   */
  private Future<Void> flushAfter(long seq) {
    Promise<Void> done = Promise.promise();
    services.events().durable().onComplete(ar -> context.runOnContext(v -> {
      if (ar.succeeded()) {
        durableVersion = Math.max(durableVersion, seq);
        publishSoon();
      } else {
        LOG.warn("Session {}: version {} is stored but could not be flushed to disk yet", state.id(), seq);
      }
      done.handle(ar);
    }));
    return done.future();
  }

  /** Lets features follow the agenda: a new activity may open a prompt; the end closes them. */
  private Future<Commit> tellFeatures(Commit commit) {
    Future<Void> chain = Future.succeededFuture();
    for (SessionEvent e : commit.events()) {
      for (LiveFeature feature : features) {
        if (e instanceof LifecycleEvent.ActivityChanged changed) {
          chain = chain.compose(v -> feature.activityChanged(views.module().activities().get(changed.index())));
        } else if (e instanceof SessionEnded) {
          chain = chain.compose(v -> feature.ended());
        }
      }
    }
    return chain.map(commit).recover(err -> {
      // The commit is stored and applied; a feature that failed to follow says so in its own view.
      LOG.warn("Session {}: a live feature did not follow the agenda: {}", state.id(), err.getMessage());
      return Future.succeededFuture(commit);
    });
  }

  private JsonObject withFeatures(JsonObject view, LiveFeature.Audience audience, String participantId) {
    for (LiveFeature feature : features) {
      feature.addTo(view, audience, participantId);
    }
    return view;
  }

  private void afterApply(Commit commit) {
    for (SessionEvent e : commit.events()) {
      if (e instanceof SessionStarted) {
        services.directory().setStatus(state.id(), SessionStatus.LIVE, -1);
      } else if (e instanceof SessionEnded) {
        services.directory().setStatus(state.id(), SessionStatus.ENDED, state.endedAt());
      } else if (e instanceof ParticipantRemoved r) {
        revoke(r.participantId());
      }
    }
    scheduleDeadline();
    publishSoon();
    if (commit.events().stream().anyMatch(e -> e instanceof ParticipantRemoved
        || e instanceof LifecycleEvent.ParticipantJoined)) {
      vertx.runOnContext(v -> tick());
    }
  }

  private void revoke(String participantId) {
    lastPrivate.remove(participantId);
    services.tokens().revokeParticipant(state.id(), participantId)
        .onSuccess(hashes -> hashes.forEach(h -> vertx.eventBus().publish(Addresses.TOKEN_REVOKED, h)))
        .onFailure(e -> LOG.warn("Revoking a removed participant's token failed; it stays refused by the session", e));
  }

  private void onPresence(Message<JsonObject> msg) {
    JsonObject body = msg.body();
    if (state.connectionChanged(body.getString("participantId"), body.getBoolean("connected", false))) {
      publishSoon();
      tick();
    }
  }

  /** Applies what the floor's rules say is due now (a hard expiry, a round moving past an absent person). */
  private Future<Void> tick() {
    if (state.status() != SessionStatus.LIVE) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    tail = tail.transform(ignored -> {
      List<SessionEvent> due = new ArrayList<>(state.floor().tick(state, clock.millis()));
      Future<Void> f = due.isEmpty() ? Future.succeededFuture() : commit(new ArrayList<>(due)).<Void>mapEmpty()
          .recover(e -> {
            LOG.warn("Session {}: a timed floor change could not be stored; retrying shortly", state.id());
            vertx.setTimer(1000, t -> tick());
            return Future.succeededFuture();
          });
      return f.onComplete(done);
    });
    return done.future();
  }

  private void scheduleDeadline() {
    if (deadlineTimer >= 0) {
      vertx.cancelTimer(deadlineTimer);
      deadlineTimer = -1;
    }
    OptionalLong deadline = state.floor().nextDeadline();
    if (deadline.isPresent() && !closed) {
      long delay = Math.max(1, deadline.getAsLong() - clock.millis());
      deadlineTimer = vertx.setTimer(delay, t -> {
        deadlineTimer = -1;
        tick();
      });
    }
  }

  // Publishing.

  private void publishSoon() {
    if (publishTimer >= 0 || closed) {
      return;
    }
    long wait = lastPublishAt + PUBLISH_GAP_MS - clock.millis();
    if (wait <= 0) {
      publishTimer = vertx.setTimer(1, t -> publishNow());
    } else {
      publishTimer = vertx.setTimer(wait, t -> publishNow());
    }
  }

  private void publishNow() {
    publishTimer = -1;
    if (closed || state.version() > durableVersion) {
      // A newer version is still being flushed; its flush publishes.
      return;
    }
    long now = clock.millis();
    lastPublishAt = now;
    var bus = vertx.eventBus();
    String id = state.id();
    // One airtime projection for every audience of this publish.
    var airtime = views.airtime(state, now);
    bus.publish(Addresses.publicUpdates(id), envelope(publicView(airtime, now), now));
    bus.publish(Addresses.facilitator(id), envelope(facilitatorView(airtime, now), now));
    bus.publish(Addresses.display(id), envelope(displayView(airtime, now), now));
    for (Participant p : state.members()) {
      JsonObject view = participantView(p, airtime);
      if (!view.equals(lastPrivate.get(p.id()))) {
        lastPrivate.put(p.id(), view);
        bus.publish(Addresses.participant(id, p.id()), envelope(view, now));
      }
    }
  }

  private JsonObject publicView(AirtimeSnapshot airtime, long now) {
    return withFeatures(views.publicView(state, joinUrl, airtime, now), LiveFeature.Audience.PUBLIC, null);
  }

  private JsonObject facilitatorView(AirtimeSnapshot airtime, long now) {
    return withFeatures(views.facilitatorView(state, joinUrl, airtime, now), LiveFeature.Audience.FACILITATOR, null);
  }

  private JsonObject displayView(AirtimeSnapshot airtime, long now) {
    return withFeatures(views.displayView(state, joinUrl, airtime, now), LiveFeature.Audience.DISPLAY, null);
  }

  private JsonObject participantView(Participant p, AirtimeSnapshot airtime) {
    return withFeatures(views.participantView(state, p, airtime), LiveFeature.Audience.PARTICIPANT, p.id());
  }

  private JsonObject envelope(JsonObject view, long now) {
    return new JsonObject().put("type", "state").put("version", state.version()).put("serverTime", now).put("view", view);
  }

  private JsonObject viewsFor(Actor actor, long now) {
    AirtimeSnapshot airtime = views.airtime(state, now);
    if (actor == null || actor.isFacilitator()) {
      return new JsonObject().put("facilitator", facilitatorView(airtime, now))
          .put("display", displayView(airtime, now))
          .put("notes", views.facilitatorNotes());
    }
    Participant p = state.participant(actor.participantId()).filter(x -> !x.removed())
        .orElseThrow(() -> new AppException(ErrorCode.UNAUTHENTICATED, "You are no longer in this session"));
    return new JsonObject().put("public", publicView(airtime, now)).put("private", participantView(p, airtime));
  }

  /** The full state for the facilitator's HTTP snapshot. */
  JsonObject snapshot() {
    long now = clock.millis();
    return facilitatorView(views.airtime(state, now), now).put("version", state.version());
  }

}
