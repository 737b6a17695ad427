package org.talkingpiece.airtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.floor.Turn;

/**
 * Per-activity airtime for the report. Pure and thread-safe.
 *
 * <p>Group parity is deliberately not broken down by activity: smaller slices would let figures be
 * differenced against each other to guess who is in a self-identified group.
 */
public final class ActivityBreakdown {
  private ActivityBreakdown() {}

  /**
   * One entry per activity in {@code activities} (agenda order), then one per activity id that has turns
   * but was not listed (titled with its id), so no turn is left out of the breakdown.
   *
   * @param at the report's moment; open turns and activities count up to it
   */
  public static List<ActivityAirtime> of(List<Turn> turns, List<Member> members, List<ActivityInfo> activities, long at) {
    Map<String, ActivityInfo> all = new LinkedHashMap<>();
    for (ActivityInfo a : activities) {
      all.putIfAbsent(a.id(), a);
    }
    for (Turn t : turns) {
      if (t.activityId() != null && !all.containsKey(t.activityId()) && t.startedAt() <= at) {
        all.put(t.activityId(), new ActivityInfo(t.activityId(), t.activityId(), -1, -1));
      }
    }
    List<ActivityAirtime> out = new ArrayList<>(all.size());
    for (ActivityInfo a : all.values()) {
      long end = a.endedAt() >= 0 ? Math.min(a.endedAt(), at) : at;
      AirtimeSnapshot figures = AirtimeProjection.compute(
          turns, Population.at(members, end), at, at,
          turn -> a.id().equals(turn.activityId()), GroupParity.MIN_K, List.of());
      out.add(new ActivityAirtime(a.id(), a.title(), a.startedAt(), a.endedAt(), figures));
    }
    return out;
  }
}
