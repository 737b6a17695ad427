package org.talkingpiece.report.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.talkingpiece.airtime.Timeline;
import org.talkingpiece.airtime.TimelineEntry;

/** The "who spoke when" chart and table. See {@link SvgCharts} for the drawing contract. */
final class TimelineSvg {
  private static final int LABEL_CHARS = 20;
  private static final int TIMES_LISTED = 6;

  private TimelineSvg() {}

  static String chart(Timeline t) {
    int top = 12;
    int laneHeight = 26;
    int lanes = Math.max(1, t.lanes().size());
    int height = top + lanes * laneHeight + 40;
    double plotX = 170;
    double plotWidth = Svg.WIDTH - plotX - 24;
    long span = Math.max(1, t.to() - t.from());

    Svg svg = new Svg("timeline-chart", height, "Who spoke when", description(t));
    Map<String, Integer> laneIndex = new LinkedHashMap<>();
    for (int i = 0; i < t.lanes().size(); i++) {
      Timeline.Lane lane = t.lanes().get(i);
      laneIndex.put(key(lane.speakerId()), i);
      double y = top + i * laneHeight;
      if (i % 2 == 0) {
        svg.rect(plotX, y, plotWidth, laneHeight, Svg.BAND, null);
      }
      svg.text(plotX - 10, y + 18, "end", Human.label(lane.label(), LABEL_CHARS));
    }
    if (t.lanes().isEmpty()) {
      svg.mutedText(10, top + 18, "start", "No participants.");
    }
    for (TimelineEntry e : t.entries()) {
      Integer lane = laneIndex.get(key(e.speakerId()));
      if (lane == null) {
        continue;
      }
      long end = e.endedAt() < 0 ? t.to() : e.endedAt();
      double x = plotX + plotWidth * Math.max(0, e.startedAt() - t.from()) / span;
      double w = Math.max(2, plotWidth * Math.max(0, end - e.startedAt()) / span);
      String fill = e.byFacilitator() ? Svg.FACILITATOR : e.speakerId() == null ? Svg.OTHER : Svg.BAR;
      svg.rect(x, top + lane * laneHeight + 4, Math.min(w, plotX + plotWidth - x), laneHeight - 8, fill,
          Human.name(e.speaker()) + ", " + span(t, e) + ", " + Human.duration(e.durationMs()) + ", "
              + Human.name(e.activity()));
    }
    svg.timeAxis(plotX, plotWidth, top + lanes * laneHeight + 4, span);
    return svg.end();
  }

  static ChartTable table(Timeline t) {
    List<List<String>> rows = new ArrayList<>();
    for (TimelineEntry e : t.entries()) {
      rows.add(List.of(Human.clock(e.offsetMs()), e.endedAt() < 0 ? "still speaking" : Human.clock(e.endedAt() - t.from()),
          Human.name(e.speaker()), Human.name(e.activity()), Human.duration(e.durationMs()),
          Objects.requireNonNullElse(e.endedHow(), "")));
    }
    return new ChartTable("Who spoke when: every turn in order, times since the session started.",
        List.of("Start", "End", "Speaker", "Activity", "Spoken", "How it ended"), rows);
  }

  private static String description(Timeline t) {
    StringBuilder d = new StringBuilder("Who spoke when over ").append(Human.duration(t.to() - t.from()))
        .append(", ").append(t.entries().size()).append(t.entries().size() == 1 ? " turn" : " turns").append(". ");
    for (Timeline.Lane lane : t.lanes()) {
      List<String> starts = new ArrayList<>();
      for (TimelineEntry e : t.entries()) {
        if (key(e.speakerId()).equals(key(lane.speakerId()))) {
          starts.add(Human.clock(e.offsetMs()));
        }
      }
      d.append(Human.name(lane.label())).append(": ");
      if (starts.isEmpty()) {
        d.append("no turns");
      } else {
        d.append(starts.size()).append(starts.size() == 1 ? " turn, at " : " turns, at ")
            .append(String.join(", ", starts.subList(0, Math.min(TIMES_LISTED, starts.size()))));
        if (starts.size() > TIMES_LISTED) {
          d.append(" and ").append(starts.size() - TIMES_LISTED).append(" more");
        }
      }
      d.append("; ");
    }
    return d.append("the table below lists every turn.").toString();
  }

  private static String span(Timeline t, TimelineEntry e) {
    String end = e.endedAt() < 0 ? "now" : Human.clock(e.endedAt() - t.from());
    return Human.clock(e.offsetMs()) + " to " + end;
  }

  /** Lanes and entries meet on this key; uncounted speakers share one lane. */
  private static String key(String speakerId) {
    return speakerId == null ? "\u0000others" : speakerId;
  }
}
