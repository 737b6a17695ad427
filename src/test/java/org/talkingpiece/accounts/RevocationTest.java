package org.talkingpiece.accounts;

import org.talkingpiece.support.Http;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.support.TestServer;

/** Disabling an account or changing its password ends every sign-in it has, wherever it was made. */
@ExtendWith(VertxExtension.class)
class RevocationTest {
  static TestServer server;
  static Vertx vertx;
  static WebClient client;
  static String adminToken;
  static final LinkedBlockingQueue<JsonObject> notices = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    vertx = Vertx.vertx();
    client = server.client(vertx);
    adminToken = Http.token(client, "admin", TestServer.ADMIN_PASSWORD);
    server.vertx().eventBus().<JsonObject>consumer(Accounts.revokedAddress(), m -> notices.add(m.body()))
        .completion().await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** A browser signed in with the cookie, plus two API tokens, all for the same account. */
  private record SignedInEverywhere(Http browser, String tokenA, String tokenB) {}

  private static SignedInEverywhere signInEverywhere(String username, String password) {
    Http browser = new Http(client);
    browser.get("/signin");
    assertThat(browser.post("/signin", Map.of("username", username, "password", password)).statusCode())
        .isEqualTo(303);
    SignedInEverywhere all = new SignedInEverywhere(browser, Http.token(client, username, password),
        Http.token(client, username, password));
    assertWorks(all, true);
    return all;
  }

  private static void assertWorks(SignedInEverywhere all, boolean works) {
    assertThat(all.browser().get("/admin/users").statusCode()).as("cookie sign-in").isEqualTo(works ? 200 : 302);
    for (String token : new String[] {all.tokenA(), all.tokenB()}) {
      assertThat(Http.api(client, HttpMethod.GET, "/api/admin/accounts", token, null).statusCode())
          .as("API token").isEqualTo(works ? 200 : 401);
    }
  }

  @Test
  @DisplayName("Disabling an account ends its browser sign-in and every API token at once, and every node is told")
  void disableRevokesAll() throws Exception {
    JsonObject account = Http.createAccount(client, adminToken, "second-admin", "second-admin-pw", "admin", "facilitator");
    SignedInEverywhere all = signInEverywhere("second-admin", "second-admin-pw");
    notices.clear();
    assertThat(Http.api(client, HttpMethod.POST, "/api/admin/accounts/" + account.getString("id") + "/disable",
        adminToken, null).statusCode()).isEqualTo(200);
    assertWorks(all, false);
    JsonObject notice = notices.poll(10, TimeUnit.SECONDS);
    assertThat(notice).isEqualTo(new JsonObject().put("accountId", account.getString("id")).put("reason", "disabled"));
  }

  @Test
  @DisplayName("A new password ends every earlier sign-in of the account; signing in with the new one works")
  void passwordChangeRevokesAll() throws Exception {
    JsonObject account = Http.createAccount(client, adminToken, "third-admin", "third-admin-pw", "admin");
    SignedInEverywhere all = signInEverywhere("third-admin", "third-admin-pw");
    notices.clear();
    Http admin = new Http(client);
    admin.get("/signin");
    admin.post("/signin", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD));
    admin.get("/admin/users/" + account.getString("id") + "/password");
    assertThat(admin.post("/admin/users/" + account.getString("id") + "/password",
        Map.of("password", "third-admin-new-pw")).statusCode()).isEqualTo(200);
    assertWorks(all, false);
    assertThat(notices.poll(10, TimeUnit.SECONDS).getString("reason")).isEqualTo("password-changed");
    Http.token(client, "third-admin", "third-admin-new-pw");
  }
}
