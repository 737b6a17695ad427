package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.session.LifecycleEvent.ParticipantRemoved;
import org.talkingpiece.session.LifecycleEvent.SessionEnded;
import org.talkingpiece.session.LifecycleEvent.SessionStarted;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * The one owner of a live session. It runs the session's commands one at a time (they arrive through
 * its {@link CommandEndpoint}), decides them against the state, stores the resulting commit, and only
 * then applies it, replies once it is durable, and asks its {@link SessionPublisher} to publish.
 * It also runs the floor's timers and keeps the session's live features in step with the agenda.
 *
 * <p>Threading: everything here runs on the event loop of the {@link SessionHost} that opened it.
 * Nothing outside that thread touches the state.
 */
final class SessionOwner {
  private static final Logger LOG = LoggerFactory.getLogger(SessionOwner.class);

  private final Vertx vertx;
  private final SessionState state;
  private final SessionViews views;
  private final SessionCommands commands;
  private final SessionServices services;
  private final InstantSource clock;
  private final List<LiveFeature> features = new ArrayList<>();
  private final CommandEndpoint endpoint;
  private final SessionPublisher publisher;
  private Future<?> tail = Future.succeededFuture();
  /** Completes once everything applied so far is durable; replies wait for it, the next command does not. */
  private Future<Void> flushed = Future.succeededFuture();
  /** The newest version known to be durable: screens are never shown a state newer than this. */
  private long durableVersion;
  private final io.vertx.core.Context context;
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
    this.endpoint = new CommandEndpoint(vertx, this);
    this.publisher = new SessionPublisher(vertx, state, views, features, clock,
        services.publicUrl() + "/j/" + state.joinCode(), () -> durableVersion);
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
      SessionState state = new SessionState(services.random());
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
    return endpoint.register(state.id()).onSuccess(v -> {
      scheduleDeadline();
      publishSoon();
    });
  }

  /** Stops serving: no more commands, timers or publishes. */
  Future<Void> close() {
    closed = true;
    publisher.close();
    if (deadlineTimer >= 0) {
      vertx.cancelTimer(deadlineTimer);
    }
    return endpoint.close();
  }

  /** Another owner took the session, or it is being deleted: stop, and let the host drop us. */
  void lost() {
    closed = true;
    onLost.run();
  }

  /** The display's only command: its current view. Read-only, so it needs no place in the queue. */
  JsonObject displaySync() {
    return ok().put("views", publisher.displayViews(clock.millis()));
  }

  /** Runs one command after every earlier one has finished. */
  Future<JsonObject> execute(Actor actor, SessionCommand command) {
    Promise<JsonObject> result = Promise.promise();
    tail = tail.transform(ignored -> {
      Future<JsonObject> run;
      try {
        run = closed ? Future.failedFuture(new AppException(ErrorCode.STORAGE_UNAVAILABLE,
            "This session is moving to another server; try again")) : run(actor, command);
      } catch (AppException e) {
        run = Future.failedFuture(e);
      } catch (RuntimeException e) {
        LOG.error("Deciding {} failed", command.getClass().getSimpleName(), e);
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

  private Future<JsonObject> run(Actor actor, SessionCommand command) {
    long now = clock.millis();
    if (command instanceof SessionCommand.Sync) {
      return Future.succeededFuture(ok().put("views", publisher.viewsFor(actor, now)));
    }
    if (command instanceof SessionCommand.Feature f) {
      for (LiveFeature feature : features) {
        if (feature.handles(f.name())) {
          return runFeature(feature, actor, f);
        }
      }
    }
    List<SessionEvent> events = commands.decide(state, views.module(), actor, command, now);
    if (events.isEmpty()) {
      return Future.succeededFuture(ok());
    }
    return commit(events).compose(this::tellFeatures).map(c -> {
      JsonObject reply = ok();
      if (command instanceof SessionCommand.Join join) {
        reply.put("participantId", join.participantId()).put("name", state.displayName(join.participantId()));
      }
      return reply;
    });
  }

  private Future<JsonObject> runFeature(LiveFeature feature, Actor actor, SessionCommand.Feature command) {
    if (actor == null) {
      return Future.failedFuture(AppException.forbidden("This command needs a participant or the facilitator"));
    }
    return feature.handle(actor, command.name(), command.args())
        .map(reply -> {
          publishSoon();
          // What the feature wrote (an anonymous item, a vote, a signal) is acknowledged only once
          // it is on disk too, sharing a flush with whatever else is being written.
          flushed = flushAfter(state.version());
          return ok().mergeIn(reply == null ? new JsonObject() : reply);
        });
  }

  private JsonObject ok() {
    return new JsonObject().put("ok", true).put("version", state.version());
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
            lost();
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
    // Who the floor may call on changed: a round may have to move past someone now.
    if (commit.events().stream().anyMatch(e -> e instanceof ParticipantRemoved
        || e instanceof LifecycleEvent.ParticipantJoined || e instanceof LifecycleEvent.SteppedOut)) {
      vertx.runOnContext(v -> tick());
    }
  }

  private void revoke(String participantId) {
    publisher.forget(participantId);
    services.tokens().revokeParticipant(state.id(), participantId)
        .onSuccess(hashes -> hashes.forEach(h -> vertx.eventBus().publish(Addresses.TOKEN_REVOKED, h)))
        .onFailure(e -> LOG.warn("Revoking a removed participant's token failed; it stays refused by the session", e));
  }

  /** A bridge node saw a participant's private channel open or close. */
  void presenceChanged(String participantId, boolean connected) {
    if (state.connectionChanged(participantId, connected)) {
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

  private void publishSoon() {
    publisher.publishSoon();
  }
}
