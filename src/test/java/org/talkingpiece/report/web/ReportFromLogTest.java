package org.talkingpiece.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.report.AnonymousResults;
import org.talkingpiece.report.ReportDocument;
import org.talkingpiece.session.SessionSettings;
import org.talkingpiece.shared.Actor;

/** The report of a session rebuilt from a log with known times: every figure is exact. */
class ReportFromLogTest {
  static final long S = 1_000;

  /**
   * Ana speaks 30 s and Ben 10 s in the welcome, the facilitator 20 s; the agenda skips the check-in;
   * Ana speaks 10 s more in the third activity; Chen never speaks; Dee joins and is removed.
   */
  static LoggedSession session() {
    LoggedSession s = new LoggedSession("understanding-privilege", SessionSettings.defaults(), 0);
    s.at(1 * S).join("ana", "Ana").join("ben", "Ben").join("chen", "Chen").join("dee", "Dee");
    s.at(10 * S).facilitator("start");
    s.at(10 * S).give("ana");
    s.at(40 * S).give("ben");
    s.at(50 * S).facilitator("floor.end-turn");
    s.at(55 * S).run(LoggedSession.FACILITATOR, "remove", new JsonObject().put("participantId", "dee"));
    s.at(60 * S).give("facilitator");
    s.at(80 * S).facilitator("floor.end-turn");
    s.at(100 * S).run(LoggedSession.FACILITATOR, "goto", new JsonObject().put("index", 2));
    s.at(100 * S).give("ana");
    s.at(110 * S).facilitator("floor.end-turn");
    s.at(120 * S).facilitator("end");
    return s;
  }

  static ReportDocument report(LoggedSession s, long now) {
    return ReportDocument.build(ReportInputs.from(s.fold(), s.module.title(), s.module.activities(),
        AnonymousResults.none()), now);
  }

  @Test
  @DisplayName("Airtime, shares, balance and voices heard come out exactly as the turns in the log say")
  void figures() {
    JsonObject json = report(session(), 999 * S).toJson();
    JsonObject airtime = json.getJsonObject("airtime");
    JsonArray people = airtime.getJsonArray("participants");
    assertThat(people.stream().map(p -> ((JsonObject) p).getString("name")).toList())
        .as("removed people count nowhere").containsExactly("Ana", "Ben", "Chen");
    assertThat(person(people, "Ana").getLong("airtimeMs")).isEqualTo(40 * S);
    assertThat(person(people, "Ana").getInteger("turns")).isEqualTo(2);
    assertThat(person(people, "Ben").getLong("airtimeMs")).isEqualTo(10 * S);
    assertThat(person(people, "Chen").getLong("airtimeMs")).isZero();
    assertThat(person(people, "Ana").getDouble("share")).isCloseTo(0.8, within(1e-9));
    assertThat(person(people, "Ben").getDouble("share")).isCloseTo(0.2, within(1e-9));
    // G = Σi Σj |xi − xj| / (2·n·Σx) = 2·(30 + 40 + 10) / (2·3·50) = 160 / 300.
    assertThat(airtime.getDouble("gini")).isCloseTo(160.0 / 300, within(1e-9));
    assertThat(airtime.getInteger("balance")).isEqualTo(47);
    assertThat(airtime.getJsonObject("voicesHeard")).isEqualTo(new JsonObject().put("count", 2).put("of", 3));
    assertThat(airtime.getLong("totalAirtimeMs")).isEqualTo(50 * S);
    assertThat(airtime.getJsonObject("facilitator"))
        .isEqualTo(new JsonObject().put("airtimeMs", 20 * S).put("turns", 1));
  }

  @Test
  @DisplayName("An ended session is described at its end, whenever the report is opened")
  void endedSessionIsFixed() {
    LoggedSession s = session();
    JsonObject early = report(s, 130 * S).toJson();
    JsonObject late = report(s, 9_999 * S).toJson();
    assertThat(early).isEqualTo(late);
    assertThat(early.getJsonObject("session").getLong("startedAt")).isEqualTo(10 * S);
    assertThat(early.getJsonObject("session").getLong("endedAt")).isEqualTo(120 * S);
    assertThat(early.getJsonObject("session").getLong("durationMs")).isEqualTo(110 * S);
    assertThat(early.getJsonArray("timeline")).hasSize(4);
  }

  @Test
  @DisplayName("A running session's open turn counts up to the moment the report is made")
  void runningSession() {
    LoggedSession s = new LoggedSession("understanding-privilege", SessionSettings.defaults(), 0);
    s.at(S).join("ana", "Ana").join("ben", "Ben");
    s.at(10 * S).facilitator("start");
    s.at(20 * S).give("ana");
    JsonObject json = report(s, 27 * S).toJson();
    assertThat(json.getJsonObject("session").getValue("endedAt")).isNull();
    assertThat(json.getLong("at")).isEqualTo(27 * S);
    assertThat(person(json.getJsonObject("airtime").getJsonArray("participants"), "Ana").getLong("airtimeMs"))
        .isEqualTo(7 * S);
  }

  @Test
  @DisplayName("The per-activity breakdown follows the agenda: times of each activity, its own airtime, skipped ones marked")
  void activities() {
    JsonArray activities = report(session(), 999 * S).toJson().getJsonArray("activities");
    List<String> ids = activities.stream().map(a -> ((JsonObject) a).getString("id")).toList();
    assertThat(ids).startsWith("welcome-and-agreements", "check-in", "what-privilege-is");
    JsonObject welcome = activities.getJsonObject(0);
    assertThat(welcome.getLong("startedAt")).isEqualTo(10 * S);
    assertThat(welcome.getLong("endedAt")).isEqualTo(100 * S);
    assertThat(welcome.getLong("totalAirtimeMs")).isEqualTo(40 * S);
    assertThat(welcome.getJsonObject("facilitator").getLong("airtimeMs")).isEqualTo(20 * S);
    JsonObject checkIn = activities.getJsonObject(1);
    assertThat(checkIn.getValue("startedAt")).as("the check-in was skipped").isNull();
    assertThat(checkIn.getLong("totalAirtimeMs")).isZero();
    JsonObject third = activities.getJsonObject(2);
    assertThat(third.getLong("startedAt")).isEqualTo(100 * S);
    assertThat(third.getLong("endedAt")).isEqualTo(120 * S);
    assertThat(person(third.getJsonArray("participants"), "Ana").getLong("airtimeMs")).isEqualTo(10 * S);
  }

  @Test
  @DisplayName("Self-identified groups of at least k get parity figures; a smaller group's value is nowhere in JSON or CSV")
  void groupsUnderKAreLeftOut() {
    SessionSettings settings = new SessionSettings(3, Map.of("Role", List.of("Staff", "Volunteer-solo")), false);
    LoggedSession s = new LoggedSession("understanding-privilege", settings, 0);
    s.at(S).join("a", "A").join("b", "B").join("c", "C").join("d", "D");
    for (String id : List.of("a", "b", "c")) {
      s.run(Actor.participant(id), "self-identify", new JsonObject().put("category", "Role").put("value", "Staff"));
    }
    s.run(Actor.participant("d"), "self-identify", new JsonObject().put("category", "Role").put("value", "Volunteer-solo"));
    s.at(10 * S).facilitator("start").give("a");
    s.at(20 * S).give("d");
    s.at(50 * S).facilitator("end");

    ReportDocument r = report(s, 60 * S);
    JsonObject parity = r.toJson().getJsonObject("airtime").getJsonObject("groupParity");
    JsonObject role = parity.getJsonArray("categories").getJsonObject(0);
    assertThat(role.getString("category")).isEqualTo("Role");
    assertThat(role.getJsonArray("groups")).hasSize(1);
    JsonObject staff = role.getJsonArray("groups").getJsonObject(0);
    assertThat(staff.getString("value")).isEqualTo("Staff");
    assertThat(staff.getInteger("members")).isEqualTo(3);
    assertThat(staff.getDouble("airtimeShare")).isEqualTo(0.25);
    assertThat(r.toJson().encode()).doesNotContain("Volunteer-solo");
    assertThat(r.toCsv()).contains("Staff").doesNotContain("Volunteer-solo");
  }

  static JsonObject person(JsonArray people, String name) {
    return people.stream().map(JsonObject.class::cast).filter(p -> name.equals(p.getString("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no participant named " + name + " in " + people.encode()));
  }
}
