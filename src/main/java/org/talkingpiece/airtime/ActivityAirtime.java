package org.talkingpiece.airtime;

/**
 * Airtime within one activity.
 *
 * @param id the activity id
 * @param title its title (the id when the activity was not in the agenda passed in)
 * @param startedAt when it started, or {@code -1}
 * @param endedAt when it ended, or {@code -1}
 * @param figures airtime, turns, balance and voices heard counting only this activity's turns, over the
 *     participants present when it ended (or at report time if it had not); never any group parity
 */
public record ActivityAirtime(String id, String title, long startedAt, long endedAt, AirtimeSnapshot figures) {}
