package org.talkingpiece.floor;

import java.util.OptionalLong;

/**
 * The countdown of the open turn, worked out from what the log recorded: when the turn started, how
 * long it has been paused, and its limit (the activity's limit plus any extensions). Screens count
 * down from {@link #deadline()}, so nothing here depends on when a view was sent.
 *
 * @param limitMillis the turn's limit, extensions included, or 0 when the turn is not timed
 */
record TurnTimer(Turn turn, long limitMillis, Overtime overtime, int warnSeconds) {

  static TurnTimer of(Turn turn, FloorSettings settings, long extendedMillis) {
    boolean timed = settings.turnLimitSeconds() > 0 && !Turn.FACILITATOR.equals(turn.speakerId());
    long limit = timed ? settings.turnLimitSeconds() * 1000L + extendedMillis : 0;
    return new TurnTimer(turn, limit, settings.overtime(), settings.warnSeconds());
  }

  boolean timed() {
    return limitMillis > 0;
  }

  boolean paused() {
    return turn.isPaused();
  }

  /** Time left at {@code now}; negative when over time. */
  long remainingAt(long now) {
    return limitMillis - turn.durationAt(now);
  }

  /** When the time runs out while the countdown runs; empty when untimed or paused. */
  OptionalLong deadline() {
    if (!timed() || paused()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(turn.startedAt() + turn.pausedMillis() + limitMillis);
  }

  /** When screens start warning; empty when untimed, paused or without a warning. */
  OptionalLong warnAt() {
    OptionalLong deadline = deadline();
    if (deadline.isEmpty() || warnSeconds == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(deadline.getAsLong() - warnSeconds * 1000L);
  }

  boolean overtimeAt(long now) {
    return timed() && remainingAt(now) <= 0;
  }

  /** Whether a hard limit ends the turn at {@code now}. */
  boolean expiredAt(long now) {
    return overtime == Overtime.HARD && !paused() && overtimeAt(now);
  }
}
