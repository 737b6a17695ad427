package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.TestServer;

class JoinLimitTest {
  static TestServer server;
  static Vertx vertx;
  static Api api;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("JOINS_PER_MINUTE", "3"));
    vertx = Vertx.vertx();
    api = new Api(vertx, server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("Join attempts from one address beyond JOINS_PER_MINUTE are refused with 429, wrong codes included")
  void limit() {
    String facilitator = api.account("fay", "facilitator");
    String code = api.createSession(facilitator, "understanding-privilege").getString("joinCode");
    assertThat(api.call(HttpMethod.POST, "/api/join", null, new JsonObject().put("code", "AAA-AAA")).statusCode())
        .isEqualTo(404);
    assertThat(api.join(code, "Ana").getString("token")).isNotBlank();
    assertThat(api.join(code, "Bo").getString("token")).isNotBlank();
    var refused = api.call(HttpMethod.POST, "/api/join", null, new JsonObject().put("code", code).put("name", "Cy"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.bodyAsJsonObject().getString("message")).contains("Too many join attempts");
  }
}
