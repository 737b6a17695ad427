package org.talkingpiece.floor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The floor as every screen with a token for the session sees it (phones and the projector). Built
 * field by field from the floor itself, never from the facilitator's view, so a field added to the
 * console later stays off these screens until it is added here on purpose.
 *
 * <p>{@code {serverNow, activityId, mode, showQueueNames, turnLimitSeconds, warnSeconds, overtime,
 * speaker: {name, facilitator, startedAt, paused, limitMillis, deadline, warnAt, overtime,
 * remainingMillis} | null, queue: [{name}], round: {active, finished, pass, secondPass, order: [{name,
 * status}]} | null}}.
 *
 * <p>What it leaves out on purpose: participant ids and any other handle that could follow a person
 * from one activity to the next; anyone's airtime, turn count or place reason; presence. A queue place
 * carries a name only when the facilitator shows names ({@code null} otherwise, so the length still
 * tells how many hands are up); the round's order is listed only when names are shown. A round place
 * that was passed over reads {@code passed} whatever the reason (see {@link #roundStatus}), so nobody
 * can tell a pass from a dropped connection or a private step-out. Each participant's own place is in
 * their private view ({@link FloorViews#participant}).
 */
public final class PublicFloor {
  private PublicFloor() {}

  public static JsonObject of(Floor f, Roster roster, long now) {
    FloorSettings s = f.current();
    JsonObject view = new JsonObject().put("serverNow", now)
        .put("activityId", s == null ? null : s.activityId())
        .put("mode", s == null ? null : s.mode().wire())
        .put("showQueueNames", s != null && s.showQueueNames())
        .put("turnLimitSeconds", s == null ? null : s.turnLimitSeconds())
        .put("warnSeconds", s == null ? null : s.warnSeconds())
        .put("overtime", s == null ? null : s.overtime().wire());
    if (s == null) {
      return view.putNull("speaker").put("queue", new JsonArray()).putNull("round");
    }
    TurnTimer timer = f.timer();
    view.put("speaker", timer == null ? null : speaker(timer, roster, now));
    boolean names = s.showQueueNames();
    JsonArray queue = new JsonArray();
    for (String id : f.queue().idsInOrder(s.mode(), f.log(), now)) {
      queue.add(new JsonObject().put("name", names ? FloorViews.name(roster, id) : null));
    }
    view.put("queue", queue);
    Round round = f.round();
    if (!round.started()) {
      return view.putNull("round");
    }
    JsonArray order = new JsonArray();
    if (names) {
      for (String id : round.order()) {
        order.add(new JsonObject().put("name", FloorViews.name(roster, id)).put("status", roundStatus(round.statusOf(id))));
      }
    }
    return view.put("round", new JsonObject().put("active", round.active()).put("finished", round.finishedHow())
        .put("pass", round.inSecondPass() ? "second" : "first").put("secondPass", round.hasSecondPass())
        .put("order", order));
  }

  /**
   * A round place as anyone but its owner may see it. Someone the round moved past without a turn
   * ({@code skipped}: away, or stepped out) reads as {@code passed}, like someone who chose to pass: the
   * rules treat both alike (both get the extra pass), and a stepped-out person must look like anyone
   * else not taking a turn.
   */
  static String roundStatus(String status) {
    return Round.SKIPPED.equals(status) ? Round.PASSED : status;
  }

  private static JsonObject speaker(TurnTimer t, Roster roster, long now) {
    String id = t.turn().speakerId();
    return new JsonObject().put("name", FloorViews.name(roster, id)).put("facilitator", Turn.FACILITATOR.equals(id))
        .put("startedAt", t.turn().startedAt()).put("paused", t.paused()).put("limitMillis", t.limitMillis())
        .put("deadline", t.deadline().isPresent() ? t.deadline().getAsLong() : null)
        .put("warnAt", t.warnAt().isPresent() ? t.warnAt().getAsLong() : null)
        .put("overtime", t.overtimeAt(now))
        .put("remainingMillis", t.paused() && t.timed() ? t.remainingAt(now) : null);
  }
}
