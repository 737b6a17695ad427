package org.talkingpiece.floor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.talkingpiece.floor.HandQueue.Place;

/**
 * The facilitator's floor and each participant's own place in it. What everyone else sees is
 * {@link PublicFloor}, built on its own rather than from the facilitator's view. Times are absolute
 * epoch milliseconds from the server's clock ({@code deadline}, {@code warnAt}, {@code startedAt}), plus
 * {@code serverNow} so a screen can allow for its own clock being off; screens count down from the
 * deadline themselves. Only a paused turn carries {@code remainingMillis}, because its countdown is
 * frozen.
 *
 * <p>Stepping out is private, from the facilitator too: nothing here reads it. Presence on the console
 * comes from the session's list of people (connected or not), and a round place the round moved past
 * reads {@code passed} whether the person passed, was away or stepped out. So a stepped-out person looks
 * like someone whose connection dropped and came back, or who passed: someone not taking a turn now.
 */
final class FloorViews {
  static final String FACILITATOR_NAME = "Facilitator";

  private FloorViews() {}

  /**
   * {@code {serverNow, activityId, mode, turnLimitSeconds, overtime, warnSeconds, showQueueNames,
   * speaker: {id, name, reason, ...timer} | null, queue: [{id, name, raisedAt, turns, airtimeMillis,
   * reason}], round: {active, finished, pass, secondPass, current, order: [{id, name, status}], upNext:
   * [id], secondChance: [id]} | null}}. Queue reasons explain progressive places ("first time
   * speaking", "2 turns so far, 1 min 5 s").
   */
  static JsonObject facilitator(Floor f, Roster roster, long now) {
    JsonObject view = header(f, now);
    FloorSettings s = f.current();
    if (s == null) {
      return view;
    }
    view.put("turnLimitSeconds", s.turnLimitSeconds()).put("overtime", s.overtime().wire())
        .put("warnSeconds", s.warnSeconds());
    TurnTimer timer = f.timer();
    if (timer != null) {
      String id = timer.turn().speakerId();
      view.put("speaker", timer(timer, now).put("id", id).put("name", name(roster, id))
          .put("reason", f.log().reason()).put("spokenMillis", timer.turn().durationAt(now)));
    }
    JsonArray queue = new JsonArray();
    for (Place p : f.queue().inOrder(s.mode(), f.log(), now)) {
      String id = p.participantId();
      queue.add(new JsonObject().put("id", id).put("name", name(roster, id))
          .put("raisedAt", p.hand().raisedAt()).put("turns", p.turns()).put("airtimeMillis", p.airtimeMillis())
          .put("reason", s.mode() == FloorMode.PROGRESSIVE ? p.reason() : null));
    }
    view.put("queue", queue);
    Round round = f.round();
    if (round.started()) {
      JsonArray order = new JsonArray();
      for (String id : round.order()) {
        order.add(new JsonObject().put("id", id).put("name", name(roster, id))
            .put("status", PublicFloor.roundStatus(round.statusOf(id))));
      }
      view.put("round", roundHeader(round).put("current", round.current()).put("order", order)
          .put("upNext", new JsonArray(round.pending())).put("secondChance", new JsonArray(round.secondChance())));
    }
    return view;
  }

  /**
   * One participant's own place, the only place it is worked out: {@code {youHaveTheFloor,
   * canRaiseHand, handRaised, queuePosition (1-based) | null, round: {yourStatus, placesBeforeYou |
   * null} | null}}. Their own round status is exact ({@code skipped} when the round moved past them
   * while they were away or stepped out), which nobody else sees. Nothing in it depends on the clock
   * except through the state, so it changes only when their place does and the private view is resent
   * only then. Everything the whole room shares is in {@link PublicFloor}.
   */
  static JsonObject participant(Floor f, Roster roster, String me, long now) {
    FloorSettings s = f.current();
    JsonObject view = new JsonObject();
    if (s == null) {
      return view.put("youHaveTheFloor", false).put("canRaiseHand", false).put("handRaised", false)
          .putNull("queuePosition").putNull("round");
    }
    TurnTimer timer = f.timer();
    boolean mine = timer != null && timer.turn().speakerId().equals(me);
    List<String> queue = f.queue().idsInOrder(s.mode(), f.log(), now);
    int index = queue.indexOf(me);
    Round round = f.round();
    // Offered on the phone as the rules allow it, except while a go-around runs: then everyone waits
    // for their place in it.
    boolean goAround = s.mode() == FloorMode.ROUND && round.active();
    view.put("youHaveTheFloor", mine).put("canRaiseHand", s.mode().usesHands() && !goAround && !mine && index < 0)
        .put("handRaised", index >= 0).put("queuePosition", index >= 0 ? index + 1 : null);
    if (!round.started()) {
      return view.putNull("round");
    }
    int place = round.pending().indexOf(me);
    return view.put("round", new JsonObject().put("yourStatus", round.statusOf(me))
        .put("placesBeforeYou", place >= 0 ? place : null));
  }

  private static JsonObject header(Floor f, long now) {
    FloorSettings s = f.current();
    JsonObject view = new JsonObject().put("serverNow", now).putNull("speaker").putNull("round");
    if (s == null) {
      return view.putNull("activityId").putNull("mode");
    }
    return view.put("activityId", s.activityId()).put("mode", s.mode().wire())
        .put("showQueueNames", s.showQueueNames());
  }

  private static JsonObject roundHeader(Round round) {
    return new JsonObject().put("active", round.active()).put("finished", round.finishedHow())
        .put("pass", round.inSecondPass() ? "second" : "first").put("secondPass", round.hasSecondPass());
  }

  /** The open turn's clock: {@code startedAt, paused, limitMillis (0 = none), deadline, warnAt, overtime}. */
  private static JsonObject timer(TurnTimer t, long now) {
    JsonObject j = new JsonObject().put("startedAt", t.turn().startedAt()).put("paused", t.paused())
        .put("limitMillis", t.limitMillis())
        .put("deadline", t.deadline().isPresent() ? t.deadline().getAsLong() : null)
        .put("warnAt", t.warnAt().isPresent() ? t.warnAt().getAsLong() : null)
        .put("overtime", t.overtimeAt(now));
    if (t.paused() && t.timed()) {
      j.put("remainingMillis", t.remainingAt(now));
    }
    return j;
  }

  static String name(Roster roster, String id) {
    return Turn.FACILITATOR.equals(id) ? FACILITATOR_NAME : roster.displayName(id);
  }
}
