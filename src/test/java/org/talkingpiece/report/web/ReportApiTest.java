package org.talkingpiece.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.TestServer;

/** The report routes of a real server, for sessions driven over the bridge. */
class ReportApiTest {
  /** How far a turn's stored duration may differ from the time between the replies that opened and closed it. */
  static final long TOLERANCE_MS = 300;

  static TestServer server;
  static Vertx vertx;
  static Api api;
  static WebClient web;
  static String fran;
  static String olu;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    vertx = Vertx.vertx();
    api = new Api(vertx, server);
    web = server.client(vertx);
    fran = api.account("fran", "facilitator");
    olu = api.account("olu", "facilitator");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static HttpResponse<Buffer> get(String path, String token, String accept) throws Exception {
    var request = web.get(path).putHeader("Accept", accept);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.send().await(20, TimeUnit.SECONDS);
  }

  static HttpResponse<Buffer> postForm(String path, String token, MultiMap form) throws Exception {
    return web.post(path).putHeader("Authorization", "Bearer " + token).putHeader("Accept", "text/html")
        .sendForm(form).await(20, TimeUnit.SECONDS);
  }

  static JsonObject reportJson(String sessionId) throws Exception {
    HttpResponse<Buffer> r = get("/api/sessions/" + sessionId + "/report", fran, "application/json");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  /** Gives the floor, waits, ends the turn; returns the time between the two replies. */
  static long turn(LiveSession s, String who, long millis) throws Exception {
    s.give(who);
    long from = System.nanoTime();
    Thread.sleep(millis);
    s.facilitator("floor.end-turn");
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - from);
  }

  @Test
  @DisplayName("After real turns, the report's airtime matches how long each person had the floor, with shares and balance to match")
  void airtimeOfRealTurns() throws Exception {
    Map<String, Long> measured = new HashMap<>();
    String id;
    try (LiveSession s = LiveSession.create(vertx, server, api, fran, "understanding-privilege", null)) {
      id = s.id;
      s.join("Ana");
      s.join("Ben");
      s.join("Chen");
      s.facilitator("start");
      measured.put("Ana", turn(s, "Ana", 400));
      measured.put("Ben", turn(s, "Ben", 1200));
      measured.put("Facilitator", turn(s, "facilitator", 200));
      s.facilitator("end");
    }
    JsonObject report = reportJson(id);
    JsonObject airtime = report.getJsonObject("airtime");
    JsonArray people = airtime.getJsonArray("participants");
    long ana = ReportFromLogTest.person(people, "Ana").getLong("airtimeMs");
    long ben = ReportFromLogTest.person(people, "Ben").getLong("airtimeMs");
    assertThat(ana).isBetween(400L, measured.get("Ana") + TOLERANCE_MS);
    assertThat(ben).isBetween(1200L, measured.get("Ben") + TOLERANCE_MS);
    assertThat(ReportFromLogTest.person(people, "Chen").getLong("airtimeMs")).isZero();
    assertThat(airtime.getJsonObject("facilitator").getLong("airtimeMs"))
        .as("the facilitator is reported apart").isBetween(200L, measured.get("Facilitator") + TOLERANCE_MS);
    assertThat(airtime.getLong("totalAirtimeMs")).as("the facilitator is not among participants").isEqualTo(ana + ben);

    assertThat(ReportFromLogTest.person(people, "Ana").getDouble("share")).isCloseTo((double) ana / (ana + ben), within(1e-9));
    assertThat(ReportFromLogTest.person(people, "Ben").getDouble("share")).isCloseTo((double) ben / (ana + ben), within(1e-9));
    double gini = gini(ana, ben, 0);
    assertThat(airtime.getDouble("gini")).isCloseTo(gini, within(1e-9));
    assertThat(airtime.getInteger("balance")).isEqualTo((int) Math.round(100 * (1 - gini)));
    assertThat(airtime.getJsonObject("voicesHeard")).isEqualTo(new JsonObject().put("count", 2).put("of", 3));
    assertThat(report.getJsonArray("timeline")).hasSize(3);
    assertThat(report.getJsonObject("session").getString("moduleTitle")).isEqualTo("Understanding Privilege");
    assertThat(report.getJsonObject("session").getLong("endedAt")).isNotNull();
  }

  @Test
  @DisplayName("The CSV download parses and carries the same numbers as the JSON report")
  void csvMatchesJson() throws Exception {
    String id;
    try (LiveSession s = LiveSession.create(vertx, server, api, fran, "allyship-in-action", null)) {
      id = s.id;
      s.join("Ana");
      s.join("=Ben"); // a name a spreadsheet would run as a formula
      s.facilitator("start");
      turn(s, "Ana", 300);
      turn(s, "=Ben", 100);
      s.facilitator("end");
    }
    JsonObject json = reportJson(id);
    HttpResponse<Buffer> r = get("/api/sessions/" + id + "/report.csv", fran, "text/csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(r.getHeader("Content-Disposition"))
        .matches("attachment; filename=\"talking-piece-allyship-in-action-\\d{4}-\\d{2}-\\d{2}-[A-Za-z0-9_-]{1,8}\\.csv\"");

    Map<String, List<CSVRecord>> sections = sections(r.bodyAsString());
    CSVRecord summary = sections.get("summary").get(0);
    JsonObject airtime = json.getJsonObject("airtime");
    assertThat(summary.get(1)).isEqualTo("2");
    assertThat(Long.parseLong(summary.get(3))).isEqualTo(airtime.getLong("totalAirtimeMs"));
    assertThat(summary.get(5)).isEqualTo(BigDecimal.valueOf(airtime.getDouble("gini")).toPlainString());
    assertThat(Integer.parseInt(summary.get(6))).isEqualTo(airtime.getInteger("balance"));

    List<CSVRecord> participants = sections.get("participant");
    assertThat(participants).hasSize(2);
    for (CSVRecord row : participants) {
      JsonObject p = airtime.getJsonArray("participants").stream().map(JsonObject.class::cast)
          .filter(x -> x.getString("id").equals(row.get(1))).findFirst().orElseThrow();
      assertThat(row.get(2)).isEqualTo(p.getString("name").startsWith("=") ? "'" + p.getString("name") : p.getString("name"));
      assertThat(Long.parseLong(row.get(3))).isEqualTo(p.getLong("airtimeMs"));
      assertThat(Integer.parseInt(row.get(4))).isEqualTo(p.getInteger("turns"));
      assertThat(row.get(5)).isEqualTo(BigDecimal.valueOf(p.getDouble("share")).toPlainString());
    }
    assertThat(sections.get("turn")).hasSameSizeAs(json.getJsonArray("timeline"));
    assertThat(sections.get("session").get(0).get(1)).isEqualTo(id);

    HttpResponse<Buffer> file = get("/api/sessions/" + id + "/report.json", fran, "application/json");
    assertThat(file.getHeader("Content-Disposition")).endsWith(".json\"");
    JsonObject downloaded = file.bodyAsJsonObject();
    assertThat(downloaded.getJsonObject("airtime")).isEqualTo(airtime);
  }

  @Test
  @DisplayName("A running session reports up to now: the open turn keeps counting")
  void runningSession() throws Exception {
    try (LiveSession s = LiveSession.create(vertx, server, api, fran, "understanding-privilege", null)) {
      s.join("Ana");
      s.facilitator("start");
      s.give("Ana");
      Thread.sleep(300);
      JsonObject first = reportJson(s.id);
      Thread.sleep(300);
      JsonObject second = reportJson(s.id);
      assertThat(first.getJsonObject("session").getValue("endedAt")).isNull();
      long before = first.getJsonObject("airtime").getJsonArray("participants").getJsonObject(0).getLong("airtimeMs");
      long after = second.getJsonObject("airtime").getJsonArray("participants").getJsonObject(0).getLong("airtimeMs");
      assertThat(before).isGreaterThanOrEqualTo(300L);
      assertThat(after).isGreaterThanOrEqualTo(before + 300);
    }
  }

  @Test
  @DisplayName("Only the session's own facilitator gets its report: another facilitator is refused, a stranger must sign in")
  void onlyItsFacilitator() throws Exception {
    String id;
    try (LiveSession s = LiveSession.create(vertx, server, api, fran, "understanding-privilege", null)) {
      id = s.id;
    }
    for (String path : List.of("/report", "/report.csv", "/report.json")) {
      String url = "/api/sessions/" + id + path;
      HttpResponse<Buffer> other = get(url, olu, "application/json");
      assertThat(other.statusCode()).as(url).isEqualTo(403);
      assertThat(other.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");
      HttpResponse<Buffer> nobody = get(url, null, "application/json");
      assertThat(nobody.statusCode()).as(url).isEqualTo(401);
      assertThat(nobody.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
    }
    String page = "/console/sessions/" + id + "/report";
    assertThat(get(page, olu, "text/html").statusCode()).isEqualTo(403);
    HttpResponse<Buffer> stranger = get(page, null, "text/html");
    assertThat(stranger.statusCode()).isEqualTo(302);
    assertThat(stranger.getHeader("Location")).startsWith("/signin?next=");
    assertThat(get(page, fran, "text/html").statusCode()).isEqualTo(200);
    assertThat(get("/api/sessions/no-such-session/report", fran, "application/json").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("A self-identified group under k appears nowhere: not in the JSON, the CSV or the report page")
  void groupUnderK() throws Exception {
    JsonObject settings = new JsonObject().put("anonymityThreshold", 3)
        .put("selfIdCategories", new JsonObject().put("Background", new JsonArray().add("Northside").add("Lone-Southsider")));
    String id;
    try (LiveSession s = LiveSession.create(vertx, server, api, fran, "understanding-privilege", settings)) {
      id = s.id;
      for (String name : List.of("Ana", "Ben", "Chen", "Dee")) {
        s.join(name);
        s.participant(name, "self-identify", new JsonObject().put("category", "Background")
            .put("value", "Dee".equals(name) ? "Lone-Southsider" : "Northside"));
      }
      s.facilitator("start");
      turn(s, "Dee", 200);
      turn(s, "Ana", 100);
    }
    JsonObject json = reportJson(id);
    JsonObject background = json.getJsonObject("airtime").getJsonObject("groupParity").getJsonArray("categories")
        .getJsonObject(0);
    assertThat(background.getString("category")).isEqualTo("Background");
    assertThat(background.getJsonArray("groups")).hasSize(1);
    assertThat(background.getJsonArray("groups").getJsonObject(0).getString("value")).isEqualTo("Northside");
    assertThat(background.getJsonArray("groups").getJsonObject(0).getInteger("members")).isEqualTo(3);

    String csv = get("/api/sessions/" + id + "/report.csv", fran, "text/csv").bodyAsString();
    String page = get("/console/sessions/" + id + "/report", fran, "text/html").bodyAsString();
    assertThat(csv).contains("Northside");
    assertThat(page).contains("<th scope=\"row\">Northside</th>");
    for (String text : List.of(json.encode(), csv, page)) {
      assertThat(text).doesNotContain("Lone-Southsider");
    }
  }

  @Test
  @DisplayName("Deleting from the report asks first, then removes the session and its log and goes back to the session list")
  void deleteFromReport() throws Exception {
    String id;
    try (LiveSession s = LiveSession.create(vertx, server, api, fran, "understanding-privilege", null)) {
      id = s.id;
      s.join("Ana");
      s.facilitator("start");
    }
    String path = "/console/sessions/" + id + "/delete";
    assertThat(postForm(path, olu, MultiMap.caseInsensitiveMultiMap().add("confirm", "delete")).statusCode())
        .as("another facilitator cannot delete it").isEqualTo(403);

    HttpResponse<Buffer> ask = postForm(path, fran, MultiMap.caseInsensitiveMultiMap());
    assertThat(ask.statusCode()).isEqualTo(200);
    assertThat(ask.bodyAsString()).contains("This cannot be undone.")
        .contains("name=\"confirm\" value=\"delete\"");
    assertThat(reportJson(id).getJsonObject("session").getString("id")).as("asking deletes nothing").isEqualTo(id);

    HttpResponse<Buffer> done = postForm(path, fran, MultiMap.caseInsensitiveMultiMap().add("confirm", "delete"));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.getHeader("Location")).isEqualTo("/console");
    assertThat(get("/api/sessions/" + id + "/report", fran, "application/json").statusCode()).isEqualTo(404);
    long events = server.server().database().mongo()
        .count("session_events", new JsonObject().put("sessionId", id)).await(10, TimeUnit.SECONDS);
    assertThat(events).isZero();
  }

  static double gini(long... x) {
    double sum = 0;
    double diff = 0;
    for (long a : x) {
      sum += a;
      for (long b : x) {
        diff += Math.abs(a - b);
      }
    }
    return sum == 0 ? 0 : diff / (2.0 * x.length * sum);
  }

  /** The CSV's data rows by section (header rows left out), parsed as any CSV reader would. */
  static Map<String, List<CSVRecord>> sections(String csv) throws IOException {
    Map<String, List<CSVRecord>> out = new HashMap<>();
    String section = null;
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
      for (CSVRecord row : parser) {
        if (!row.get(0).equals(section)) {
          section = row.get(0);
          out.put(section, new ArrayList<>());
          continue; // the first row of a section is its header
        }
        out.get(section).add(row);
      }
    }
    return out;
  }
}
