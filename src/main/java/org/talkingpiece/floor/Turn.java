package org.talkingpiece.floor;

/**
 * One interval with the floor. Times are epoch milliseconds from the server's clock.
 *
 * @param speakerId participant id, or {@link #FACILITATOR} when the facilitator holds the floor
 * @param activityId the agenda activity the turn belongs to
 * @param mode the floor mode when the turn started ({@code open}, {@code queue}, {@code progressive}, {@code round})
 * @param startedAt when the turn started
 * @param endedAt when it ended, or {@code -1} while it is open
 * @param pausedMillis paused time already closed (excluded from the duration)
 * @param pausedSince when the current pause began, or {@code -1} when not paused
 * @param endedHow why it ended ({@code yielded}, {@code ended}, {@code expired}, {@code next}, {@code given},
 *     {@code removed}, {@code left}, {@code restart}), or {@code null} while open
 */
public record Turn(
    String speakerId,
    String activityId,
    String mode,
    long startedAt,
    long endedAt,
    long pausedMillis,
    long pausedSince,
    String endedHow) {

  public static final String FACILITATOR = "facilitator";

  public boolean isOpen() {
    return endedAt < 0;
  }

  /** Milliseconds spoken, counting an open turn up to {@code now} and leaving out paused time. */
  public long durationAt(long now) {
    long end = isOpen() ? now : endedAt;
    long paused = pausedMillis + (pausedSince >= 0 ? Math.max(0, end - pausedSince) : 0);
    return Math.max(0, end - startedAt - paused);
  }
}
