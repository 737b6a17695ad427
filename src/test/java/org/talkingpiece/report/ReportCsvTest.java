package org.talkingpiece.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.airtime.Member;

@DisplayName("Report CSV download")
class ReportCsvTest {
  private final ReportDocument report = SampleSession.report();
  private final JsonObject json = report.toJson();
  private final String csv = report.toCsv();

  /** Section name → its data rows as column → value, read with the documented layout. */
  static Map<String, List<Map<String, String>>> parse(String csv) throws IOException {
    Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(csv))) {
      String section = r.get(0);
      List<String> cells = r.toList();
      if (!headers.containsKey(section)) {
        headers.put(section, cells);
        sections.put(section, new ArrayList<>());
        continue;
      }
      List<String> names = headers.get(section);
      assertThat(cells).as("row width in %s", section).hasSameSizeAs(names);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 1; i < cells.size(); i++) {
        row.put(names.get(i), cells.get(i));
      }
      sections.get(section).add(row);
    }
    return sections;
  }

  @Test
  @DisplayName("parses as CSV with every section in the documented order")
  void parsesWithAllSections() throws IOException {
    assertThat(parse(csv).keySet()).containsExactly("session", "summary", "participant", "group_parity", "turn",
        "balance", "activity", "activity_participant", "revealed_item", "poll_option", "withheld_prompt");
  }

  @Test
  @DisplayName("every number in the CSV equals the JSON report's")
  void numbersMatchJson() throws IOException {
    Map<String, List<Map<String, String>>> s = parse(csv);
    JsonObject airtime = json.getJsonObject("airtime");

    Map<String, String> summary = s.get("summary").get(0);
    assertThat(Long.parseLong(summary.get("total_airtime_ms"))).isEqualTo(airtime.getLong("totalAirtimeMs"));
    assertThat(Integer.parseInt(summary.get("total_turns"))).isEqualTo(airtime.getInteger("totalTurns"));
    assertThat(Double.parseDouble(summary.get("gini"))).isEqualTo(airtime.getDouble("gini"));
    assertThat(Integer.parseInt(summary.get("balance"))).isEqualTo(airtime.getInteger("balance"));
    assertThat(Integer.parseInt(summary.get("voices_heard")))
        .isEqualTo(airtime.getJsonObject("voicesHeard").getInteger("count"));
    assertThat(Integer.parseInt(summary.get("participants")))
        .isEqualTo(airtime.getJsonObject("voicesHeard").getInteger("of"));
    assertThat(Long.parseLong(summary.get("facilitator_airtime_ms")))
        .isEqualTo(airtime.getJsonObject("facilitator").getLong("airtimeMs"));

    JsonArray people = airtime.getJsonArray("participants");
    assertThat(s.get("participant")).hasSize(people.size());
    for (int i = 0; i < people.size(); i++) {
      JsonObject p = people.getJsonObject(i);
      Map<String, String> row = s.get("participant").get(i);
      assertThat(row.get("id")).isEqualTo(p.getString("id"));
      assertThat(Long.parseLong(row.get("airtime_ms"))).isEqualTo(p.getLong("airtimeMs"));
      assertThat(Integer.parseInt(row.get("turns"))).isEqualTo(p.getInteger("turns"));
      assertThat(Double.parseDouble(row.get("share"))).isEqualTo(p.getDouble("share"));
      assertThat(Long.parseLong(row.get("mean_turn_ms"))).isEqualTo(p.getLong("meanTurnMs"));
      assertThat(Boolean.parseBoolean(row.get("spoken"))).isEqualTo(p.getBoolean("spoken"));
    }

    JsonObject group = airtime.getJsonObject("groupParity").getJsonArray("categories").getJsonObject(0)
        .getJsonArray("groups").getJsonObject(0);
    Map<String, String> parity = s.get("group_parity").get(0);
    assertThat(parity.get("value")).isEqualTo(group.getString("value"));
    assertThat(Integer.parseInt(parity.get("members"))).isEqualTo(group.getInteger("members"));
    assertThat(Double.parseDouble(parity.get("headcount_share"))).isEqualTo(group.getDouble("headcountShare"));
    assertThat(Double.parseDouble(parity.get("airtime_share"))).isEqualTo(group.getDouble("airtimeShare"));
    assertThat(Double.parseDouble(parity.get("ratio"))).isEqualTo(group.getDouble("ratio"));

    JsonArray timeline = json.getJsonArray("timeline");
    assertThat(s.get("turn")).hasSize(timeline.size());
    for (int i = 0; i < timeline.size(); i++) {
      JsonObject t = timeline.getJsonObject(i);
      Map<String, String> row = s.get("turn").get(i);
      assertThat(Long.parseLong(row.get("started_at"))).isEqualTo(t.getLong("startedAt"));
      assertThat(row.get("ended_at")).isEqualTo(t.getValue("endedAt") == null ? "" : t.getLong("endedAt").toString());
      assertThat(Long.parseLong(row.get("duration_ms"))).isEqualTo(t.getLong("durationMs"));
      assertThat(Long.parseLong(row.get("offset_ms"))).isEqualTo(t.getLong("offsetMs"));
      assertThat(row.get("speaker_id")).isEqualTo(t.getString("speakerId") == null ? "" : t.getString("speakerId"));
    }

    JsonArray points = json.getJsonObject("balanceOverTime").getJsonArray("points");
    assertThat(s.get("balance")).hasSize(points.size());
    for (int i = 0; i < points.size(); i++) {
      assertThat(Integer.parseInt(s.get("balance").get(i).get("balance")))
          .isEqualTo(points.getJsonObject(i).getInteger("balance"));
      assertThat(Long.parseLong(s.get("balance").get(i).get("at"))).isEqualTo(points.getJsonObject(i).getLong("at"));
    }

    JsonArray activities = json.getJsonArray("activities");
    int k = 0;
    for (int i = 0; i < activities.size(); i++) {
      JsonObject a = activities.getJsonObject(i);
      Map<String, String> row = s.get("activity").get(i);
      assertThat(Long.parseLong(row.get("total_airtime_ms"))).isEqualTo(a.getLong("totalAirtimeMs"));
      assertThat(Double.parseDouble(row.get("gini"))).isEqualTo(a.getDouble("gini"));
      assertThat(Integer.parseInt(row.get("balance"))).isEqualTo(a.getInteger("balance"));
      for (Object o : a.getJsonArray("participants")) {
        JsonObject p = (JsonObject) o;
        Map<String, String> pr = s.get("activity_participant").get(k++);
        assertThat(pr.get("participant_id")).isEqualTo(p.getString("id"));
        assertThat(Long.parseLong(pr.get("airtime_ms"))).isEqualTo(p.getLong("airtimeMs"));
        assertThat(Double.parseDouble(pr.get("share"))).isEqualTo(p.getDouble("share"));
      }
    }
    assertThat(s.get("activity_participant")).hasSize(k);

    JsonObject poll = json.getJsonObject("anonymous").getJsonArray("polls").getJsonObject(0);
    for (int i = 0; i < 4; i++) {
      JsonObject option = poll.getJsonArray("options").getJsonObject(i);
      Map<String, String> row = s.get("poll_option").get(i);
      if (option.containsKey("count")) {
        assertThat(Long.parseLong(row.get("count"))).isEqualTo(option.getLong("count"));
        assertThat(row.get("hidden")).isEmpty();
      } else {
        assertThat(row.get("count")).as("a hidden count leaves its cell empty").isEmpty();
        assertThat(row.get("hidden")).isEqualTo(option.getString("hidden"));
      }
      assertThat(row.get("respondents")).isEqualTo("20");
      assertThat(row.get("k")).isEqualTo("5");
    }
    assertThat(s.get("withheld_prompt").get(0).get("count")).isEqualTo("2");
  }

  @Test
  @DisplayName("names and texts with commas, quotes and line breaks come back intact")
  void textRoundTrips() throws IOException {
    Map<String, List<Map<String, String>>> s = parse(csv);
    assertThat(s.get("participant").get(0).get("name")).isEqualTo(SampleSession.COMMA_NAME);
    assertThat(s.get("participant").get(1).get("name")).isEqualTo(SampleSession.HOSTILE_NAME);
    assertThat(s.get("revealed_item")).extracting(r -> r.get("text"))
        .containsExactly("Being heard", "'-1 for the slides", "Line one\nline two, \"quoted\"");
  }

  @Test
  @DisplayName("a name that looks like a spreadsheet formula opens as text, not as a formula")
  void formulaNeutralised() throws IOException {
    String name = parse(csv).get("participant").get(2).get("name");
    assertThat(name).isEqualTo("'" + SampleSession.FORMULA_NAME);
    assertThat(ReportCsv.text("+1")).isEqualTo("'+1");
    assertThat(ReportCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ReportCsv.text("Ana")).isEqualTo("Ana");
  }

  @Test
  @DisplayName("a self-identified group under k, and 'prefer not to say', never reach the CSV")
  void smallGroupNotExported() throws IOException {
    assertThat(csv).doesNotContain(SampleSession.SMALL).doesNotContain(Member.PREFER_NOT_TO_SAY);
    assertThat(parse(csv).get("group_parity")).extracting(r -> r.get("value")).containsExactly("Woman");
    assertThat(csv).doesNotContain("Removed Person");
  }

  @Test
  @DisplayName("decimals are written in plain notation that spreadsheets read as numbers")
  void plainDecimals() {
    assertThat(ReportCsv.decimal(1.0E-4)).isEqualTo("0.00010");
    assertThat(Double.parseDouble(ReportCsv.decimal(1.0E-4))).isEqualTo(1.0E-4);
    assertThat(ReportCsv.decimal(0.5)).isEqualTo("0.5");
  }
}
