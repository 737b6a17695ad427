package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.RawBridgeClient;
import org.talkingpiece.support.TestServer;

class SessionApiTest {
  static TestServer server;
  static Vertx vertx;
  static Api api;
  static String facilitator;
  static String otherFacilitator;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    vertx = Vertx.vertx();
    api = new Api(vertx, server);
    facilitator = api.account("fran", "facilitator");
    otherFacilitator = api.account("olu", "facilitator");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("A facilitator starts a session and gets a join code without look-alikes, a join link, console and display links")
  void create() {
    JsonObject created = api.createSession(facilitator, "understanding-privilege");
    assertThat(created.getString("joinCode")).matches("[ACDEFHJKMNPRTUVWXY3479]{3}-[ACDEFHJKMNPRTUVWXY3479]{3}");
    String raw = created.getString("joinCode").replace("-", "");
    assertThat(created.getString("joinUrl")).endsWith("/j/" + raw);
    assertThat(created.getString("facilitatorUrl")).endsWith("/console/sessions/" + created.getString("id"));
    assertThat(created.getString("displayUrl")).contains("/display/" + created.getString("id") + "?key=");
  }

  @Test
  @DisplayName("Starting a session needs a facilitator, a published module and valid settings")
  void createRefusals() {
    assertThat(api.call(HttpMethod.POST, "/api/sessions", null, new JsonObject().put("module", "understanding-privilege"))
        .statusCode()).isEqualTo(401);
    var unknown = api.call(HttpMethod.POST, "/api/sessions", facilitator, new JsonObject().put("module", "no-such-module"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    var lowK = api.call(HttpMethod.POST, "/api/sessions", facilitator, new JsonObject().put("module", "understanding-privilege")
        .put("settings", new JsonObject().put("anonymityThreshold", 2)));
    assertThat(lowK.statusCode()).isEqualTo(400);
    assertThat(lowK.bodyAsJsonObject().getString("message")).contains("anonymityThreshold");
  }

  @Test
  @DisplayName("A session started with a default turn limit and a queue mode keeps them; a bad one gets 400 naming the field")
  void floorDefaults() {
    var created = api.call(HttpMethod.POST, "/api/sessions", facilitator, new JsonObject()
        .put("module", "understanding-privilege")
        .put("settings", new JsonObject().put("defaultTurnSeconds", 120).put("queueMode", "progressive")));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject snapshot = api.call(HttpMethod.GET, "/api/sessions/" + created.bodyAsJsonObject().getString("id"),
        facilitator, null).bodyAsJsonObject();
    assertThat(snapshot.getJsonObject("settings").getInteger("defaultTurnSeconds")).isEqualTo(120);
    assertThat(snapshot.getJsonObject("settings").getString("queueMode")).isEqualTo("progressive");

    for (Object[] bad : new Object[][] {{"defaultTurnSeconds", -1}, {"defaultTurnSeconds", 901}, {"queueMode", "loud"}}) {
      var refused = api.call(HttpMethod.POST, "/api/sessions", facilitator, new JsonObject()
          .put("module", "understanding-privilege").put("settings", new JsonObject().put((String) bad[0], bad[1])));
      assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("invalid-input");
      assertThat(refused.bodyAsJsonObject().getString("message")).startsWith("settings." + bad[0] + " must be");
    }
  }

  @Test
  @DisplayName("People join by code in any case and with or without the hyphen; a missing name gets a pseudonym")
  void join() {
    JsonObject created = api.createSession(facilitator, "allyship-in-action");
    String code = created.getString("joinCode");
    JsonObject ana = api.join(code.toLowerCase(), "Ana");
    JsonObject anon = api.join(code.replace("-", ""), null);
    assertThat(ana.getString("sessionId")).isEqualTo(created.getString("id"));
    assertThat(ana.getString("name")).isEqualTo("Ana");
    assertThat(ana.getString("token")).hasSizeGreaterThan(30);
    assertThat(anon.getString("name")).isNotBlank().isNotEqualTo("Ana");

    JsonObject snapshot = api.call(HttpMethod.GET, "/api/sessions/" + created.getString("id"), facilitator, null)
        .bodyAsJsonObject();
    assertThat(snapshot.getJsonArray("participants")).hasSize(2);
    assertThat(snapshot.getLong("version")).isEqualTo(3L);
  }

  @Test
  @DisplayName("A wrong code gets a clear 404; only the session's own facilitator sees its state")
  void refusals() {
    var wrong = api.call(HttpMethod.POST, "/api/join", null, new JsonObject().put("code", "AAA-AAA"));
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.bodyAsJsonObject().getString("message")).contains("no session with that code");
    JsonObject created = api.createSession(facilitator, "understanding-privilege");
    assertThat(api.call(HttpMethod.GET, "/api/sessions/" + created.getString("id"), otherFacilitator, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("The facilitator deletes a session and everything in it; its code no longer works")
  void delete() {
    JsonObject created = api.createSession(facilitator, "understanding-privilege");
    api.join(created.getString("joinCode"), "Ana");
    assertThat(api.call(HttpMethod.DELETE, "/api/sessions/" + created.getString("id"), otherFacilitator, null).statusCode())
        .isEqualTo(403);
    assertThat(api.call(HttpMethod.DELETE, "/api/sessions/" + created.getString("id"), facilitator, null).statusCode())
        .isEqualTo(204);
    assertThat(api.call(HttpMethod.POST, "/api/join", null, new JsonObject().put("code", created.getString("joinCode")))
        .statusCode()).isEqualTo(404);
    long left = server.server().database().mongo()
        .count("session_events", new JsonObject().put("sessionId", created.getString("id"))).await();
    assertThat(left).isZero();
  }

  @Test
  @DisplayName("Commands over the bridge answer {ok, version}; a participant who is removed is cut off at once")
  void commandsAndRemoval() throws Exception {
    JsonObject created = api.createSession(facilitator, "understanding-privilege");
    String id = created.getString("id");
    JsonObject ana = api.join(created.getString("joinCode"), "Ana");
    String console = api.consoleToken(facilitator, id);
    try (RawBridgeClient f = RawBridgeClient.connect(vertx, server.port());
         RawBridgeClient p = RawBridgeClient.connect(vertx, server.port())) {
      f.send(Addresses.command(id), console, new JsonObject().put("command", "start"), "r1");
      JsonObject reply = f.nextMatching(m -> "r1".equals(m.getString("address")), 5000);
      assertThat(reply.getJsonObject("body").getBoolean("ok")).isTrue();
      assertThat(reply.getJsonObject("body").getLong("version")).isGreaterThan(2L);

      p.register(Addresses.publicUpdates(id), ana.getString("token"));
      p.send(Addresses.command(id), ana.getString("token"), new JsonObject().put("command", "start"), "r2");
      JsonObject refused = p.nextMatching(m -> "r2".equals(m.getString("address")), 5000);
      assertThat(refused.getString("type")).isEqualTo("err");
      assertThat(refused.getInteger("failureCode")).isEqualTo(403);
      assertThat(refused.getString("message")).isEqualTo("forbidden: Only the facilitator can do this");

      f.send(Addresses.command(id), console, new JsonObject().put("command", "remove")
          .put("args", new JsonObject().put("participantId", ana.getString("participantKey"))), "r3");
      assertThat(f.nextMatching(m -> "r3".equals(m.getString("address")), 5000).getJsonObject("body").getBoolean("ok")).isTrue();
      long end = System.currentTimeMillis() + 5000;
      while (!p.isClosed() && System.currentTimeMillis() < end) {
        Thread.sleep(50);
      }
      assertThat(p.isClosed()).as("the removed participant's socket is closed").isTrue();
    }
  }
}
