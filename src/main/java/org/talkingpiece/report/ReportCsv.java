package org.talkingpiece.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.talkingpiece.airtime.ActivityAirtime;
import org.talkingpiece.airtime.AirtimeSnapshot;
import org.talkingpiece.airtime.BalancePoint;
import org.talkingpiece.airtime.GroupParity;
import org.talkingpiece.airtime.Timeline;
import org.talkingpiece.airtime.TimelineEntry;

/**
 * The report as one CSV file (RFC 4180, comma-separated, CRLF line ends, UTF-8 when served).
 *
 * <p><b>Layout.</b> The file is a sequence of sections, always all of them and always in this order. The
 * first column of every row names its section. The first row of a section is its header (column names);
 * the rows after it, until the section name changes, are its data (possibly none).
 * <pre>
 * session              id, module_title, module_version, started_at, ended_at, duration_ms, report_at
 * summary              participants, voices_heard, total_airtime_ms, total_turns, gini, balance,
 *                      facilitator_airtime_ms, facilitator_turns
 * participant          id, name, airtime_ms, turns, share, mean_turn_ms, spoken
 * group_parity         category, value, members, headcount_share, airtime_share, ratio   (groups of at least k only)
 * turn                 offset_ms, started_at, ended_at, duration_ms, speaker_id, speaker, activity_id, activity, ended_how
 * balance              at, offset_ms, balance, voices_heard, participants
 * activity             id, title, started_at, ended_at, participants, voices_heard, total_airtime_ms, total_turns,
 *                      gini, balance, facilitator_airtime_ms, facilitator_turns
 * activity_participant activity_id, participant_id, name, airtime_ms, turns, share
 * revealed_item        prompt, text
 * poll_option          question, option, count, total
 * withheld_prompt      prompt, count
 * </pre>
 * Times are epoch milliseconds, empty when they have not happened; {@code *_ms} are milliseconds; shares,
 * Gini and ratios are decimals written in plain notation; every number equals the JSON report's.
 *
 * <p><b>Spreadsheet safety.</b> Text that people typed (names, anonymous texts, labels) and that starts with
 * {@code = + - @}, a tab or a carriage return is written with a leading apostrophe, so a spreadsheet shows
 * it as text instead of running it as a formula. That is the only way CSV text may differ from the JSON.
 */
final class ReportCsv {
  private ReportCsv() {}

  static String write(ReportDocument r) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      Sections s = new Sections(csv);
      session(s, r);
      summary(s, r.airtime());
      participants(s, r.airtime());
      parity(s, r.airtime().groupParity());
      turns(s, r.timeline());
      balance(s, r.balanceOverTime());
      activities(s, r.activities());
      anonymous(s, r.anonymous());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return out.toString();
  }

  private static void session(Sections s, ReportDocument r) throws IOException {
    SessionInfo i = r.session();
    s.header("session", "id", "module_title", "module_version", "started_at", "ended_at", "duration_ms", "report_at");
    s.row("session", i.id(), text(i.moduleTitle()), i.moduleVersion(), time(i.startedAt()), time(i.endedAt()),
        r.durationMs(), r.at());
  }

  private static void summary(Sections s, AirtimeSnapshot a) throws IOException {
    s.header("summary", "participants", "voices_heard", "total_airtime_ms", "total_turns", "gini", "balance",
        "facilitator_airtime_ms", "facilitator_turns");
    s.row("summary", a.voicesHeard().of(), a.voicesHeard().count(), a.totalAirtimeMs(), a.totalTurns(),
        decimal(a.gini()), a.balance(), a.facilitator().airtimeMs(), a.facilitator().turns());
  }

  private static void participants(Sections s, AirtimeSnapshot a) throws IOException {
    s.header("participant", "id", "name", "airtime_ms", "turns", "share", "mean_turn_ms", "spoken");
    for (AirtimeSnapshot.ParticipantAirtime p : a.participants()) {
      s.row("participant", p.id(), text(p.name()), p.airtimeMs(), p.turns(), decimal(p.share()),
          p.meanTurnMs(), p.spoken());
    }
  }

  private static void parity(Sections s, GroupParity parity) throws IOException {
    s.header("group_parity", "category", "value", "members", "headcount_share", "airtime_share", "ratio");
    for (GroupParity.CategoryParity c : parity.categories()) {
      for (GroupParity.Group g : c.groups()) {
        s.row("group_parity", text(c.category()), text(g.value()), g.members(), decimal(g.headcountShare()),
            decimal(g.airtimeShare()), decimal(g.ratio()));
      }
    }
  }

  private static void turns(Sections s, Timeline timeline) throws IOException {
    s.header("turn", "offset_ms", "started_at", "ended_at", "duration_ms", "speaker_id", "speaker", "activity_id",
        "activity", "ended_how");
    for (TimelineEntry e : timeline.entries()) {
      s.row("turn", e.offsetMs(), e.startedAt(), time(e.endedAt()), e.durationMs(), nullable(e.speakerId()),
          text(e.speaker()), text(e.activityId()), text(e.activity()), text(e.endedHow()));
    }
  }

  private static void balance(Sections s, List<BalancePoint> points) throws IOException {
    s.header("balance", "at", "offset_ms", "balance", "voices_heard", "participants");
    for (BalancePoint p : points) {
      s.row("balance", p.at(), p.offsetMs(), p.balance(), p.voicesHeard(), p.participants());
    }
  }

  private static void activities(Sections s, List<ActivityAirtime> activities) throws IOException {
    s.header("activity", "id", "title", "started_at", "ended_at", "participants", "voices_heard", "total_airtime_ms",
        "total_turns", "gini", "balance", "facilitator_airtime_ms", "facilitator_turns");
    for (ActivityAirtime a : activities) {
      AirtimeSnapshot f = a.figures();
      s.row("activity", text(a.id()), text(a.title()), time(a.startedAt()), time(a.endedAt()), f.voicesHeard().of(),
          f.voicesHeard().count(), f.totalAirtimeMs(), f.totalTurns(), decimal(f.gini()), f.balance(),
          f.facilitator().airtimeMs(), f.facilitator().turns());
    }
    s.header("activity_participant", "activity_id", "participant_id", "name", "airtime_ms", "turns", "share");
    for (ActivityAirtime a : activities) {
      for (AirtimeSnapshot.ParticipantAirtime p : a.figures().participants()) {
        s.row("activity_participant", text(a.id()), p.id(), text(p.name()), p.airtimeMs(), p.turns(),
            decimal(p.share()));
      }
    }
  }

  private static void anonymous(Sections s, AnonymousResults a) throws IOException {
    s.header("revealed_item", "prompt", "text");
    for (AnonymousResults.RevealedPrompt r : a.revealed()) {
      for (String t : r.texts()) {
        s.row("revealed_item", text(r.prompt()), text(t));
      }
    }
    // A count hidden by the small-cell rule leaves its cell empty and says why in "hidden".
    s.header("poll_option", "question", "option", "count", "hidden", "respondents", "k");
    for (AnonymousResults.PollResult p : a.polls()) {
      for (AnonymousResults.PollOption o : p.options()) {
        s.row("poll_option", text(p.question()), text(o.label()), o.count() == null ? "" : o.count(),
            o.hidden() == null ? "" : o.hidden(), p.respondents(), p.k());
      }
    }
    s.header("withheld_prompt", "prompt", "count");
    for (AnonymousResults.WithheldPrompt w : a.withheld()) {
      s.row("withheld_prompt", text(w.prompt()), w.count());
    }
  }

  /** Plain notation, no exponent, and exactly the digits of the JSON number (same double). */
  static String decimal(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }

  static String time(long epochMs) {
    return epochMs >= 0 ? Long.toString(epochMs) : "";
  }

  /** A server-made value (ids); null becomes empty. */
  static String nullable(String value) {
    return value == null ? "" : value;
  }

  /** Typed text, made inert for spreadsheets; null becomes empty. Server-made ids are written as they are. */
  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return formula ? "'" + value : value;
  }

  /** Writes rows whose first cell is the section name. */
  private record Sections(CSVPrinter csv) {
    void header(String section, String... columns) throws IOException {
      List<Object> cells = new ArrayList<>(columns.length + 1);
      cells.add(section);
      cells.addAll(Arrays.asList(columns));
      csv.printRecord(cells);
    }

    void row(String section, Object... values) throws IOException {
      List<Object> cells = new ArrayList<>(values.length + 1);
      cells.add(section);
      cells.addAll(Arrays.asList(values));
      csv.printRecord(cells);
    }
  }
}
