package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.RawBridgeClient;
import org.talkingpiece.support.TestServer;

/**
 * Every browser-facing address of a session against every kind of caller: the allowed ones work,
 * every other send or register is refused.
 */
class BridgeAccessMatrixTest {
  static TestServer server;
  static Vertx vertx;
  static String session;
  static String ana;
  static final Map<String, String> TOKENS = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    vertx = Vertx.vertx();
    Api api = new Api(vertx, server);
    String fran = api.account("fran", "facilitator");
    String olu = api.account("olu", "facilitator");
    JsonObject mine = api.createSession(fran, "understanding-privilege");
    JsonObject other = api.createSession(olu, "allyship-in-action");
    session = mine.getString("id");
    JsonObject joined = api.join(mine.getString("joinCode"), "Ana");
    ana = joined.getString("participantKey");
    TOKENS.put("participant of this session", joined.getString("token"));
    TOKENS.put("participant of another session", api.join(other.getString("joinCode"), "Ben").getString("token"));
    TOKENS.put("facilitator of this session", api.consoleToken(fran, session));
    TOKENS.put("facilitator of another session", api.consoleToken(olu, other.getString("id")));
    TOKENS.put("display of this session", mine.getString("displayUrl").replaceAll(".*key=", ""));
    TOKENS.put("no token", null);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** caller, channel, allowed */
  static Object[][] matrix() {
    String[] callers = TOKENS.keySet().toArray(new String[0]);
    String[] channels = {"send cmd", "register public", "register facilitator", "register display",
        "register own participant address", "register another participant's address"};
    boolean[][] allowed = {
        // participant-this, participant-other, facilitator-this, facilitator-other, display, none
        {true, false, true, false, true, false},
        {true, false, true, false, true, false},
        {false, false, true, false, false, false},
        {false, false, true, false, true, false},
        {true, false, false, false, false, false},
        {false, false, false, false, false, false},
    };
    Object[][] rows = new Object[callers.length * channels.length][];
    int i = 0;
    for (int c = 0; c < channels.length; c++) {
      for (int k = 0; k < callers.length; k++) {
        rows[i++] = new Object[] {callers[k], channels[c], allowed[c][k]};
      }
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}: {1} → allowed {2}")
  @MethodSource("matrix")
  @DisplayName("Each caller reaches exactly the addresses it is allowed")
  void access(String caller, String channel, boolean allowed) throws Exception {
    String token = TOKENS.get(caller);
    try (RawBridgeClient c = RawBridgeClient.connect(vertx, server.port())) {
      if (channel.equals("send cmd")) {
        c.send(Addresses.command(session), token, new JsonObject().put("command", "sync"), "r");
        JsonObject reply = c.nextMatching(f -> "r".equals(f.getString("address")), 5000);
        assertThat(reply).isNotNull();
        if (allowed) {
          assertThat(reply.getString("type")).isEqualTo("rec");
          assertThat(reply.getJsonObject("body").getBoolean("ok")).isTrue();
        } else {
          assertThat(reply.getString("type")).isEqualTo("err");
          assertThat(reply.getInteger("failureCode")).isIn(401, 403);
        }
        return;
      }
      String address = switch (channel) {
        case "register public" -> Addresses.publicUpdates(session);
        case "register facilitator" -> Addresses.facilitator(session);
        case "register display" -> Addresses.display(session);
        case "register own participant address" -> Addresses.participant(session, ana);
        default -> Addresses.participant(session, "someone-else-0001");
      };
      c.register(address, token);
      if (allowed) {
        String marker = "m-" + System.nanoTime();
        JsonObject got = null;
        for (int i = 0; i < 20 && got == null; i++) {
          server.vertx().eventBus().publish(address, new JsonObject().put("marker", marker));
          got = c.nextMatching(f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address"))
              && marker.equals(f.getJsonObject("body").getString("marker")), 250);
        }
        assertThat(got).as("delivery on " + address).isNotNull();
      } else {
        JsonObject err = c.nextMatching(f -> "err".equals(f.getString("type")), 5000);
        assertThat(err).as("refusal for " + address).isNotNull();
        assertThat(err.getString("body")).isEqualTo("access_denied");
        server.vertx().eventBus().publish(address, new JsonObject().put("secret", "x"));
        assertThat(c.nextMatching(f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address")), 500))
            .as("nothing delivered").isNull();
      }
    }
  }
}
