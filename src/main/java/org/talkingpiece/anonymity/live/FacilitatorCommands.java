package org.talkingpiece.anonymity.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.talkingpiece.anonymity.PromptKind;
import org.talkingpiece.anonymity.PromptRef;
import org.talkingpiece.anonymity.PromptSettings;
import org.talkingpiece.anonymity.QuestionFlags;
import org.talkingpiece.anonymity.QuestionOrder;
import org.talkingpiece.anonymity.QuestionView;
import org.talkingpiece.anonymity.ReleaseRule;
import org.talkingpiece.anonymity.ScreenState;
import org.talkingpiece.anonymity.ShownItem;
import org.talkingpiece.anonymity.SignalKind;
import org.talkingpiece.anonymity.Step;
import org.talkingpiece.anonymity.PromptState;
import org.talkingpiece.session.SessionContext;
import org.talkingpiece.session.SessionStatus;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Args;
import org.talkingpiece.shared.Ids;

/**
 * The facilitator's anonymous-input commands: asking on the spot, choosing what screens show,
 * moderating questions, closing and reopening, and acknowledging signals. None of them can reveal
 * anything the rules have not released: moderation and the projector only take released items.
 *
 * <p>Threading: the session owner's thread, one command at a time.
 */
final class FacilitatorCommands {
  private static final Set<String> COMMANDS = Set.of("anon.open", "anon.show", "anon.close", "anon.reopen",
      "anon.release-immediately", "anon.moderate", "anon.project", "anon.unproject", "signal.acknowledge");
  /** Enough for any workshop; keeps the screen document small. */
  static final int MAX_ASKS = 50;

  private final SessionContext session;
  private final AnonSession anon;

  FacilitatorCommands(SessionContext session, AnonSession anon) {
    this.session = session;
    this.anon = anon;
  }

  static boolean handles(String command) {
    return COMMANDS.contains(command);
  }

  Future<JsonObject> run(Actor facilitator, String command, JsonObject args) {
    if (session.state().status() == SessionStatus.ENDED && !"signal.acknowledge".equals(command)) {
      throw AppException.wrongState("The session has ended.");
    }
    Future<Void> done = switch (command) {
      case "anon.open" -> ask(args);
      case "anon.show" -> show(args);
      case "anon.close" -> setOpen(false);
      case "anon.reopen" -> setOpen(true);
      case "anon.release-immediately" -> releaseImmediately();
      case "anon.moderate" -> moderate(args);
      case "anon.project" -> project(args);
      case "anon.unproject" -> unproject(args);
      case "signal.acknowledge" -> anon.apply(anon.signals().acknowledge(Args.oneOf(args, command, "kind", SignalKind.values(), SignalKind::wire)));
      default -> throw AppException.invalid("There is no such command.");
    };
    return done.map(v -> {
      JsonObject reply = new JsonObject();
      if ("anon.open".equals(command) || "anon.release-immediately".equals(command)) {
        PromptRef now = anon.screen().current();
        reply.put("promptId", now.promptId()).put("round", now.round());
      }
      return reply;
    });
  }

  /** {@code anon.open}: asks something on the spot; it goes on every screen at once. */
  private Future<Void> ask(JsonObject args) {
    if (session.state().status() != SessionStatus.LIVE) {
      throw AppException.wrongState("Start the session before asking anything.");
    }
    if (anon.screen().asks().size() >= MAX_ASKS) {
      throw AppException.wrongState("This session already has " + MAX_ASKS + " prompts asked on the spot.");
    }
    String ask = PromptSpecs.ask(args);
    PromptSettings settings = PromptSpecs.adHoc(args, session.state().settings().anonymityThreshold());
    PromptRef ref = PromptRef.of(session.sessionId(), "ask-" + Ids.random());
    ScreenState screen = anon.screen();
    return anon.open(ref, settings)
        .compose(p -> anon.show(screen.withAsk(new ScreenState.Ask(ref.promptId(), ask)).showing(screen.activityId(), ref)));
  }

  /** {@code anon.show {promptId, round?}}: puts another prompt of the session back on screen. */
  private Future<Void> show(JsonObject args) {
    String promptId = Args.text(args, "anon.show", "promptId");
    Integer round = Args.optionalInteger(args, "anon.show", "round");
    PromptRef ref = round == null ? anon.latestRound(promptId).orElse(null)
        : anon.prompt(new PromptRef(session.sessionId(), promptId, Math.max(1, round))).map(LivePrompt::ref).orElse(null);
    if (ref == null) {
      throw AppException.notFound("There is no such prompt in this session.");
    }
    if (ref.equals(anon.screen().current())) {
      return Future.succeededFuture();
    }
    return anon.show(anon.screen().showing(anon.screen().activityId(), ref));
  }

  private Future<Void> setOpen(boolean open) {
    LivePrompt p = anon.requireCurrent();
    if (p.isOpen() == open) {
      return Future.succeededFuture();
    }
    LivePrompt.Opening change = p.setOpen(open);
    return anon.apply(change.change(), change.next());
  }

  /**
   * {@code anon.release-immediately}: from now on answers show as they arrive. Allowed only while
   * nobody has written, since people who wrote were promised the threshold; the rule of a prompt never
   * changes, so this asks the same prompt again as a new round under the immediate rule, and the
   * participant screens show that notice before anyone writes.
   */
  private Future<Void> releaseImmediately() {
    LivePrompt p = anon.requireCurrent();
    if (p.settings().rule().immediate()) {
      return Future.succeededFuture();
    }
    if (p.summary().count() > 0) {
      throw AppException.wrongState("People have already answered under the promise that nothing shows until "
          + p.settings().rule().threshold() + " have. Answers can only be shown at once before anyone writes.");
    }
    PromptSettings s = p.settings();
    PromptSettings immediate = new PromptSettings(s.kind(), ReleaseRule.immediateWithNotice(), s.maxLength(),
        s.perPerson(), s.premoderation(), s.maxWords(), s.poll());
    PromptRef next = new PromptRef(p.ref().sessionId(), p.ref().promptId(), anon.latestRound(p.ref().promptId())
        .map(PromptRef::round).orElse(p.ref().round()) + 1);
    LivePrompt.Opening closing = p.setOpen(false);
    return anon.open(next, immediate)
        .compose(fresh -> anon.show(anon.screen().showing(anon.screen().activityId(), next)))
        .compose(v -> p.isOpen() ? anon.apply(closing.change(), closing.next()).otherwiseEmpty() : Future.succeededFuture());
  }

  /** {@code anon.moderate {questionId, approved?, hidden?, pinned?, answered?}}: flags left out stay as they are. */
  private Future<Void> moderate(JsonObject args) {
    LivePrompt p = anon.requireCurrent();
    if (p.kind() != PromptKind.QUESTIONS) {
      throw AppException.wrongState("Only questions are moderated.");
    }
    String questionId = Args.text(args, "anon.moderate", "questionId");
    QuestionFlags was = p.items().questions(QuestionOrder.VOTES, true).stream()
        .filter(q -> q.id().equals(questionId)).map(QuestionView::flags).findFirst()
        .orElseThrow(() -> AppException.notFound("There is no such question."));
    Boolean approved = Args.optionalBool(args, "anon.moderate", "approved");
    Boolean hidden = Args.optionalBool(args, "anon.moderate", "hidden");
    Boolean pinned = Args.optionalBool(args, "anon.moderate", "pinned");
    Boolean answered = Args.optionalBool(args, "anon.moderate", "answered");
    if (approved == null && hidden == null && pinned == null && answered == null) {
      throw AppException.invalid("Say what to change: approved, hidden, pinned or answered.");
    }
    QuestionFlags flags = new QuestionFlags(or(approved, was.approved()), or(hidden, was.hidden()),
        or(pinned, was.pinned()), or(answered, was.answered()));
    Step<PromptState> step = p.items().moderate(questionId, flags);
    boolean visible = !flags.hidden() && (!p.settings().premoderation() || flags.approved());
    return anon.apply(step.change(), p.with(step.next()))
        .compose(v -> visible ? Future.<Void>succeededFuture() : unprojectQuietly(questionId).otherwiseEmpty());
  }

  /** {@code anon.project {itemId}}: puts a released item on the projector (a question only once others can see it). */
  private Future<Void> project(JsonObject args) {
    LivePrompt p = anon.requireCurrent();
    String itemId = Args.text(args, "anon.project", "itemId");
    List<String> projected = anon.screen().projected();
    if (projected.contains(itemId)) {
      return Future.succeededFuture();
    }
    switch (p.kind()) {
      case POLL -> throw AppException.wrongState("Poll results go on the projector by themselves once they are released.");
      case QUESTIONS -> {
        boolean visible = p.items().questions(QuestionOrder.VOTES, false).stream().anyMatch(q -> q.id().equals(itemId));
        if (!visible) {
          boolean released = p.items().shown().stream().anyMatch(i -> i.id().equals(itemId));
          throw released ? AppException.wrongState("Approve this question before putting it on the projector.")
              : AppException.notFound("There is no such question.");
        }
      }
      default -> {
        if (p.items().shown().stream().map(ShownItem::id).noneMatch(itemId::equals)) {
          throw AppException.notFound("There is no such answer among those shown.");
        }
      }
    }
    if (projected.size() >= ScreenState.MAX_PROJECTED) {
      throw AppException.wrongState("The projector shows up to " + ScreenState.MAX_PROJECTED
          + " at once; take one down first.");
    }
    List<String> more = new ArrayList<>(projected);
    more.add(itemId);
    return anon.show(anon.screen().withProjected(more));
  }

  /** {@code anon.unproject {itemId?}}: takes one item, or everything, off the projector. */
  private Future<Void> unproject(JsonObject args) {
    String itemId = Args.optionalText(args, "anon.unproject", "itemId");
    return itemId == null ? anon.show(anon.screen().withProjected(List.of())) : unprojectQuietly(itemId);
  }

  /** Takes an item off the projector if it is there (it was withdrawn, hidden or unapproved). */
  Future<Void> unprojectQuietly(String itemId) {
    List<String> projected = anon.screen().projected();
    if (!projected.contains(itemId)) {
      return Future.succeededFuture();
    }
    List<String> fewer = new ArrayList<>(projected);
    fewer.remove(itemId);
    return anon.show(anon.screen().withProjected(fewer));
  }

  private static boolean or(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }
}
