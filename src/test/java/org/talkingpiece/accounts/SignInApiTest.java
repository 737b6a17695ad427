package org.talkingpiece.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.support.Http.api;
import static org.talkingpiece.support.Http.signIn;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.support.Http;
import org.talkingpiece.support.TestServer;

@ExtendWith(VertxExtension.class)
class SignInApiTest {
  static TestServer server;
  static Vertx vertx;
  static WebClient client;
  static String adminToken;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    vertx = Vertx.vertx();
    client = server.client(vertx);
    adminToken = Http.token(client, "admin", TestServer.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("POST /api/auth/token with the right password answers a token and when it expires")
  void tokenIssued() {
    HttpResponse<Buffer> r = signIn(client, "admin", TestServer.ADMIN_PASSWORD);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("token")).hasSizeGreaterThanOrEqualTo(40);
    Instant expires = Instant.parse(body.getString("expiresAt"));
    assertThat(expires).isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(13)));
    assertThat(api(client, HttpMethod.GET, "/api/admin/accounts", body.getString("token"), null).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("Usernames are case-insensitive when signing in")
  void caseInsensitive() {
    assertThat(signIn(client, "ADMIN", TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A wrong password or an unknown username answers 401 in the shared error shape, saying nothing more")
  void wrongPassword() {
    Http.createAccount(client, adminToken, "wrong-pw", "right-password-1", "facilitator");
    HttpResponse<Buffer> wrong = signIn(client, "wrong-pw", "not-the-password");
    HttpResponse<Buffer> unknown = signIn(client, "nobody-here", "not-the-password");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
    assertThat(wrong.bodyAsJsonObject().getString("message")).isEqualTo(SignIn.BAD_CREDENTIALS);
    assertThat(unknown.bodyAsJsonObject()).isEqualTo(wrong.bodyAsJsonObject());
  }

  @Test
  @DisplayName("A missing or malformed field answers 400 naming the field")
  void badInput() {
    HttpResponse<Buffer> noUser = api(client, HttpMethod.POST, "/api/auth/token", null,
        new JsonObject().put("password", "whatever-it-is"));
    assertThat(noUser.statusCode()).isEqualTo(400);
    assertThat(noUser.bodyAsJsonObject().getString("error")).isEqualTo("invalid-input");
    assertThat(noUser.bodyAsJsonObject().getString("message")).startsWith("username");

    HttpResponse<Buffer> noPassword = api(client, HttpMethod.POST, "/api/auth/token", null,
        new JsonObject().put("username", "admin"));
    assertThat(noPassword.statusCode()).isEqualTo(400);
    assertThat(noPassword.bodyAsJsonObject().getString("message")).startsWith("password");

    HttpResponse<Buffer> numberPassword = api(client, HttpMethod.POST, "/api/auth/token", null,
        new JsonObject().put("username", "admin").put("password", 12345678901L));
    assertThat(numberPassword.statusCode()).isEqualTo(400);
    assertThat(numberPassword.bodyAsJsonObject().getString("message")).isEqualTo("password must be a string");

    HttpResponse<Buffer> notJson = api(client, HttpMethod.POST, "/api/auth/token", null, "username=admin");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.bodyAsJsonObject().getString("message")).contains("JSON object");
  }

  @Test
  @DisplayName("After five failed sign-ins the sixth is refused with 429 even with the right password")
  void lockout() {
    Http.createAccount(client, adminToken, "locked-out", "right-password-2", "facilitator");
    for (int i = 1; i <= 5; i++) {
      assertThat(signIn(client, "locked-out", "wrong-password-" + i).statusCode()).as("attempt %d", i).isEqualTo(401);
    }
    HttpResponse<Buffer> sixth = signIn(client, "locked-out", "right-password-2");
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.bodyAsJsonObject().getString("error")).isEqualTo("rate-limited");
    assertThat(sixth.bodyAsJsonObject().getString("message")).contains("Try again in 1 minute");
    // Another username is not affected.
    assertThat(signIn(client, "admin", TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A successful sign-in clears earlier failures")
  void successClearsFailures() {
    Http.createAccount(client, adminToken, "forgetful", "right-password-3", "author");
    for (int i = 0; i < 4; i++) {
      assertThat(signIn(client, "forgetful", "wrong-password").statusCode()).isEqualTo(401);
    }
    assertThat(signIn(client, "forgetful", "right-password-3").statusCode()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(signIn(client, "forgetful", "wrong-password").statusCode()).isEqualTo(401);
    }
    assertThat(signIn(client, "forgetful", "right-password-3").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("DELETE /api/auth/token signs the token out; it stops working at once")
  void revoke() {
    String token = Http.token(client, "admin", TestServer.ADMIN_PASSWORD);
    assertThat(api(client, HttpMethod.DELETE, "/api/auth/token", token, null).statusCode()).isEqualTo(204);
    HttpResponse<Buffer> after = api(client, HttpMethod.GET, "/api/admin/accounts", token, null);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
  }

  @Test
  @DisplayName("The database holds only a hash of each token, never the token")
  void tokensStoredHashed() throws Exception {
    String token = Http.token(client, "admin", TestServer.ADMIN_PASSWORD);
    var mongo = server.server().database().mongo();
    assertThat(mongo.findOne(TokenService.COLLECTION, new JsonObject().put("_id", token), null)
        .await(10, TimeUnit.SECONDS)).isNull();
    JsonObject stored = mongo.findOne(TokenService.COLLECTION,
        new JsonObject().put("_id", TokenService.hash(token)), null).await(10, TimeUnit.SECONDS);
    assertThat(stored).isNotNull();
    assertThat(stored.encode()).doesNotContain(token);
  }
}
