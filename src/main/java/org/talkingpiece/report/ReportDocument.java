package org.talkingpiece.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import org.talkingpiece.airtime.ActivityAirtime;
import org.talkingpiece.airtime.ActivityBreakdown;
import org.talkingpiece.airtime.AirtimeProjection;
import org.talkingpiece.airtime.AirtimeSnapshot;
import org.talkingpiece.airtime.BalancePoint;
import org.talkingpiece.airtime.BalanceSeries;
import org.talkingpiece.airtime.GroupParity;
import org.talkingpiece.airtime.Population;
import org.talkingpiece.airtime.Timeline;
import org.talkingpiece.airtime.TimelineEntry;
import org.talkingpiece.report.charts.ChartTable;
import org.talkingpiece.report.charts.SvgCharts;

/**
 * A session's report: airtime figures, timeline, balance over time, per-activity breakdown, group parity
 * where allowed, and the released anonymous results. Built once by {@link #build}, then rendered as JSON
 * ({@link #toJson()}), CSV ({@link #toCsv()}) or SVG charts with table alternatives ({@link #charts()}).
 * Immutable and thread-safe; building is pure (time comes in as {@code now}).
 *
 * <p>Every rendering draws on the same records, so CSV and JSON carry the same numbers, and group parity
 * (only groups of at least k, see {@link GroupParity}) is the only place self-identification appears.
 *
 * @param session the session facts
 * @param at the moment described: the session's end, or {@code now} while it is live
 * @param airtime the whole-session figures (same shape as the live panel)
 * @param timeline every turn, who spoke when
 * @param balanceOverTime balance at regular points from start to {@link #at}
 * @param activities airtime per activity
 * @param anonymous released anonymous items, poll results and withheld counts, as given
 */
public record ReportDocument(
    SessionInfo session,
    long at,
    AirtimeSnapshot airtime,
    Timeline timeline,
    List<BalancePoint> balanceOverTime,
    List<ActivityAirtime> activities,
    AnonymousResults anonymous) {

  public ReportDocument {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(airtime, "airtime");
    Objects.requireNonNull(timeline, "timeline");
    balanceOverTime = List.copyOf(balanceOverTime);
    activities = List.copyOf(activities);
    Objects.requireNonNull(anonymous, "anonymous");
  }

  /**
   * Builds the report at {@code now}. An ended session is described at its end, whatever {@code now} is.
   *
   * @throws org.talkingpiece.shared.AppException {@code invalid-input} for k below the minimum or a
   *     participant listed twice
   */
  public static ReportDocument build(ReportInput in, long now) {
    SessionInfo s = in.session();
    long at = s.ended() ? s.endedAt() : now;
    long from = s.startedAt() >= 0 ? s.startedAt() : at;
    AirtimeSnapshot airtime = AirtimeProjection.at(in.turns(), in.members(), at, in.k(), in.categories());
    return new ReportDocument(
        s,
        at,
        airtime,
        Timeline.of(in.turns(), Population.at(in.members(), at), in.activities(), from, at),
        BalanceSeries.of(in.turns(), in.members(), s.startedAt(), at, at),
        ActivityBreakdown.of(in.turns(), in.members(), in.activities(), at),
        in.anonymous());
  }

  /** The step between balance points, in milliseconds. */
  public long balanceStepMs() {
    return BalanceSeries.step(timeline.from(), at);
  }

  /** The three charts with their text alternatives, in the order a printed report shows them. */
  public List<Chart> charts() {
    return List.of(
        new Chart("airtime", "Airtime by participant", SvgCharts.airtimeChart(airtime), SvgCharts.airtimeTable(airtime)),
        new Chart("timeline", "Who spoke when", SvgCharts.timelineChart(timeline), SvgCharts.timelineTable(timeline)),
        new Chart("balance", "Balance over time",
            SvgCharts.balanceChart(balanceOverTime), SvgCharts.balanceTable(balanceOverTime)));
  }

  /** The CSV export; see {@link ReportCsv} for its layout. */
  public String toCsv() {
    return ReportCsv.write(this);
  }

  /** The JSON report served by {@code GET /api/sessions/{id}/report}. Times are epoch ms; null when not (yet) happened. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("session", new JsonObject()
            .put("id", session.id())
            .put("moduleTitle", session.moduleTitle())
            .put("moduleVersion", session.moduleVersion())
            .put("startedAt", time(session.startedAt()))
            .put("endedAt", time(session.endedAt()))
            .put("durationMs", durationMs()))
        .put("at", at)
        .put("airtime", airtime.toFacilitatorJson())
        .put("timeline", timelineJson())
        .put("balanceOverTime", new JsonObject().put("stepMs", balanceStepMs()).put("points", balanceJson()))
        .put("activities", activitiesJson())
        .put("anonymous", anonymousJson());
  }

  /** The session's length so far: start to {@link #at}, or 0 if it never started. */
  public long durationMs() {
    return session.startedAt() >= 0 ? Math.max(0, at - session.startedAt()) : 0;
  }

  static Long time(long epochMs) {
    return epochMs >= 0 ? epochMs : null;
  }

  private JsonArray timelineJson() {
    JsonArray out = new JsonArray();
    for (TimelineEntry e : timeline.entries()) {
      out.add(new JsonObject()
          .put("speakerId", e.speakerId())
          .put("speaker", e.speaker())
          .put("activityId", e.activityId())
          .put("activity", e.activity())
          .put("startedAt", e.startedAt())
          .put("endedAt", time(e.endedAt()))
          .put("offsetMs", e.offsetMs())
          .put("durationMs", e.durationMs())
          .put("endedHow", e.endedHow()));
    }
    return out;
  }

  private JsonArray balanceJson() {
    JsonArray out = new JsonArray();
    for (BalancePoint p : balanceOverTime) {
      out.add(new JsonObject()
          .put("at", p.at())
          .put("offsetMs", p.offsetMs())
          .put("balance", p.balance())
          .put("voicesHeard", p.voicesHeard())
          .put("participants", p.participants()));
    }
    return out;
  }

  private JsonArray activitiesJson() {
    JsonArray out = new JsonArray();
    for (ActivityAirtime a : activities) {
      JsonObject figures = a.figures().toFacilitatorJson();
      figures.remove("at");
      figures.remove("groupParity");
      out.add(new JsonObject()
          .put("id", a.id())
          .put("title", a.title())
          .put("startedAt", time(a.startedAt()))
          .put("endedAt", time(a.endedAt()))
          .mergeIn(figures));
    }
    return out;
  }

  private JsonObject anonymousJson() {
    JsonArray revealed = new JsonArray();
    anonymous.revealed().forEach(r -> revealed.add(
        new JsonObject().put("prompt", r.prompt()).put("texts", new JsonArray(r.texts()))));
    JsonArray polls = new JsonArray();
    for (AnonymousResults.PollResult p : anonymous.polls()) {
      JsonArray options = new JsonArray();
      p.options().forEach(o -> options.add(o.count() == null
          ? new JsonObject().put("label", o.label()).put("hidden", o.hidden())
          : new JsonObject().put("label", o.label()).put("count", o.count())));
      polls.add(new JsonObject().put("question", p.question()).put("respondents", p.respondents()).put("k", p.k())
          .put("options", options));
    }
    JsonArray withheld = new JsonArray();
    anonymous.withheld().forEach(w -> withheld.add(new JsonObject().put("prompt", w.prompt()).put("count", w.count())));
    return new JsonObject().put("revealed", revealed).put("polls", polls).put("withheld", withheld);
  }

  /**
   * One chart of the printed report.
   *
   * @param id a stable id for anchors and file names
   * @param title the visible heading
   * @param svg the chart as a standalone SVG document fragment (safe to inline: all text is escaped)
   * @param table the same information as a table, for an HTML table under the chart
   */
  public record Chart(String id, String title, String svg, ChartTable table) {}
}
