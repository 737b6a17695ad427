package org.talkingpiece.report.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.talkingpiece.airtime.ActivityAirtime;
import org.talkingpiece.airtime.AirtimeSnapshot;
import org.talkingpiece.airtime.GroupParity;
import org.talkingpiece.report.AnonymousResults;
import org.talkingpiece.report.ReportDocument;
import org.talkingpiece.report.charts.ChartTable;

/**
 * The model of the printable report page ({@code pages/report}): plain maps and lists of text, already
 * worded for people, so the template only lays them out. Everything typed by people (names, prompts,
 * anonymous texts) stays raw here and is escaped by the template; only the charts' SVG is inserted as it is
 * (the chart writer escapes every text in it).
 *
 * <p>Group parity comes only from {@link ReportDocument#airtime()}, which never holds a group under k, and
 * the settings' option lists are never shown, so a small group's name cannot reach the page. Pure.
 */
final class ReportPage {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm (zzz)", Locale.UK);

  private ReportPage() {}

  /**
   * @param r the report
   * @param zone the zone dates are shown in
   * @param files the base of the download links, without an extension ({@code /api/sessions/ID/report})
   */
  static Map<String, Object> model(ReportDocument r, ZoneId zone, String files) {
    Map<String, Object> m = new LinkedHashMap<>();
    String title = r.session().moduleTitle().isBlank() ? "Session" : r.session().moduleTitle();
    m.put("title", "Report: " + title);
    m.put("bodyClass", "report-page");
    m.put("sessionId", r.session().id());
    m.put("moduleTitle", title);
    m.put("moduleVersion", r.session().moduleVersion());
    m.put("k", r.airtime().groupParity().k());
    m.put("status", status(r));
    m.put("startedAt", when(r.session().startedAt(), zone));
    m.put("endedAt", when(r.session().endedAt(), zone));
    m.put("at", when(r.at(), zone));
    m.put("ended", r.session().endedAt() >= 0);
    m.put("duration", duration(r.durationMs()));
    m.put("summary", summary(r.airtime()));
    m.put("charts", r.charts().stream().map(ReportPage::chart).toList());
    m.put("activities", r.activities().stream().map(ReportPage::activity).toList());
    m.put("parity", parity(r.airtime().groupParity()));
    m.put("anonymous", anonymous(r.anonymous()));
    m.put("csvUrl", files + ".csv");
    m.put("jsonUrl", files + ".json");
    return m;
  }

  private static String status(ReportDocument r) {
    if (r.session().endedAt() >= 0) {
      return "Ended";
    }
    return r.session().startedAt() >= 0 ? "Still running: figures up to when this page was made"
        : "Not started yet";
  }

  private static Map<String, Object> summary(AirtimeSnapshot a) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("balance", a.balance());
    s.put("voices", a.voicesHeard().count() + " of " + a.voicesHeard().of());
    s.put("participants", a.voicesHeard().of());
    s.put("airtime", duration(a.totalAirtimeMs()));
    s.put("turns", a.totalTurns());
    s.put("facilitatorAirtime", duration(a.facilitator().airtimeMs()));
    s.put("facilitatorTurns", a.facilitator().turns());
    return s;
  }

  private static Map<String, Object> chart(ReportDocument.Chart c) {
    ChartTable t = c.table();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("title", c.title());
    m.put("svg", c.svg());
    m.put("caption", t.caption());
    m.put("headers", t.headers());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<String> row : t.rows()) {
      // The first cell names the row (a person or a time), so it becomes the row's header cell.
      rows.add(Map.of("head", row.isEmpty() ? "" : row.get(0), "cells", row.isEmpty() ? List.of() : row.subList(1, row.size())));
    }
    m.put("rows", rows);
    m.put("empty", rows.isEmpty());
    return m;
  }

  private static Map<String, Object> activity(ActivityAirtime a) {
    AirtimeSnapshot f = a.figures();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", a.title());
    m.put("ran", a.startedAt() >= 0);
    m.put("airtime", duration(f.totalAirtimeMs()));
    m.put("turns", f.totalTurns());
    m.put("voices", f.voicesHeard().count() + " of " + f.voicesHeard().of());
    m.put("balance", f.balance());
    m.put("facilitatorAirtime", duration(f.facilitator().airtimeMs()));
    List<Map<String, Object>> speakers = new ArrayList<>();
    for (AirtimeSnapshot.ParticipantAirtime p : f.participants()) {
      if (p.turns() > 0) {
        speakers.add(Map.of("name", p.name(), "airtime", duration(p.airtimeMs()), "turns", p.turns(),
            "share", percent(p.share())));
      }
    }
    m.put("speakers", speakers);
    return m;
  }

  private static Map<String, Object> parity(GroupParity parity) {
    List<Map<String, Object>> categories = new ArrayList<>();
    for (GroupParity.CategoryParity c : parity.categories()) {
      List<Map<String, Object>> groups = new ArrayList<>();
      for (GroupParity.Group g : c.groups()) {
        groups.add(Map.of("value", g.value(), "members", g.members(), "headcountShare", percent(g.headcountShare()),
            "airtimeShare", percent(g.airtimeShare()), "ratio", String.format(Locale.ROOT, "%.2f", g.ratio())));
      }
      categories.add(Map.of("category", c.category(), "groups", groups, "empty", groups.isEmpty()));
    }
    return Map.of("offered", !categories.isEmpty(), "k", parity.k(), "categories", categories);
  }

  private static Map<String, Object> anonymous(AnonymousResults a) {
    List<Map<String, Object>> revealed = new ArrayList<>();
    for (AnonymousResults.RevealedPrompt p : a.revealed()) {
      revealed.add(Map.of("prompt", p.prompt(), "texts", p.texts(), "count", p.texts().size()));
    }
    List<Map<String, Object>> polls = new ArrayList<>();
    for (AnonymousResults.PollResult p : a.polls()) {
      List<Map<String, Object>> options = new ArrayList<>();
      long respondents = p.respondents();
      boolean anyHidden = false;
      for (AnonymousResults.PollOption o : p.options()) {
        if (o.count() == null) {
          anyHidden = true;
          options.add(Map.of("label", o.label(), "count", o.hiddenText(p.k()), "percent", "not shown"));
        } else {
          options.add(Map.of("label", o.label(), "count", o.count(),
              "percent", respondents == 0 ? "0%" : percent((double) o.count() / respondents)));
        }
      }
      polls.add(Map.of("question", p.question(), "respondents", respondents, "options", options,
          "anyHidden", anyHidden, "k", p.k()));
    }
    List<Map<String, Object>> withheld = new ArrayList<>();
    for (AnonymousResults.WithheldPrompt w : a.withheld()) {
      withheld.add(Map.of("prompt", w.prompt(), "count", w.count()));
    }
    return Map.of("revealed", revealed, "polls", polls, "withheld", withheld,
        "none", revealed.isEmpty() && polls.isEmpty() && withheld.isEmpty());
  }

  /** {@code {iso, text}} for a {@code <time>} element, or null for a time that has not happened. */
  static Map<String, Object> when(long epochMs, ZoneId zone) {
    if (epochMs < 0) {
      return null;
    }
    Instant instant = Instant.ofEpochMilli(epochMs);
    return Map.of("iso", instant.toString(), "text", WHEN.format(instant.atZone(zone)));
  }

  /** "45 s", "2 min 10 s", "1 h 5 min": rounded to the second, as the charts word it. */
  static String duration(long ms) {
    long s = Math.max(0, (ms + 500) / 1000);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }
    long minutes = (s + 30) / 60;
    return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
  }

  static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
