package org.talkingpiece.airtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.floor.Turn;

/**
 * Who spoke when, from the session's start to the report's moment: the turns in order and the lanes a
 * chart draws them in (facilitator first when they spoke, then every present participant, silent ones
 * included, then one lane for removed or unknown speakers when there are any).
 *
 * @param from the session's start (epoch ms)
 * @param to the report's moment
 * @param lanes one per row of the chart
 * @param entries every turn that started by {@code to}, ordered by start
 */
public record Timeline(long from, long to, List<Lane> lanes, List<TimelineEntry> entries) {

  public Timeline {
    lanes = List.copyOf(lanes);
    entries = List.copyOf(entries);
  }

  /**
   * One row of the timeline chart.
   *
   * @param speakerId the speaker id drawn in this lane; {@code null} for the lane of uncounted speakers
   * @param label the name shown
   */
  public record Lane(String speakerId, String label) {}

  public static Timeline of(
      List<Turn> turns, List<Member> present, List<ActivityInfo> activities, long from, long to) {
    Map<String, String> names = new HashMap<>();
    present.forEach(m -> names.put(m.participantId(), m.name()));
    Map<String, String> titles = new HashMap<>();
    activities.forEach(a -> titles.putIfAbsent(a.id(), a.title()));

    List<TimelineEntry> entries = new ArrayList<>();
    boolean facilitatorSpoke = false;
    boolean othersSpoke = false;
    for (Turn t : turns) {
      if (t.startedAt() > to) {
        continue;
      }
      String speakerId;
      String speaker;
      if (Turn.FACILITATOR.equals(t.speakerId())) {
        speakerId = Turn.FACILITATOR;
        speaker = TimelineEntry.FACILITATOR_NAME;
        facilitatorSpoke = true;
      } else if (names.containsKey(t.speakerId())) {
        speakerId = t.speakerId();
        speaker = names.get(t.speakerId());
      } else {
        speakerId = null;
        speaker = TimelineEntry.NOT_COUNTED_NAME;
        othersSpoke = true;
      }
      long end = t.isOpen() || t.endedAt() > to ? -1 : t.endedAt();
      entries.add(new TimelineEntry(
          speakerId, speaker, t.activityId(), titles.getOrDefault(t.activityId(), t.activityId()),
          t.startedAt(), end, t.startedAt() - from, Tally.spokenUpTo(t, to, to), end < 0 ? null : t.endedHow()));
    }
    entries.sort(Comparator.comparingLong(TimelineEntry::startedAt));

    List<Lane> lanes = new ArrayList<>();
    if (facilitatorSpoke) {
      lanes.add(new Lane(Turn.FACILITATOR, TimelineEntry.FACILITATOR_NAME));
    }
    present.forEach(m -> lanes.add(new Lane(m.participantId(), m.name())));
    if (othersSpoke) {
      lanes.add(new Lane(null, TimelineEntry.NOT_COUNTED_NAME));
    }
    return new Timeline(from, to, lanes, entries);
  }
}
