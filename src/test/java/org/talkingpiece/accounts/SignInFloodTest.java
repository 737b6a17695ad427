package org.talkingpiece.accounts;

import org.talkingpiece.support.Http;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.support.TestServer;

/**
 * Floods of bad sign-ins against a realistic bcrypt cost (each check takes tens of milliseconds, so
 * the hashing pool really is the bottleneck) while real people sign in from their own addresses.
 */
@ExtendWith(VertxExtension.class)
class SignInFloodTest {
  static TestServer server;
  static Vertx vertx;
  static WebClient client;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("TRUSTED_PROXIES", "127.0.0.1", "PASSWORD_COST", "10"));
    vertx = Vertx.vertx();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()).setFollowRedirects(false), new PoolOptions().setHttp1MaxSize(200));
    String admin = Http.token(client, "admin", TestServer.ADMIN_PASSWORD);
    for (int i = 0; i < 3; i++) {
      Http.createAccount(client, admin, "real-" + i, "real-password-" + i, "facilitator");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static Future<HttpResponse<Buffer>> signInFrom(String address, String username, String password) {
    return client.post("/api/auth/token").putHeader("X-Forwarded-For", address)
        .sendJsonObject(new JsonObject().put("username", username).put("password", password));
  }

  /** Sends the flood, then (while it is being checked) the real users; answers the real users' statuses. */
  static List<Integer> realUsersDuring(List<Future<HttpResponse<Buffer>>> flood) throws Exception {
    List<Future<HttpResponse<Buffer>>> real = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      real.add(signInFrom("198.51.100." + (i + 1), "real-" + i, "real-password-" + i));
    }
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>(flood);
    all.addAll(real);
    Future.join(all).await(120, TimeUnit.SECONDS);
    return real.stream().map(f -> f.result().statusCode()).toList();
  }

  @Test
  @DisplayName("80 bad sign-ins at once from 80 addresses do not turn real users away")
  void floodFromManyAddresses() throws Exception {
    List<Future<HttpResponse<Buffer>>> flood = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      flood.add(signInFrom("203.0.113." + (i + 1), "stranger-" + i, "bad-password"));
    }
    assertThat(realUsersDuring(flood)).containsExactly(200, 200, 200);
    assertThat(flood.stream().map(f -> f.result().statusCode()).distinct().toList()).containsOnly(401);
  }

  @Test
  @DisplayName("80 bad sign-ins at once from one address are refused there, and real users elsewhere get in")
  void floodFromOneAddress() throws Exception {
    List<Future<HttpResponse<Buffer>>> flood = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      flood.add(signInFrom("192.0.2.66", "target-" + (i % 8), "bad-password"));
    }
    assertThat(realUsersDuring(flood)).containsExactly(200, 200, 200);
    long checked = flood.stream().filter(f -> f.result().statusCode() == 401).count();
    long refused = flood.stream().filter(f -> f.result().statusCode() == 429).count();
    assertThat(checked + refused).isEqualTo(80);
    assertThat(checked).as("passwords checked for the flooding address").isLessThanOrEqualTo(30);
  }
}
