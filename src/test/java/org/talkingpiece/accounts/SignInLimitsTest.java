package org.talkingpiece.accounts;

import org.talkingpiece.support.Http;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
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
 * Sign-in limits as an attacker meets them: many guesses at once, from one address or from many. The
 * server trusts the test's loopback address as a proxy, so each request can say which client address
 * it comes from in {@code X-Forwarded-For}.
 */
@ExtendWith(VertxExtension.class)
class SignInLimitsTest {
  static TestServer server;
  static Vertx vertx;
  static WebClient client;
  static String adminToken;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("TRUSTED_PROXIES", "127.0.0.1"));
    vertx = Vertx.vertx();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()).setFollowRedirects(false), new PoolOptions().setHttp1MaxSize(200));
    adminToken = Http.token(client, "admin", TestServer.ADMIN_PASSWORD);
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

  static HttpResponse<Buffer> await(Future<HttpResponse<Buffer>> f) {
    try {
      return f.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Integer> statuses(List<Future<HttpResponse<Buffer>>> all) throws Exception {
    Future.all(all).await(60, TimeUnit.SECONDS);
    return all.stream().map(f -> f.result().statusCode()).toList();
  }

  @Test
  @DisplayName("Thirty wrong guesses sent at once, again and again: five are checked in all, then the right password is refused")
  void burstIsCountedBeforeChecking() throws Exception {
    Http.createAccount(client, adminToken, "burst", "burst-password-1", "facilitator");
    long checked = 0;
    for (int round = 0; round < 6; round++) {
      List<Future<HttpResponse<Buffer>>> burst = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        burst.add(signInFrom("203.0.113.10", "burst", "wrong-guess-" + i));
      }
      List<Integer> got = statuses(burst);
      assertThat(got).as("round %d", round).isSubsetOf(401, 429);
      checked += got.stream().filter(s -> s == 401).count();
    }
    assertThat(checked).as("guesses whose password was checked").isEqualTo(5);

    HttpResponse<Buffer> right = await(signInFrom("203.0.113.10", "burst", "burst-password-1"));
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.bodyAsJsonObject().getString("error")).isEqualTo("rate-limited");
    assertThat(right.bodyAsJsonObject().getString("message")).contains("Try again in 1 minute");
  }

  @Test
  @DisplayName("Guesses from one address do not lock the account for its owner elsewhere")
  void lockIsPerAddress() {
    Http.createAccount(client, adminToken, "elsewhere", "elsewhere-password", "facilitator");
    for (int i = 0; i < 5; i++) {
      assertThat(await(signInFrom("203.0.113.20", "elsewhere", "wrong-guess")).statusCode()).isEqualTo(401);
    }
    assertThat(await(signInFrom("203.0.113.20", "elsewhere", "elsewhere-password")).statusCode()).isEqualTo(429);
    assertThat(await(signInFrom("198.51.100.20", "elsewhere", "elsewhere-password")).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("One address spraying guesses over many usernames is stopped after thirty, other addresses are not")
  void addressLimit() {
    Http.createAccount(client, adminToken, "sprayed", "sprayed-password", "author");
    for (int i = 0; i < 30; i++) {
      assertThat(await(signInFrom("203.0.113.30", "spray-" + i, "wrong-guess")).statusCode())
          .as("guess %d", i).isEqualTo(401);
    }
    HttpResponse<Buffer> refused = await(signInFrom("203.0.113.30", "sprayed", "sprayed-password"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.bodyAsJsonObject().getString("message")).contains("from your network");
    assertThat(await(signInFrom("198.51.100.30", "sprayed", "sprayed-password")).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A client cannot pick its own address: X-Forwarded-For is believed only from a trusted proxy")
  void forwardedForNeedsTrustedProxy() {
    org.talkingpiece.web.ClientAddressProbe probe = new org.talkingpiece.web.ClientAddressProbe(List.of("10.0.0.1"));
    assertThat(probe.resolve("192.0.2.5", "203.0.113.1")).isEqualTo("192.0.2.5");
    assertThat(probe.resolve("10.0.0.1", "203.0.113.1, 10.0.0.1")).isEqualTo("203.0.113.1");
    assertThat(probe.resolve("10.0.0.1", "spoofed, 203.0.113.1")).isEqualTo("203.0.113.1");
    assertThat(probe.resolve("2001:db8::1", null)).isEqualTo(probe.resolve("2001:db8::ffff", null));
  }

  @Test
  @DisplayName("An admin sees a locked sign-in and unlocks it on the accounts page; the API can unlock too")
  void adminUnlocks() {
    JsonObject victim = Http.createAccount(client, adminToken, "unlockme", "unlockme-password", "facilitator");
    lockFrom("203.0.113.40", "unlockme");
    assertThat(lockedInList("unlockme")).isTrue();

    Http admin = new Http(client);
    admin.get("/signin");
    admin.post("/signin", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD));
    String page = admin.get("/admin/users").bodyAsString();
    assertThat(page).contains("Sign-in locked").contains("/admin/users/" + victim.getString("id") + "/unlock")
        .contains("Unlock sign-in<span class=\"visually-hidden\"> for unlockme</span>");
    HttpResponse<Buffer> unlocked = admin.post("/admin/users/" + victim.getString("id") + "/unlock", Map.of());
    assertThat(unlocked.statusCode()).isEqualTo(200);
    assertThat(unlocked.bodyAsString()).contains("Sign-in for unlockme unlocked");
    assertThat(await(signInFrom("203.0.113.40", "unlockme", "unlockme-password")).statusCode()).isEqualTo(200);

    lockFrom("203.0.113.41", "unlockme");
    HttpResponse<Buffer> api = Http.api(client, HttpMethod.POST,
        "/api/admin/accounts/" + victim.getString("id") + "/unlock", adminToken, null);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.bodyAsJsonObject().getString("username")).isEqualTo("unlockme");
    assertThat(lockedInList("unlockme")).isFalse();
    assertThat(await(signInFrom("203.0.113.41", "unlockme", "unlockme-password")).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> unknown = Http.api(client, HttpMethod.POST, "/api/admin/accounts/nope/unlock", adminToken, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<Buffer> notAdmin = Http.api(client, HttpMethod.POST,
        "/api/admin/accounts/" + victim.getString("id") + "/unlock",
        Http.token(client, "unlockme", "unlockme-password"), null);
    assertThat(notAdmin.statusCode()).isEqualTo(403);
  }

  private static void lockFrom(String address, String username) {
    for (int i = 0; i < 5; i++) {
      await(signInFrom(address, username, "wrong-guess"));
    }
    assertThat(await(signInFrom(address, username, username + "-password")).statusCode()).isEqualTo(429);
  }

  private static boolean lockedInList(String username) {
    JsonArray all = Http.api(client, HttpMethod.GET, "/api/admin/accounts", adminToken, null).bodyAsJsonArray();
    return all.stream().map(JsonObject.class::cast).filter(a -> a.getString("username").equals(username))
        .findFirst().orElseThrow().getBoolean("signInLocked");
  }
}
