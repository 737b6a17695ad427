package org.talkingpiece.floor;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Args;

/**
 * How the floor runs during one activity, as chosen by the module and changed live by the facilitator.
 *
 * @param activityId the agenda activity; every turn records it
 * @param mode how the floor is handed out
 * @param turnLimitSeconds the limit of each participant's turn, 0 for none, otherwise 15–900
 * @param overtime what happens at the limit
 * @param warnSeconds how long before the limit screens show a warning, 0–120 (0: no warning)
 * @param showQueueNames whether participants see the names in the queue or only their own place
 * @param roundOrder the default order of a go-around started without one
 * @param secondPass the default for one more pass at the end of a round for those who passed
 */
public record FloorSettings(
    String activityId,
    FloorMode mode,
    int turnLimitSeconds,
    Overtime overtime,
    int warnSeconds,
    boolean showQueueNames,
    RoundOrder roundOrder,
    boolean secondPass) {

  public static final int MIN_LIMIT_SECONDS = 15;
  public static final int MAX_LIMIT_SECONDS = 900;
  public static final int MAX_WARN_SECONDS = 120;

  public FloorSettings {
    if (activityId == null || activityId.isBlank()) {
      throw AppException.invalid("activityId must be a non-empty string");
    }
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(overtime, "overtime");
    Objects.requireNonNull(roundOrder, "roundOrder");
    checkLimit("turnLimitSeconds", turnLimitSeconds);
    checkWarn("warnSeconds", warnSeconds);
  }

  /**
   * The floor for an activity of a module, from its {@code type} and {@code settings} as described in
   * docs/module-format.md. Types without a live floor ({@code talk}, {@code reflection}, ...) get the
   * open floor with no time limit, so the facilitator can still give someone the floor.
   */
  public static FloorSettings forActivity(String activityId, String type, JsonObject settings) {
    JsonObject s = Args.orEmpty(settings);
    String where = "activity " + activityId + " settings";
    if ("round".equals(type)) {
      String order = s.getValue("order") == null ? "join" : Args.string(s, where, "order");
      return new FloorSettings(activityId, FloorMode.ROUND,
          limit(s, where, "secondsPerTurn", 90), overtime(s, where), warn(s, where), true,
          RoundOrder.parse(where + ": order", order), Args.bool(s, where, "secondPass", true));
    }
    if ("discussion".equals(type)) {
      String mode = s.getValue("queueMode") == null ? "progressive" : Args.string(s, where, "queueMode");
      FloorMode floorMode = FloorMode.parse(where + ": queueMode", mode);
      if (floorMode == FloorMode.ROUND) {
        throw Args.bad(where, "queueMode", "must be one of open, queue, progressive");
      }
      return new FloorSettings(activityId, floorMode,
          limit(s, where, "turnLimitSeconds", 120), overtime(s, where), warn(s, where),
          Args.bool(s, where, "showQueueNames", true), RoundOrder.JOIN, true);
    }
    return new FloorSettings(activityId, FloorMode.OPEN, 0, Overtime.SOFT, 0, true, RoundOrder.JOIN, true);
  }

  /**
   * This floor with a session's defaults applied, as the activity starts: {@code turnSeconds} becomes
   * the limit when this floor has none (a talk's open floor, or a round or discussion the module left
   * without a limit), and a limit the module set is kept; {@code queueMode} replaces the mode of a hand
   * queue ({@code queue} or {@code progressive}) and never touches a round or an open floor. A
   * {@code null} default leaves its part as it is. The facilitator can still change both live.
   *
   * @param turnSeconds 0 (no limit) or 15–900, or {@code null}
   * @param queueMode {@link FloorMode#QUEUE} or {@link FloorMode#PROGRESSIVE}, or {@code null}
   */
  public FloorSettings withSessionDefaults(Integer turnSeconds, FloorMode queueMode) {
    if (queueMode != null && !queueMode.isHandQueue()) {
      throw new IllegalArgumentException("a session's queue mode is queue or progressive, not " + queueMode.wire());
    }
    FloorSettings out = this;
    if (turnSeconds != null && turnLimitSeconds == 0) {
      out = out.withLimit(turnSeconds, overtime, warnSeconds);
    }
    if (queueMode != null && mode.isHandQueue()) {
      out = out.withMode(queueMode);
    }
    return out;
  }

  FloorSettings withMode(FloorMode newMode) {
    return new FloorSettings(activityId, newMode, turnLimitSeconds, overtime, warnSeconds, showQueueNames,
        roundOrder, secondPass);
  }

  FloorSettings withLimit(int seconds, Overtime newOvertime, int warn) {
    return new FloorSettings(activityId, mode, seconds, newOvertime, warn, showQueueNames, roundOrder, secondPass);
  }

  FloorSettings withQueueNames(boolean show) {
    return new FloorSettings(activityId, mode, turnLimitSeconds, overtime, warnSeconds, show, roundOrder, secondPass);
  }

  static void checkLimit(String field, int seconds) {
    if (seconds != 0 && (seconds < MIN_LIMIT_SECONDS || seconds > MAX_LIMIT_SECONDS)) {
      throw AppException.invalid(field + " must be 0 (no limit) or between " + MIN_LIMIT_SECONDS + " and "
          + MAX_LIMIT_SECONDS);
    }
  }

  static void checkWarn(String field, int seconds) {
    if (seconds < 0 || seconds > MAX_WARN_SECONDS) {
      throw AppException.invalid(field + " must be between 0 and " + MAX_WARN_SECONDS);
    }
  }

  private static int limit(JsonObject s, String where, String field, int absent) {
    int seconds = Args.integer(s, where, field, absent);
    checkLimit(where + ": " + field, seconds);
    return seconds;
  }

  private static int warn(JsonObject s, String where) {
    int seconds = Args.integer(s, where, "warnSeconds", 15);
    checkWarn(where + ": warnSeconds", seconds);
    return seconds;
  }

  private static Overtime overtime(JsonObject s, String where) {
    String value = s.getValue("overtime") == null ? "soft" : Args.string(s, where, "overtime");
    return Overtime.parse(where + ": overtime", value);
  }
}
