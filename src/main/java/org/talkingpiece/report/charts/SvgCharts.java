package org.talkingpiece.report.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.talkingpiece.airtime.AirtimeSnapshot;
import org.talkingpiece.airtime.BalancePoint;
import org.talkingpiece.airtime.Timeline;

/**
 * The report's charts, drawn on the server as SVG text, each with a table carrying the same information.
 *
 * <p>Every chart is a standalone {@code <svg role="img">} with a {@code <title>} and a {@code <desc>} that
 * states the chart's content in words; it holds no script and no style attributes, uses dark text and
 * marks on white (contrast of at least 7:1 for text), labels values in text rather than by colour alone,
 * and has a fixed 720-pixel width with a {@code viewBox}, so it scales to the page and prints as drawn.
 * All names are escaped. Stateless and thread-safe.
 */
public final class SvgCharts {
  private static final int LABEL_CHARS = 24;

  private SvgCharts() {}

  /** The participants, most airtime first; ties keep join order. */
  static List<AirtimeSnapshot.ParticipantAirtime> byAirtime(AirtimeSnapshot s) {
    List<AirtimeSnapshot.ParticipantAirtime> rows = new ArrayList<>(s.participants());
    rows.sort(Comparator.comparingLong(AirtimeSnapshot.ParticipantAirtime::airtimeMs).reversed());
    return rows;
  }

  /** One bar per participant, most first, labelled with name, time and share; silent people show as zero. */
  public static String airtimeChart(AirtimeSnapshot s) {
    List<AirtimeSnapshot.ParticipantAirtime> rows = byAirtime(s);
    int top = 40;
    int rowHeight = 28;
    int height = top + Math.max(1, rows.size()) * rowHeight + 12;
    double barX = 200;
    double barMax = 300;
    long max = rows.stream().mapToLong(AirtimeSnapshot.ParticipantAirtime::airtimeMs).max().orElse(0);

    Svg svg = new Svg("airtime-chart", height, "Airtime by participant", airtimeDescription(s, rows));
    svg.text(10, 22, "start", "Balance " + s.balance() + " of 100 · " + voices(s) + " · facilitator (apart) "
        + Human.duration(s.facilitator().airtimeMs()));
    if (rows.isEmpty()) {
      svg.mutedText(10, top + 18, "start", "No participants.");
    }
    for (int i = 0; i < rows.size(); i++) {
      AirtimeSnapshot.ParticipantAirtime p = rows.get(i);
      double y = top + i * rowHeight;
      svg.text(barX - 10, y + 18, "end", Human.label(p.name(), LABEL_CHARS));
      if (p.airtimeMs() == 0) {
        svg.rect(barX, y + 4, 2, 20, Svg.OTHER, null);
      } else {
        svg.rect(barX, y + 4, Math.max(2, barMax * p.airtimeMs() / max), 20, Svg.BAR, null);
      }
      String value = Human.duration(p.airtimeMs()) + " (" + Human.percent(p.share()) + ")"
          + (p.spoken() ? "" : " · not yet spoken");
      svg.text(barX + barMax + 10, y + 18, "start", value);
    }
    return svg.end();
  }

  /** The airtime chart as rows: participant, airtime, turns, share, mean turn, spoken yet. */
  public static ChartTable airtimeTable(AirtimeSnapshot s) {
    List<List<String>> rows = new ArrayList<>();
    for (AirtimeSnapshot.ParticipantAirtime p : byAirtime(s)) {
      rows.add(List.of(Human.name(p.name()), Human.duration(p.airtimeMs()), Integer.toString(p.turns()),
          Human.percent(p.share()), Human.duration(p.meanTurnMs()), p.spoken() ? "yes" : "not yet"));
    }
    return new ChartTable("Airtime by participant, most first. Balance " + s.balance() + " of 100; " + voices(s)
        + ". Facilitator, reported apart: " + Human.duration(s.facilitator().airtimeMs()) + " in "
        + s.facilitator().turns() + " turns.",
        List.of("Participant", "Airtime", "Turns", "Share", "Mean turn", "Spoken yet"), rows);
  }

  /** One lane per speaker, a block for each turn, time since the session's start along the bottom. */
  public static String timelineChart(Timeline t) {
    return TimelineSvg.chart(t);
  }

  /** The timeline as rows: start, end, speaker, activity, spoken time, how it ended. */
  public static ChartTable timelineTable(Timeline t) {
    return TimelineSvg.table(t);
  }

  /** The balance (0 to 100) as a line over time since the session's start. */
  public static String balanceChart(List<BalancePoint> points) {
    return BalanceSvg.chart(points);
  }

  /** The balance over time as rows: time, balance, voices heard. */
  public static ChartTable balanceTable(List<BalancePoint> points) {
    return BalanceSvg.table(points);
  }

  static String voices(AirtimeSnapshot s) {
    return s.voicesHeard().count() + " of " + s.voicesHeard().of() + " voices heard";
  }

  private static String airtimeDescription(AirtimeSnapshot s, List<AirtimeSnapshot.ParticipantAirtime> rows) {
    StringBuilder d = new StringBuilder("Airtime by participant, most first: ");
    List<String> silent = new ArrayList<>();
    boolean first = true;
    for (AirtimeSnapshot.ParticipantAirtime p : rows) {
      if (!p.spoken()) {
        silent.add(Human.name(p.name()));
        continue;
      }
      d.append(first ? "" : ", ").append(Human.name(p.name())).append(' ').append(Human.duration(p.airtimeMs()))
          .append(" (").append(Human.percent(p.share())).append(')');
      first = false;
    }
    if (first) {
      d.append("nobody has spoken yet");
    }
    d.append(". ");
    if (!silent.isEmpty() && !first) {
      d.append("Not yet spoken: ").append(String.join(", ", silent)).append(". ");
    }
    return d.append("Balance ").append(s.balance()).append(" of 100; ").append(voices(s))
        .append(". Facilitator, reported apart: ").append(Human.duration(s.facilitator().airtimeMs())).append('.')
        .toString();
  }
}
