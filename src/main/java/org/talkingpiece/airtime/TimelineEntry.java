package org.talkingpiece.airtime;

/**
 * One turn in the report's timeline of who spoke when.
 *
 * @param speakerId the participant id, {@link org.talkingpiece.floor.Turn#FACILITATOR}, or {@code null} for a
 *     speaker who does not count (removed by the facilitator, or unknown)
 * @param speaker the name to show ("Facilitator", the participant's name, or "Removed participant")
 * @param activityId the activity the turn belongs to
 * @param activity that activity's title
 * @param startedAt when the turn started (epoch ms)
 * @param endedAt when it ended, or {@code -1} if it was still open at report time
 * @param offsetMs startedAt minus the session's start
 * @param durationMs spoken time, paused time left out, an open turn counted up to report time
 * @param endedHow why it ended, or {@code null} while open
 */
public record TimelineEntry(
    String speakerId,
    String speaker,
    String activityId,
    String activity,
    long startedAt,
    long endedAt,
    long offsetMs,
    long durationMs,
    String endedHow) {

  public static final String FACILITATOR_NAME = "Facilitator";
  public static final String NOT_COUNTED_NAME = "Removed participant";

  public boolean byFacilitator() {
    return org.talkingpiece.floor.Turn.FACILITATOR.equals(speakerId);
  }
}
