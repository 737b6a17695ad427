package org.talkingpiece.floor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.talkingpiece.floor.FloorEvent.FloorConfigured;
import org.talkingpiece.floor.FloorEvent.FloorGiven;
import org.talkingpiece.floor.FloorEvent.HandLowered;
import org.talkingpiece.floor.FloorEvent.HandRaised;
import org.talkingpiece.floor.FloorEvent.ModeChanged;
import org.talkingpiece.floor.FloorEvent.ParticipantLeft;
import org.talkingpiece.floor.FloorEvent.Passed;
import org.talkingpiece.floor.FloorEvent.QueueMoved;
import org.talkingpiece.floor.FloorEvent.QueueRemoved;
import org.talkingpiece.floor.FloorEvent.QueueVisibilitySet;
import org.talkingpiece.floor.FloorEvent.RoundFinished;
import org.talkingpiece.floor.FloorEvent.RoundJoined;
import org.talkingpiece.floor.FloorEvent.RoundSecondPass;
import org.talkingpiece.floor.FloorEvent.RoundSkipped;
import org.talkingpiece.floor.FloorEvent.RoundStarted;
import org.talkingpiece.floor.FloorEvent.TimerPaused;
import org.talkingpiece.floor.FloorEvent.TimerResumed;
import org.talkingpiece.floor.FloorEvent.TurnEnded;
import org.talkingpiece.floor.FloorEvent.TurnExtended;
import org.talkingpiece.floor.FloorEvent.TurnLimitSet;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Args;

/**
 * Floor events to and from JSON for the session log. Each document has a {@code type} field
 * ({@code floor.given}, ...) naming the record, and the record's components as fields. Stateless and
 * safe to use from any thread.
 */
public final class FloorEventCodec {
  /** Every {@code type} this codec reads and writes start with this prefix. */
  public static final String PREFIX = "floor.";

  private FloorEventCodec() {}

  /** Whether a stored event's {@code type} belongs to the floor. */
  public static boolean handles(String type) {
    return type != null && type.startsWith(PREFIX);
  }

  public static JsonObject encode(FloorEvent event) {
    JsonObject j = new JsonObject().put("type", typeOf(event));
    if (event instanceof FloorConfigured e) {
      FloorSettings s = e.settings();
      j.put("activityId", s.activityId()).put("mode", s.mode().wire())
          .put("turnLimitSeconds", s.turnLimitSeconds()).put("overtime", s.overtime().wire())
          .put("warnSeconds", s.warnSeconds()).put("showQueueNames", s.showQueueNames())
          .put("roundOrder", s.roundOrder().wire()).put("secondPass", s.secondPass());
    } else if (event instanceof HandRaised e) {
      j.put("participantId", e.participantId()).put("at", e.at());
    } else if (event instanceof HandLowered e) {
      j.put("participantId", e.participantId());
    } else if (event instanceof QueueMoved e) {
      j.put("participantId", e.participantId()).put("toIndex", e.toIndex());
    } else if (event instanceof QueueRemoved e) {
      j.put("participantId", e.participantId());
    } else if (event instanceof FloorGiven e) {
      j.put("speakerId", e.speakerId()).put("activityId", e.activityId()).put("mode", e.mode().wire())
          .put("at", e.at()).put("reason", e.reason());
    } else if (event instanceof TurnEnded e) {
      Turn t = e.turn();
      j.put("speakerId", t.speakerId()).put("activityId", t.activityId()).put("mode", t.mode())
          .put("startedAt", t.startedAt()).put("endedAt", t.endedAt()).put("pausedMillis", t.pausedMillis())
          .put("how", t.endedHow());
    } else if (event instanceof TurnExtended e) {
      j.put("seconds", e.seconds());
    } else if (event instanceof TimerPaused e) {
      j.put("at", e.at());
    } else if (event instanceof TimerResumed e) {
      j.put("at", e.at());
    } else if (event instanceof ModeChanged e) {
      j.put("mode", e.mode().wire()).put("queueOrder", new JsonArray(e.queueOrder()));
    } else if (event instanceof TurnLimitSet e) {
      j.put("seconds", e.seconds()).put("overtime", e.overtime().wire()).put("warnSeconds", e.warnSeconds());
    } else if (event instanceof QueueVisibilitySet e) {
      j.put("showNames", e.showNames());
    } else if (event instanceof Passed e) {
      j.put("participantId", e.participantId()).put("at", e.at());
    } else if (event instanceof RoundStarted e) {
      j.put("order", new JsonArray(e.order())).put("secondPass", e.secondPass())
          .put("leftOut", new JsonArray(e.leftOut()));
    } else if (event instanceof RoundJoined e) {
      j.put("participantId", e.participantId());
    } else if (event instanceof RoundSkipped e) {
      j.put("participantId", e.participantId()).put("reason", e.reason());
    } else if (event instanceof RoundSecondPass e) {
      j.put("order", new JsonArray(e.order()));
    } else if (event instanceof RoundFinished e) {
      j.put("how", e.how());
    } else if (event instanceof ParticipantLeft e) {
      j.put("participantId", e.participantId());
    }
    return j;
  }

  /** The event stored as {@code json}, or INVALID_INPUT naming the type and the field that is wrong. */
  public static FloorEvent decode(JsonObject json) {
    if (json == null) {
      throw AppException.invalid("floor event: missing");
    }
    String type = Args.string(json, "floor event", "type");
    String w = type;
    return switch (type) {
      case "floor.configured" -> new FloorConfigured(new FloorSettings(
          Args.string(json, w, "activityId"), FloorMode.parse(w + ": mode", Args.string(json, w, "mode")),
          Args.integer(json, w, "turnLimitSeconds"),
          Overtime.parse(w + ": overtime", Args.string(json, w, "overtime")),
          Args.integer(json, w, "warnSeconds"), Args.bool(json, w, "showQueueNames"),
          RoundOrder.parse(w + ": roundOrder", Args.string(json, w, "roundOrder")),
          Args.bool(json, w, "secondPass")));
      case "floor.hand-raised" -> new HandRaised(id(json, w), Args.number(json, w, "at"));
      case "floor.hand-lowered" -> new HandLowered(id(json, w));
      case "floor.queue-moved" -> new QueueMoved(id(json, w), Args.integer(json, w, "toIndex"));
      case "floor.queue-removed" -> new QueueRemoved(id(json, w));
      case "floor.given" -> new FloorGiven(Args.string(json, w, "speakerId"), Args.string(json, w, "activityId"),
          FloorMode.parse(w + ": mode", Args.string(json, w, "mode")), Args.number(json, w, "at"),
          Args.string(json, w, "reason"));
      case "floor.turn-ended" -> new TurnEnded(turn(json, w));
      case "floor.turn-extended" -> new TurnExtended(Args.integer(json, w, "seconds"));
      case "floor.timer-paused" -> new TimerPaused(Args.number(json, w, "at"));
      case "floor.timer-resumed" -> new TimerResumed(Args.number(json, w, "at"));
      case "floor.mode-changed" -> new ModeChanged(FloorMode.parse(w + ": mode", Args.string(json, w, "mode")),
          Args.strings(json, w, "queueOrder"));
      case "floor.turn-limit-set" -> new TurnLimitSet(Args.integer(json, w, "seconds"),
          Overtime.parse(w + ": overtime", Args.string(json, w, "overtime")), Args.integer(json, w, "warnSeconds"));
      case "floor.queue-visibility-set" -> new QueueVisibilitySet(Args.bool(json, w, "showNames"));
      case "floor.passed" -> new Passed(id(json, w), Args.number(json, w, "at"));
      case "floor.round-started" -> new RoundStarted(Args.strings(json, w, "order"), Args.bool(json, w, "secondPass"),
          Args.strings(json, w, "leftOut"));
      case "floor.round-joined" -> new RoundJoined(id(json, w));
      case "floor.round-skipped" -> new RoundSkipped(id(json, w), Args.string(json, w, "reason"));
      case "floor.round-second-pass" -> new RoundSecondPass(Args.strings(json, w, "order"));
      case "floor.round-finished" -> new RoundFinished(Args.string(json, w, "how"));
      case "floor.participant-left" -> new ParticipantLeft(id(json, w));
      default -> throw AppException.invalid("floor event: unknown type");
    };
  }

  static String typeOf(FloorEvent event) {
    if (event instanceof FloorConfigured) {
      return "floor.configured";
    } else if (event instanceof HandRaised) {
      return "floor.hand-raised";
    } else if (event instanceof HandLowered) {
      return "floor.hand-lowered";
    } else if (event instanceof QueueMoved) {
      return "floor.queue-moved";
    } else if (event instanceof QueueRemoved) {
      return "floor.queue-removed";
    } else if (event instanceof FloorGiven) {
      return "floor.given";
    } else if (event instanceof TurnEnded) {
      return "floor.turn-ended";
    } else if (event instanceof TurnExtended) {
      return "floor.turn-extended";
    } else if (event instanceof TimerPaused) {
      return "floor.timer-paused";
    } else if (event instanceof TimerResumed) {
      return "floor.timer-resumed";
    } else if (event instanceof ModeChanged) {
      return "floor.mode-changed";
    } else if (event instanceof TurnLimitSet) {
      return "floor.turn-limit-set";
    } else if (event instanceof QueueVisibilitySet) {
      return "floor.queue-visibility-set";
    } else if (event instanceof Passed) {
      return "floor.passed";
    } else if (event instanceof RoundStarted) {
      return "floor.round-started";
    } else if (event instanceof RoundJoined) {
      return "floor.round-joined";
    } else if (event instanceof RoundSkipped) {
      return "floor.round-skipped";
    } else if (event instanceof RoundSecondPass) {
      return "floor.round-second-pass";
    } else if (event instanceof RoundFinished) {
      return "floor.round-finished";
    } else if (event instanceof ParticipantLeft) {
      return "floor.participant-left";
    }
    throw new IllegalArgumentException("not a floor event: " + event);
  }

  private static String id(JsonObject json, String where) {
    return Args.string(json, where, "participantId");
  }

  private static Turn turn(JsonObject json, String w) {
    long startedAt = Args.number(json, w, "startedAt");
    long endedAt = Args.number(json, w, "endedAt");
    long pausedMillis = Args.number(json, w, "pausedMillis");
    if (endedAt < startedAt) {
      throw Args.bad(w, "endedAt", "must not be before startedAt");
    }
    if (pausedMillis < 0) {
      throw Args.bad(w, "pausedMillis", "must not be negative");
    }
    return new Turn(Args.string(json, w, "speakerId"), Args.string(json, w, "activityId"),
        Args.string(json, w, "mode"), startedAt, endedAt, pausedMillis, -1, Args.string(json, w, "how"));
  }
}
