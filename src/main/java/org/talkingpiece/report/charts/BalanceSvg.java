package org.talkingpiece.report.charts;

import java.util.ArrayList;
import java.util.List;
import org.talkingpiece.airtime.BalancePoint;

/** The balance-over-time chart and table. See {@link SvgCharts} for the drawing contract. */
final class BalanceSvg {
  private BalanceSvg() {}

  static String chart(List<BalancePoint> points) {
    int top = 16;
    int plotHeight = 200;
    int height = top + plotHeight + 44;
    double plotX = 60;
    double plotWidth = Svg.WIDTH - plotX - 30;
    long span = points.isEmpty() ? 1 : Math.max(1, points.get(points.size() - 1).offsetMs());

    Svg svg = new Svg("balance-chart", height, "Balance over time", description(points));
    for (int level = 0; level <= 100; level += 25) {
      double y = top + plotHeight * (100 - level) / 100.0;
      svg.line(plotX, y, plotX + plotWidth, y, Svg.GRID);
      svg.text(plotX - 8, y + 5, "end", Integer.toString(level));
    }
    if (points.isEmpty()) {
      svg.mutedText(plotX + 10, top + plotHeight / 2.0, "start", "The session has not started.");
    } else {
      double[] xs = new double[points.size()];
      double[] ys = new double[points.size()];
      for (int i = 0; i < points.size(); i++) {
        xs[i] = plotX + plotWidth * points.get(i).offsetMs() / span;
        ys[i] = top + plotHeight * (100 - points.get(i).balance()) / 100.0;
      }
      if (points.size() == 1) {
        svg.circle(xs[0], ys[0], 4, Svg.BAR);
      } else {
        svg.polyline(xs, ys, Svg.BAR);
      }
    }
    svg.timeAxis(plotX, plotWidth, top + plotHeight, span);
    return svg.end();
  }

  static ChartTable table(List<BalancePoint> points) {
    List<List<String>> rows = new ArrayList<>();
    for (BalancePoint p : points) {
      rows.add(List.of(Human.clock(p.offsetMs()), Integer.toString(p.balance()),
          p.voicesHeard() + " of " + p.participants()));
    }
    return new ChartTable("Balance over time (100 = everyone had the same airtime), times since the session started.",
        List.of("Time", "Balance", "Voices heard"), rows);
  }

  private static String description(List<BalancePoint> points) {
    String scale = "Balance over time, from 0 (one voice had all the airtime) to 100 (everyone had the same). ";
    if (points.isEmpty()) {
      return scale + "The session has not started.";
    }
    BalancePoint first = points.get(0);
    BalancePoint last = points.get(points.size() - 1);
    BalancePoint low = first;
    BalancePoint high = first;
    for (BalancePoint p : points) {
      low = p.balance() < low.balance() ? p : low;
      high = p.balance() > high.balance() ? p : high;
    }
    return scale + "At " + Human.clock(first.offsetMs()) + " it was " + first.balance() + "; at the end, "
        + Human.clock(last.offsetMs()) + ", it was " + last.balance() + ", with " + last.voicesHeard() + " of "
        + last.participants() + " voices heard. Lowest " + low.balance() + " at " + Human.clock(low.offsetMs())
        + "; highest " + high.balance() + " at " + Human.clock(high.offsetMs()) + ".";
  }
}
