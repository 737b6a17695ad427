package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.RawBridgeClient;
import org.talkingpiece.support.TestServer;

class SessionRestartTest {
  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static JsonObject command(RawBridgeClient c, String session, String token, String command, JsonObject args)
      throws Exception {
    String reply = "r-" + System.nanoTime();
    JsonObject body = new JsonObject().put("command", command);
    if (args != null) {
      body.put("args", args);
    }
    c.send(Addresses.command(session), token, body, reply);
    JsonObject got = c.nextMatching(f -> reply.equals(f.getString("address")), 10_000);
    assertThat(got).as(command + " answered").isNotNull();
    return got;
  }

  @Test
  @DisplayName("After a restart mid-session, the session is rebuilt, clients resync to the same state, and the open turn is closed")
  void restartMidSession() throws Exception {
    TestServer first = TestServer.start();
    Api api = new Api(vertx, first);
    String fran = api.account("fran", "facilitator");
    JsonObject created = api.createSession(fran, "understanding-privilege");
    String id = created.getString("id");
    JsonObject ana = api.join(created.getString("joinCode"), "Ana");
    JsonObject ben = api.join(created.getString("joinCode"), "Ben");
    String console = api.consoleToken(fran, id);
    JsonObject before;
    try (RawBridgeClient f = RawBridgeClient.connect(vertx, first.port())) {
      command(f, id, console, "start", null);
      command(f, id, console, "floor.give-floor", new JsonObject().put("participantId", ana.getString("participantKey")));
      Thread.sleep(1200);
      before = command(f, id, console, "sync", null).getJsonObject("body");
    }
    first.close();

    TestServer second = TestServer.start(first.dataDir(), Map.of());
    try (RawBridgeClient f = RawBridgeClient.connect(vertx, second.port());
         RawBridgeClient b = RawBridgeClient.connect(vertx, second.port())) {
      JsonObject after = command(f, id, console, "sync", null).getJsonObject("body");
      JsonObject was = before.getJsonObject("views").getJsonObject("facilitator");
      JsonObject now = after.getJsonObject("views").getJsonObject("facilitator");
      assertThat(after.getLong("version")).isGreaterThanOrEqualTo(before.getLong("version"));
      assertThat(now.getJsonObject("session").getString("status")).isEqualTo("live");
      assertThat(now.getJsonObject("current").getInteger("index")).isEqualTo(was.getJsonObject("current").getInteger("index"));
      assertThat(now.getJsonArray("participants").stream().map(p -> ((JsonObject) p).getString("name")).toList())
          .containsExactly("Ana", "Ben");
      assertThat(was.getJsonObject("floor").getJsonObject("speaker").getString("name")).isEqualTo("Ana");
      assertThat(now.getJsonObject("floor").getValue("speaker")).as("the open turn was closed").isNull();
      JsonObject anaAirtime = now.getJsonObject("airtime").getJsonArray("participants").getJsonObject(0);
      assertThat(anaAirtime.getLong("airtimeMs")).isBetween(1000L, 60_000L);
      assertThat(anaAirtime.getInteger("turns")).isEqualTo(1);

      // A participant comes back with the token they already had, as themselves.
      JsonObject mine = command(b, id, ben.getString("token"), "sync", null).getJsonObject("body");
      assertThat(mine.getJsonObject("views").getJsonObject("private").getString("name")).isEqualTo("Ben");
      // And the session carries on.
      JsonObject next = command(f, id, console, "next", null);
      assertThat(next.getJsonObject("body").getBoolean("ok")).isTrue();
    } finally {
      second.close();
    }
  }
}
