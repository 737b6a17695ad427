package org.talkingpiece.anonymity.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.talkingpiece.Config;
import org.talkingpiece.anonymity.AnonymousStore;
import org.talkingpiece.anonymity.ParticipantRef;
import org.talkingpiece.anonymity.ParticipantRefs;
import org.talkingpiece.anonymity.PollState;
import org.talkingpiece.anonymity.PromptChange;
import org.talkingpiece.anonymity.PromptKind;
import org.talkingpiece.anonymity.PromptRef;
import org.talkingpiece.anonymity.PromptState;
import org.talkingpiece.anonymity.QuestionOrder;
import org.talkingpiece.anonymity.QuestionView;
import org.talkingpiece.anonymity.ReleaseRule;
import org.talkingpiece.anonymity.SignalBoard;
import org.talkingpiece.anonymity.SignalKind;
import org.talkingpiece.anonymity.Step;
import org.talkingpiece.anonymity.StoredPrompt;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleStore;
import org.talkingpiece.report.AnonymousResults;
import org.talkingpiece.session.LiveFeature;
import org.talkingpiece.session.SessionContext;
import org.talkingpiece.session.SessionDirectory;
import org.talkingpiece.session.SessionStatus;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Args;
import org.talkingpiece.shared.ErrorCode;

/**
 * Anonymous input in a live session: the prompt of each reflection, questions, poll and word-cloud
 * activity, prompts the facilitator asks on the spot, and the "ouch" and "pause" signals. Commands
 * start with {@code anon.} or {@code signal.} (docs/protocol.md, "Anonymous input and signals").
 *
 * <p>Who acts comes only from the {@link Actor} the owner resolved from the token. A participant's id
 * is turned into a per-prompt {@link ParticipantRef} before anything is stored, and goes only into the
 * roll, never beside an item. Nothing here logs, and replies and errors never quote content.
 *
 * <p>Threading: every method runs on the session owner's thread, one at a time (see {@link LiveFeature}).
 */
public final class AnonymityFeature implements LiveFeature {
  private final SessionContext session;
  private final AnonSession anon;
  private final ParticipantRefs refs;
  private final RandomGenerator random;
  private final FacilitatorCommands facilitator;
  /** Refs of the prompt on screen, by participant id, so building views does not re-hash everyone. */
  private final Map<String, ParticipantRef> promptRefs = new HashMap<>();
  private final Map<String, ParticipantRef> signalRefs = new HashMap<>();
  private PromptRef promptRefsFor;
  /** An activity whose prompt could not be opened (storage was down); the next command tries again. */
  private Activity unfollowed;

  AnonymityFeature(SessionContext session, AnonSession anon, ParticipantRefs refs, RandomGenerator random) {
    this.session = session;
    this.anon = anon;
    this.refs = refs;
    this.random = random;
    this.facilitator = new FacilitatorCommands(session, anon);
  }

  @Override
  public boolean handles(String command) {
    return command != null && (command.startsWith("anon.") || command.startsWith("signal."));
  }

  @Override
  public Future<JsonObject> handle(Actor actor, String command, JsonObject args) {
    Future<Void> ready = unfollowed == null ? Future.succeededFuture() : activityChanged(unfollowed);
    return ready.compose(v -> {
      try {
        return run(actor, command, args);
      } catch (AppException e) {
        return Future.failedFuture(e);
      }
    });
  }

  private Future<JsonObject> run(Actor actor, String command, JsonObject args) {
    return switch (command) {
      case "anon.submit" -> submit(participant(actor, true), args);
      case "anon.withdraw" -> withdraw(participant(actor, false), args);
      case "anon.vote" -> vote(participant(actor, true), args);
      case "anon.answer-poll" -> answerPoll(participant(actor, true), args);
      case "signal.tap" -> tap(participant(actor, false), args);
      default -> facilitator.run(requireFacilitator(actor, command), command, args);
    };
  }

  // Participants.

  private Future<JsonObject> submit(String participantId, JsonObject args) {
    LivePrompt p = anon.requireCurrent();
    if (p.kind() == PromptKind.POLL) {
      throw AppException.wrongState("This is a poll: choose an answer instead.");
    }
    String text = Args.text(args, "anon.submit", "text");
    String key = Args.optionalText(args, "anon.submit", "key");
    ParticipantRef who = promptRef(p, participantId);
    var step = p.items().submit(who, text, key, random);
    String itemId = ((PromptChange.ItemAdded) step.change()).item().id();
    return anon.apply(step.change(), p.with(step.next())).map(v -> new JsonObject().put("itemId", itemId)
        .put("remaining", step.next().remainingFor(who)));
  }

  /**
   * Takes an item back by its key, in whichever prompt of the session holds it (the screen may have
   * moved on since it was written). Deleted items also leave the projector.
   */
  private Future<JsonObject> withdraw(String participantId, JsonObject args) {
    String key = Args.text(args, "anon.withdraw", "key");
    String itemId = Args.optionalText(args, "anon.withdraw", "itemId");
    LivePrompt current = anon.current();
    List<LivePrompt> candidates = new ArrayList<>();
    if (current != null && current.items() != null) {
      candidates.add(current);
    }
    anon.all().stream().filter(p -> p.items() != null && p != current).forEach(candidates::add);
    for (LivePrompt p : candidates) {
      var step = tryWithdraw(p, participantId, key);
      if (step == null) {
        continue;
      }
      String id = ((PromptChange.ItemWithdrawn) step.change()).itemId();
      if (itemId != null && !itemId.equals(id)) {
        break;
      }
      return anon.apply(step.change(), p.with(step.next()))
          .compose(v -> p == current ? facilitator.unprojectQuietly(id).otherwiseEmpty() : Future.<Void>succeededFuture())
          .map(v -> new JsonObject());
    }
    throw AppException.notFound("There is nothing to take back: it was already removed.");
  }

  private Step<PromptState> tryWithdraw(LivePrompt p, String participantId, String key) {
    ParticipantRef who = p == anon.current() ? promptRef(p, participantId) : refs.forPrompt(p.ref(), participantId);
    try {
      return p.items().withdraw(who, key);
    } catch (AppException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private Future<JsonObject> vote(String participantId, JsonObject args) {
    LivePrompt p = anon.requireCurrent();
    if (p.kind() != PromptKind.QUESTIONS) {
      throw AppException.wrongState("Votes are for question boards.");
    }
    String questionId = Args.text(args, "anon.vote", "questionId");
    Boolean up = Args.optionalBool(args, "anon.vote", "up");
    var step = p.items().vote(promptRef(p, participantId), questionId, up == null || up);
    return anon.apply(step.change(), p.with(step.next())).map(v -> new JsonObject());
  }

  private Future<JsonObject> answerPoll(String participantId, JsonObject args) {
    LivePrompt p = anon.requireCurrent();
    if (p.kind() != PromptKind.POLL) {
      throw AppException.wrongState("There is no poll to answer right now.");
    }
    var step = p.poll().answer(promptRef(p, participantId), new LinkedHashSet<>(Args.oneOrMore(args, "anon.answer-poll", "choices")));
    return anon.apply(step.change(), p.with(step.next())).map(v -> new JsonObject());
  }

  private Future<JsonObject> tap(String participantId, JsonObject args) {
    SignalKind kind = Args.oneOf(args, "signal.tap", "kind", SignalKind.values(), SignalKind::wire);
    var step = anon.signals().tap(kind, signalRef(participantId));
    if (step.isEmpty()) {
      return Future.succeededFuture(new JsonObject().put("waiting", true));
    }
    return anon.apply(step.get()).map(v -> new JsonObject().put("waiting", true));
  }

  /**
   * The participant sending a command, still in the session. Item commands need the session live;
   * signals and taking an item back work whenever the session has not ended.
   */
  private String participant(Actor actor, boolean needsLive) {
    if (actor.isFacilitator()) {
      throw AppException.forbidden("Only participants write, vote or signal anonymously.");
    }
    boolean member = session.state().participant(actor.participantId()).filter(p -> !p.removed()).isPresent();
    if (!member) {
      throw new AppException(ErrorCode.UNAUTHENTICATED, "You are no longer in this session.");
    }
    SessionStatus status = session.state().status();
    if (status == SessionStatus.ENDED) {
      throw AppException.wrongState("The session has ended.");
    }
    if (needsLive && status != SessionStatus.LIVE) {
      throw AppException.wrongState("The session has not started yet.");
    }
    return actor.participantId();
  }

  private static Actor requireFacilitator(Actor actor, String command) {
    if (!FacilitatorCommands.handles(command)) {
      throw AppException.invalid("There is no such command.");
    }
    if (!actor.isFacilitator()) {
      throw AppException.forbidden("Only the facilitator can do that.");
    }
    return actor;
  }

  /** The participant's ref in the prompt on screen, cached while it stays on screen. */
  private ParticipantRef promptRef(LivePrompt p, String participantId) {
    if (!p.ref().equals(promptRefsFor)) {
      promptRefs.clear();
      promptRefsFor = p.ref();
    }
    return promptRefs.computeIfAbsent(participantId, id -> refs.forPrompt(p.ref(), id));
  }

  private ParticipantRef signalRef(String participantId) {
    return signalRefs.computeIfAbsent(participantId, id -> refs.forSignals(session.sessionId(), id));
  }

  // The agenda.

  /**
   * Shows the prompt of an anonymous activity (opening its first round if needed), or nothing for any
   * other activity. When the agenda is still on the activity the screen was set under (after a
   * restart, for example), what the facilitator chose stays on screen.
   */
  @Override
  public Future<Void> activityChanged(Activity activity) {
    var screen = anon.screen();
    boolean sameActivity = activity.id().equals(screen.activityId());
    if (sameActivity && (screen.current() != null || !activity.type().isAnonymous())) {
      unfollowed = null;
      return Future.succeededFuture();
    }
    Future<PromptRef> prompt;
    if (activity.type().isAnonymous()) {
      prompt = anon.latestRound(activity.id()).map(Future::succeededFuture).orElseGet(() -> {
        try {
          ReleaseRule rule = ReleaseRule.threshold(session.state().settings().anonymityThreshold());
          PromptRef ref = PromptRef.of(session.sessionId(), activity.id());
          return anon.open(ref, PromptSpecs.forActivity(activity, rule)).map(LivePrompt::ref);
        } catch (AppException e) {
          return Future.failedFuture(e);
        }
      });
    } else {
      prompt = Future.succeededFuture(null);
    }
    return prompt.compose(ref -> anon.show(screen.showing(activity.id(), ref)))
        .onSuccess(v -> {
          unfollowed = null;
          session.publishSoon();
        })
        .onFailure(e -> unfollowed = activity);
  }

  /** The session ended: every prompt closes; items still held stay hidden for good. */
  @Override
  public Future<Void> ended() {
    Future<Void> chain = Future.succeededFuture();
    for (LivePrompt p : anon.all()) {
      if (p.isOpen()) {
        chain = chain.compose(v -> {
          LivePrompt latest = anon.prompt(p.ref()).orElse(p);
          LivePrompt.Opening closing = latest.setOpen(false);
          return anon.apply(closing.change(), closing.next());
        });
      }
    }
    return chain.onComplete(ar -> session.publishSoon());
  }

  // Views.

  @Override
  public void addTo(JsonObject view, Audience audience, String participantId) {
    LivePrompt p = anon.current();
    String title = anon.title(p, session.module());
    boolean adHoc = p != null && anon.screen().askFor(p.ref().promptId()) != null;
    switch (audience) {
      case PUBLIC -> view.put("anonymous", AnonViews.forPublic(p, title, adHoc));
      case FACILITATOR -> view.put("anonymous", AnonViews.forFacilitator(p, title, adHoc, anon.screen().projected(),
          anon.signals().counts(), anon.list(session.module())));
      case DISPLAY -> view.put("anonymous", AnonViews.forDisplay(p, title, adHoc, anon.screen().projected()));
      case PARTICIPANT -> view.put("anonymous", participantPart(p, participantId));
    }
  }

  private JsonObject participantPart(LivePrompt p, String participantId) {
    SignalBoard board = anon.signals();
    ParticipantRef signals = signalRef(participantId);
    boolean ouch = board.isPending(SignalKind.OUCH, signals);
    boolean pause = board.isPending(SignalKind.PAUSE, signals);
    if (p == null) {
      return AnonViews.forParticipant(null, 0, false, List.of(), ouch, pause);
    }
    ParticipantRef who = promptRef(p, participantId);
    if (p.poll() != null) {
      PollState poll = p.poll();
      boolean answered = poll.hasAnswered(who);
      return AnonViews.forParticipant(p, answered || !poll.isOpen() ? 0 : 1, answered, List.of(), ouch, pause);
    }
    PromptState items = p.items();
    List<String> votedFor = p.kind() != PromptKind.QUESTIONS ? List.of()
        : items.questions(QuestionOrder.VOTES, false).stream().map(QuestionView::id)
            .filter(id -> items.hasVoted(who, id)).sorted().toList();
    return AnonViews.forParticipant(p, items.isOpen() ? items.remainingFor(who) : 0, false, votedFor, ouch, pause);
  }

  /**
   * Makes the feature for each session. One per server; thread-safe (the store, the refs and
   * {@link SecureRandom} are).
   */
  public static final class Factory implements LiveFeature.Factory {
    private final AnonymousStore store;
    private final ParticipantRefs refs;
    private final RandomGenerator random;
    private final Function<String, Future<Module>> modules;

    /**
     * @param modules the module a session runs, for titles in reports (sessions in memory are not needed)
     */
    public Factory(AnonymousStore store, ParticipantRefs refs, RandomGenerator random,
        Function<String, Future<Module>> modules) {
      this.store = store;
      this.refs = refs;
      this.random = random;
      this.modules = modules;
    }

    /** Loads the roll key (see {@link RollKey}) and prepares the store's indexes. */
    public static Future<Factory> start(Vertx vertx, Config config, MongoClient mongo, SessionDirectory sessions,
        ModuleStore moduleStore) {
      AnonymousStore store = AnonymousStore.create(mongo, config.keyDir());
      Function<String, Future<Module>> modules = id -> sessions.get(id)
          .compose(entry -> moduleStore.get(entry.moduleSlug(), entry.moduleVersion()));
      return RollKey.load(vertx, config).compose(key -> store.init()
          .map(v -> new Factory(store, ParticipantRefs.withKey(key), new SecureRandom(), modules)));
    }

    /** Released items and poll results, and the count of prompts that never reached their threshold. */
    @Override
    public Future<AnonymousResults> results(String sessionId) {
      return Future.all(store.loadSession(sessionId), store.loadScreen(sessionId), modules.apply(sessionId))
          .map(all -> AnonymousReport.of(all.<List<StoredPrompt>>resultAt(0).stream().map(Factory::restore).toList(),
              all.resultAt(1), all.resultAt(2)));
    }

    @Override
    public Future<LiveFeature> open(SessionContext session) {
      String id = session.sessionId();
      return Future.all(store.loadSession(id), store.loadScreen(id), store.loadSignals(id)).map(all -> {
        List<LivePrompt> prompts = all.<List<StoredPrompt>>resultAt(0).stream().map(Factory::restore).toList();
        AnonSession anon = new AnonSession(id, store, prompts, all.resultAt(1), SignalBoard.restore(all.resultAt(2)));
        return new AnonymityFeature(session, anon, refs, random);
      });
    }

    private static LivePrompt restore(StoredPrompt stored) {
      return stored.settings().kind() == PromptKind.POLL
          ? new LivePrompt(stored.prompt(), null, PollState.restore(stored))
          : new LivePrompt(stored.prompt(), PromptState.restore(stored), null);
    }

    @Override
    public Future<Void> deleteSession(String sessionId) {
      return store.deleteSession(sessionId);
    }
  }
}
