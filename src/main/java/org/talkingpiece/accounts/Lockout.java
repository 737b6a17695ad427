package org.talkingpiece.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * The slow-down rules for sign-in attempts counted under one key (a username from one address, one
 * address, or one username from everywhere), as a pure value (no clock, no storage).
 *
 * <p>An attempt is counted when it is <em>claimed</em>, before its password is checked, so attempts
 * sent at the same moment cannot all be checked: {@link Rules#maxAttempts} attempts within
 * {@link Rules#window} are allowed, and claiming the last of them locks the key for
 * {@link Rules#firstLock}; each further lock lasts twice as long as the one before, up to
 * {@link Rules#longestLock}. Attempts during a lock are refused unchecked. A successful sign-in clears
 * or refunds its attempt (see {@link SignIn}), so a person who gets it right on the last try is not
 * left locked. The history is forgotten a day after the last attempt or lock ends ({@link #forgetAt}).
 *
 * @param attempts attempts claimed in the current window
 * @param windowStart when the current window's first attempt happened; {@code null} when none
 * @param locks how many locks this key has had (doubles the next one)
 * @param lockedUntil end of the latest lock; {@code null} when never locked
 */
record Lockout(int attempts, Instant windowStart, int locks, Instant lockedUntil) {
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration MEMORY = Duration.ofDays(1);
  static final Lockout NONE = new Lockout(0, null, 0, null);

  /** How many attempts a key allows and how long its locks last. */
  record Rules(int maxAttempts, Duration window, Duration firstLock, Duration longestLock) {}

  /** One username from one address: what a person who mistypes meets. */
  static final Rules PAIR = new Rules(5, WINDOW, Duration.ofMinutes(1), Duration.ofMinutes(30));
  /** One address, across usernames: stops one machine spraying guesses over many accounts. */
  static final Rules ADDRESS = new Rules(30, WINDOW, Duration.ofMinutes(1), Duration.ofMinutes(30));
  /**
   * One username from every address together: bounds guessing spread over many machines. It is high
   * enough that locking someone out from everywhere takes many addresses, and an admin can unlock.
   */
  static final Rules USERNAME = new Rules(100, WINDOW, Duration.ofMinutes(5), Duration.ofMinutes(30));

  /** The outcome of claiming one attempt. */
  sealed interface Claim {
    /**
     * The attempt may be checked; {@code next} is the state stored ({@code null} when it was counted in
     * place); {@code locking} when it was the last attempt allowed and locked the key.
     */
    record Granted(Lockout next, boolean locking) implements Claim {}

    /** The key is locked: the attempt must be refused without checking the password. */
    record Refused(Lockout current) implements Claim {}
  }

  boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Claims one attempt at {@code now} under {@code rules}. */
  Claim claim(Rules rules, Instant now) {
    if (lockedAt(now)) {
      return new Claim.Refused(this);
    }
    boolean windowOpen = windowStart != null && now.isBefore(windowStart.plus(rules.window()));
    int count = windowOpen ? attempts + 1 : 1;
    if (count >= rules.maxAttempts()) {
      int lockNumber = locks + 1;
      return new Claim.Granted(new Lockout(0, null, lockNumber, now.plus(lockLength(rules, lockNumber))), true);
    }
    return new Claim.Granted(new Lockout(count, windowOpen ? windowStart : now, locks, lockedUntil), false);
  }

  /** How long the n-th lock (1-based) lasts: the first lock, doubled each time, up to the longest. */
  static Duration lockLength(Rules rules, int lockNumber) {
    int doublings = Math.min(Math.max(lockNumber - 1, 0), 20);
    Duration length = rules.firstLock().multipliedBy(1L << doublings);
    return length.compareTo(rules.longestLock()) > 0 ? rules.longestLock() : length;
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
