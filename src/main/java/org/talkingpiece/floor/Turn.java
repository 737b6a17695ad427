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

  /** A turn that starts at {@code at}, not paused, still open. */
  public static Turn opened(String speakerId, String activityId, String mode, long at) {
    return new Turn(speakerId, activityId, mode, at, -1, 0, -1, null);
  }

  public boolean isPaused() {
    return pausedSince >= 0;
  }

  /** This open turn with its countdown frozen from {@code at}. */
  Turn pausedAt(long at) {
    return new Turn(speakerId, activityId, mode, startedAt, endedAt, pausedMillis, Math.max(at, startedAt), endedHow);
  }

  /** This paused turn running again from {@code at}; the pause joins {@link #pausedMillis}. */
  Turn resumedAt(long at) {
    return new Turn(speakerId, activityId, mode, startedAt, endedAt, closedPause(at), -1, endedHow);
  }

  /**
   * This open turn closed at {@code at} (never before it started). A pause still running is closed at
   * the same time, so a closed turn never has {@link #pausedSince} set.
   */
  Turn endedAt(long at, String how) {
    long end = Math.max(at, startedAt);
    return new Turn(speakerId, activityId, mode, startedAt, end, closedPause(end), -1, how);
  }

  private long closedPause(long at) {
    return pausedMillis + (isPaused() ? Math.max(0, at - pausedSince) : 0);
  }

  /** Milliseconds spoken, counting an open turn up to {@code now} and leaving out paused time. */
  public long durationAt(long now) {
    long end = isOpen() ? now : endedAt;
    long paused = pausedMillis + (pausedSince >= 0 ? Math.max(0, end - pausedSince) : 0);
    return Math.max(0, end - startedAt - paused);
  }
}
