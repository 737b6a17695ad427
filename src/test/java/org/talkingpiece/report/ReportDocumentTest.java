package org.talkingpiece.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.airtime.Member;

@DisplayName("Report after the session (JSON)")
class ReportDocumentTest {
  private final ReportDocument report = SampleSession.report();
  private final JsonObject json = report.toJson();

  @Test
  @DisplayName("describes the session at its end, not at the time the report is opened")
  void describedAtEnd() {
    assertThat(json.getLong("at")).isEqualTo(SampleSession.END);
    JsonObject session = json.getJsonObject("session");
    assertThat(session.getString("moduleTitle")).isEqualTo("Understanding Privilege");
    assertThat(session.getInteger("moduleVersion")).isEqualTo(2);
    assertThat(session.getLong("durationMs")).isEqualTo(600_000);
  }

  @Test
  @DisplayName("airtime figures match the hand count, removed person out, facilitator apart")
  void airtimeFigures() {
    JsonObject airtime = json.getJsonObject("airtime");
    // p1 60+70 = 130 s; p2 40 + open 470→600 = 170 s; p3 55−10 paused = 45 s; p4 45+30 = 75 s; p5, p6 0.
    assertThat(airtime.getJsonArray("participants").stream().map(o -> ((JsonObject) o).getLong("airtimeMs")))
        .containsExactly(130_000L, 170_000L, 45_000L, 75_000L, 0L, 0L);
    assertThat(airtime.getLong("totalAirtimeMs")).isEqualTo(420_000);
    assertThat(airtime.getJsonObject("facilitator")).isEqualTo(new JsonObject().put("airtimeMs", 120_000).put("turns", 2));
    // sorted s: [0, 0, 45, 75, 130, 170]; Σ(2i−n−1)x = −5·0 −3·0 −1·45 +1·75 +3·130 +5·170 = 1270 s
    // G = 2·1270 / (2·6·420) = 2540/5040 = 0.50397 → balance round(49.6) = 50
    assertThat(airtime.getDouble("gini")).isEqualTo(2540.0 / 5040.0);
    assertThat(airtime.getInteger("balance")).isEqualTo(50);
    assertThat(airtime.getJsonObject("voicesHeard")).isEqualTo(new JsonObject().put("count", 4).put("of", 6));
  }

  @Test
  @DisplayName("the timeline lists every turn with speaker, activity, times and how it ended")
  void timeline() {
    JsonArray timeline = json.getJsonArray("timeline");
    assertThat(timeline).hasSize(10);
    JsonObject first = timeline.getJsonObject(0);
    assertThat(first.getString("speaker")).isEqualTo("Facilitator");
    assertThat(first.getString("activity")).isEqualTo("Welcome & <intro>");
    assertThat(first.getLong("durationMs")).isEqualTo(90_000);
    JsonObject removed = timeline.getJsonObject(5);
    assertThat(removed.getString("speaker")).isEqualTo("Removed participant");
    assertThat(removed.getString("speakerId")).isNull();
    JsonObject open = timeline.getJsonObject(9);
    assertThat(open.getValue("endedAt")).isNull();
    assertThat(open.getLong("durationMs")).isEqualTo(130_000);
    assertThat(json.encode()).doesNotContain("Removed Person", "\"gone\"");
  }

  @Test
  @DisplayName("balance over time ends at the session's balance")
  void balanceOverTime() {
    JsonObject series = json.getJsonObject("balanceOverTime");
    assertThat(series.getLong("stepMs")).isEqualTo(30_000);
    JsonArray points = series.getJsonArray("points");
    assertThat(points).hasSize(20);
    assertThat(points.getJsonObject(19).getInteger("balance")).isEqualTo(50);
    assertThat(points.getJsonObject(19).getLong("offsetMs")).isEqualTo(600_000);
  }

  @Test
  @DisplayName("per-activity figures add up to the session's figures")
  void activitiesAddUp() {
    JsonArray activities = json.getJsonArray("activities");
    assertThat(activities.stream().map(a -> ((JsonObject) a).getString("id")))
        .containsExactly("intro", "round", "discussion");
    long sum = activities.stream().mapToLong(a -> ((JsonObject) a).getLong("totalAirtimeMs")).sum();
    assertThat(sum).isEqualTo(420_000);
    assertThat(activities.getJsonObject(0).getJsonObject("facilitator").getLong("airtimeMs")).isEqualTo(90_000);
    assertThat(activities.getJsonObject(2).getValue("endedAt")).isNull();
    assertThat(activities.getJsonObject(0).containsKey("groupParity")).isFalse();
  }

  @Test
  @DisplayName("group parity shows only groups of at least k; a smaller group is nowhere in the report")
  void paritySuppressed() {
    JsonArray groups = json.getJsonObject("airtime").getJsonObject("groupParity")
        .getJsonArray("categories").getJsonObject(0).getJsonArray("groups");
    // Woman: p1, p2, p3 = 3 of 6 → 0.5; airtime 130+170+45 = 345 of 420 = 0.8214 → 0.82; ratio 1.64
    assertThat(groups).containsExactly(new JsonObject().put("value", "Woman").put("members", 3)
        .put("headcountShare", 0.5).put("airtimeShare", 0.82).put("ratio", 1.64));
    assertThat(json.encode()).doesNotContain(SampleSession.SMALL, Member.PREFER_NOT_TO_SAY);
    for (ReportDocument.Chart chart : report.charts()) {
      assertThat(chart.svg()).doesNotContain(SampleSession.SMALL);
      assertThat(chart.table().toString()).doesNotContain(SampleSession.SMALL);
    }
  }

  @Test
  @DisplayName("released anonymous items, poll results and withheld counts are reported as given")
  void anonymousResults() {
    JsonObject anonymous = json.getJsonObject("anonymous");
    assertThat(anonymous.getJsonArray("revealed").getJsonObject(0).getJsonArray("texts"))
        .containsExactly("Being heard", "-1 for the slides", "Line one\nline two, \"quoted\"");
    JsonObject poll = anonymous.getJsonArray("polls").getJsonObject(0);
    assertThat(poll.getLong("respondents")).isEqualTo(20);
    assertThat(poll.getInteger("k")).isEqualTo(5);
    assertThat(poll.getJsonArray("options").getJsonObject(0)).isEqualTo(new JsonObject().put("label", "Safe").put("count", 10));
    assertThat(poll.getJsonArray("options").getJsonObject(2))
        .as("a hidden count has no number at all, only the reason")
        .isEqualTo(new JsonObject().put("label", "Not yet").put("hidden", "fewer-than-k"));
    assertThat(poll.getJsonArray("options").getJsonObject(3).getString("label")).isEqualTo("Prefer not to say");
    assertThat(anonymous.getJsonArray("withheld").getJsonObject(0))
        .isEqualTo(new JsonObject().put("prompt", "A question for the group").put("count", 2));
  }

  @Test
  @DisplayName("a report opened while the session is live counts open turns up to now")
  void liveReport() {
    ReportInput live = new ReportInput(new SessionInfo("s-1", "M", 1, 0, -1), SampleSession.turns(),
        SampleSession.members(), SampleSession.activities(), null, 3, List.of());
    JsonObject j = ReportDocument.build(live, 500_000).toJson();
    assertThat(j.getJsonObject("session").getValue("endedAt")).isNull();
    assertThat(j.getLong("at")).isEqualTo(500_000);
    assertThat(j.getJsonObject("airtime").getJsonArray("participants").getJsonObject(1).getLong("airtimeMs"))
        .isEqualTo(40_000 + 30_000);
  }
}
