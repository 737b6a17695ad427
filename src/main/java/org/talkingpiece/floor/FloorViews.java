package org.talkingpiece.floor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.talkingpiece.floor.HandQueue.Place;

/**
 * What screens show about the floor. Times are absolute epoch milliseconds from the server's clock
 * ({@code deadline}, {@code warnAt}, {@code startedAt}), plus {@code serverNow} so a screen can allow
 * for its own clock being off; screens count down from the deadline themselves. Only a paused turn
 * carries {@code remainingMillis}, because its countdown is frozen.
 *
 * <p>The participant view never holds anyone's airtime or turn count, and holds names in the queue or
 * round only when the facilitator shows them.
 */
final class FloorViews {
  static final String FACILITATOR_NAME = "Facilitator";

  private FloorViews() {}

  /**
   * {@code {serverNow, activityId, mode, turnLimitSeconds, overtime, warnSeconds, showQueueNames,
   * speaker: {id, name, reason, ...timer} | null, queue: [{id, name, present, raisedAt, turns,
   * airtimeMillis, reason}], round: {active, finished, pass, secondPass, current, order: [{id, name,
   * present, status}], upNext: [id], secondChance: [id]} | null}}. Queue reasons explain progressive
   * places ("first time speaking", "2 turns so far, 1 min 5 s").
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
      queue.add(new JsonObject().put("id", id).put("name", name(roster, id)).put("present", roster.isPresent(id))
          .put("raisedAt", p.hand().raisedAt()).put("turns", p.turns()).put("airtimeMillis", p.airtimeMillis())
          .put("reason", s.mode() == FloorMode.PROGRESSIVE ? p.reason() : null));
    }
    view.put("queue", queue);
    Round round = f.round();
    if (round.started()) {
      JsonArray order = new JsonArray();
      for (String id : round.order()) {
        order.add(new JsonObject().put("id", id).put("name", name(roster, id)).put("present", roster.isPresent(id))
            .put("status", round.statusOf(id)));
      }
      view.put("round", roundHeader(round).put("current", round.current()).put("order", order)
          .put("upNext", new JsonArray(round.pending())).put("secondChance", new JsonArray(round.secondChance())));
    }
    return view;
  }

  /**
   * {@code {serverNow, activityId, mode, showQueueNames, speaker: {name, you, ...timer} | null,
   * youHaveTheFloor, canPass, canRaiseHand, handRaised, queuePosition (1-based) | null, queueLength,
   * queue: [{name, you}] (only when names are shown), round: {active, finished, pass, secondPass,
   * yourStatus, placesBeforeYou, order: [{name, you, status}] (only when names are shown)} | null}}.
   */
  static JsonObject participant(Floor f, Roster roster, String me, long now) {
    JsonObject view = header(f, now);
    FloorSettings s = f.current();
    if (s == null) {
      return view;
    }
    TurnTimer timer = f.timer();
    boolean mine = timer != null && timer.turn().speakerId().equals(me);
    if (timer != null) {
      view.put("speaker", timer(timer, now).put("name", name(roster, timer.turn().speakerId())).put("you", mine));
    }
    List<String> queue = f.queue().idsInOrder(s.mode(), f.log(), now);
    int index = queue.indexOf(me);
    view.put("youHaveTheFloor", mine).put("canPass", mine)
        .put("canRaiseHand", s.mode().usesHands() && !mine && index < 0)
        .put("handRaised", index >= 0).put("queuePosition", index >= 0 ? index + 1 : null)
        .put("queueLength", queue.size());
    if (s.showQueueNames()) {
      JsonArray names = new JsonArray();
      queue.forEach(id -> names.add(new JsonObject().put("name", name(roster, id)).put("you", id.equals(me))));
      view.put("queue", names);
    }
    Round round = f.round();
    if (round.started()) {
      int place = round.pending().indexOf(me);
      JsonObject r = roundHeader(round).put("yourStatus", round.statusOf(me))
          .put("placesBeforeYou", place >= 0 ? place : null);
      if (s.showQueueNames()) {
        JsonArray order = new JsonArray();
        round.order().forEach(id -> order.add(new JsonObject().put("name", name(roster, id))
            .put("you", id.equals(me)).put("status", round.statusOf(id))));
        r.put("order", order);
      }
      view.put("round", r);
    }
    return view;
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

  private static String name(Roster roster, String id) {
    return Turn.FACILITATOR.equals(id) ? FACILITATOR_NAME : roster.displayName(id);
  }
}
