package org.talkingpiece.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * The slow-down rules for failed sign-ins to one username, as a pure value (no clock, no storage).
 *
 * <p>Five failures within fifteen minutes lock the username for one minute; each further lock lasts
 * twice as long as the one before, up to thirty minutes. After a lock the count starts again. The
 * lock history is forgotten a day after the last failure or lock ends ({@link #forgetAt}), and a
 * successful sign-in forgets it at once.
 *
 * @param failures failures counted in the current window
 * @param windowStart when the current window's first failure happened; {@code null} when none
 * @param locks how many locks this username has had (doubles the next one)
 * @param lockedUntil end of the latest lock; {@code null} when never locked
 */
record Lockout(int failures, Instant windowStart, int locks, Instant lockedUntil) {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration FIRST_LOCK = Duration.ofMinutes(1);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(30);
  static final Duration MEMORY = Duration.ofDays(1);
  static final Lockout NONE = new Lockout(0, null, 0, null);

  boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** The state after one more failed attempt at {@code now} (attempts during a lock are never checked). */
  Lockout afterFailure(Instant now) {
    boolean windowOpen = windowStart != null && now.isBefore(windowStart.plus(WINDOW));
    int count = windowOpen ? failures + 1 : 1;
    Instant start = windowOpen ? windowStart : now;
    if (count >= MAX_FAILURES) {
      int lockNumber = locks + 1;
      return new Lockout(0, null, lockNumber, now.plus(lockLength(lockNumber)));
    }
    return new Lockout(count, start, locks, lockedUntil);
  }

  /** How long the n-th lock (1-based) lasts: 1, 2, 4, 8, 16, then 30 minutes. */
  static Duration lockLength(int lockNumber) {
    int doublings = Math.min(Math.max(lockNumber - 1, 0), 10);
    Duration length = FIRST_LOCK.multipliedBy(1L << doublings);
    return length.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : length;
  }

  /** When this record may be deleted without weakening the rules. */
  Instant forgetAt(Instant now) {
    Instant last = lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : now;
    return last.plus(MEMORY);
  }

  /** "1 minute", "12 minutes": the wait until the lock ends, rounded up to whole minutes. */
  String waitText(Instant now) {
    long seconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds());
    long minutes = (seconds + 59) / 60;
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
