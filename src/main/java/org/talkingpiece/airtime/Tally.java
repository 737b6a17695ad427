package org.talkingpiece.airtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.talkingpiece.floor.Turn;

/**
 * Airtime and turn counts per speaker id (participants and {@link Turn#FACILITATOR} alike), up to a
 * point in time. Not thread-safe; build one per computation.
 */
final class Tally {
  private final Map<String, long[]> bySpeaker = new HashMap<>(); // speaker → {airtime ms, turns}

  private Tally() {}

  /**
   * Counts every turn that {@code include} accepts and that started at or before {@code upTo}.
   *
   * @param upTo the point in time the figures describe
   * @param now the current time, where open turns stop counting
   */
  static Tally of(List<Turn> turns, long upTo, long now, Predicate<Turn> include) {
    Tally tally = new Tally();
    for (Turn turn : turns) {
      if (turn.startedAt() <= upTo && include.test(turn)) {
        long[] entry = tally.bySpeaker.computeIfAbsent(turn.speakerId(), id -> new long[2]);
        entry[0] = Math.addExact(entry[0], spokenUpTo(turn, upTo, now));
        entry[1]++;
      }
    }
    return tally;
  }

  /**
   * Milliseconds spoken in {@code turn} up to {@code upTo}. At or after the turn's end (or {@code now})
   * this is exactly {@link Turn#durationAt(long)}. Inside a closed turn the log does not say when its
   * pauses fell, so the spoken time is taken as elapsed time capped at the turn's full duration: it never
   * decreases over time and always ends at the exact figure.
   */
  static long spokenUpTo(Turn turn, long upTo, long now) {
    long full = turn.durationAt(now);
    return Math.max(0, Math.min(full, upTo - turn.startedAt()));
  }

  long airtime(String speakerId) {
    long[] entry = bySpeaker.get(speakerId);
    return entry == null ? 0 : entry[0];
  }

  int turns(String speakerId) {
    long[] entry = bySpeaker.get(speakerId);
    return entry == null ? 0 : (int) entry[1];
  }
}
