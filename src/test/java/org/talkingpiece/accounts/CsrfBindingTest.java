package org.talkingpiece.accounts;

import org.talkingpiece.support.Http;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.support.TestServer;

/** CSRF tokens belong to the sign-in they were issued for. */
@ExtendWith(VertxExtension.class)
class CsrfBindingTest {
  private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
  static TestServer server;
  static Vertx vertx;
  static WebClient client;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    vertx = Vertx.vertx();
    client = server.client(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static Http signedInAdmin() {
    Http browser = new Http(client);
    browser.get("/signin");
    assertThat(browser.post("/signin", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD))
        .statusCode()).isEqualTo(303);
    return browser;
  }

  private static String pageToken(HttpResponse<Buffer> page) {
    Matcher m = META.matcher(page.bodyAsString());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** Posts the create-account form with exactly these cookies and this CSRF field. */
  private static HttpResponse<Buffer> createWith(String cookies, String token, String username) throws Exception {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add(Http.CSRF_FIELD, token).add("username", username)
        .add("roles", "author");
    return client.post("/admin/users").putHeader("Accept", "text/html").putHeader("Cookie", cookies)
        .sendForm(form).await(20, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("A token and cookie pair minted in another browser's sign-in is refused with 403")
  void tokenFromAnotherSignInRefused() throws Exception {
    Http mine = signedInAdmin();
    Http other = signedInAdmin();
    String otherToken = pageToken(other.get("/admin/users"));
    String myToken = pageToken(mine.get("/admin/users"));

    // The attacker plants their own (valid, matching) token and cookie beside the victim's sign-in.
    String planted = Auth.COOKIE + "=" + mine.cookie(Auth.COOKIE) + "; " + Http.CSRF_COOKIE + "="
        + other.cookie(Http.CSRF_COOKIE);
    HttpResponse<Buffer> refused = createWith(planted, otherToken, "planted-token");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsString()).contains("did not come from this site");

    String own = Auth.COOKIE + "=" + mine.cookie(Auth.COOKIE) + "; " + Http.CSRF_COOKIE + "="
        + mine.cookie(Http.CSRF_COOKIE);
    assertThat(createWith(own, myToken, "own-token").statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("A token issued before signing in no longer works once signed in; the next page carries a new one")
  void tokenFromBeforeSignInRefused() throws Exception {
    Http browser = new Http(client);
    String before = pageToken(browser.get("/signin"));
    String cookieBefore = browser.cookie(Http.CSRF_COOKIE);
    browser.post("/signin", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD));
    String stale = Auth.COOKIE + "=" + browser.cookie(Auth.COOKIE) + "; " + Http.CSRF_COOKIE + "=" + cookieBefore;
    assertThat(createWith(stale, before, "stale-token").statusCode()).isEqualTo(403);

    browser.get("/admin/users");
    assertThat(browser.post("/admin/users", Map.of("username", "fresh-token", "roles", "author")).statusCode())
        .isEqualTo(201);
  }

  @Test
  @DisplayName("A browser with an expired sign-in cookie can still sign in from the page it is shown")
  void staleSignInCookie() throws Exception {
    HttpResponse<Buffer> page = client.get("/signin").putHeader("Accept", "text/html")
        .putHeader("Cookie", Auth.COOKIE + "=expired-or-unknown-token-value").send().await(20, TimeUnit.SECONDS);
    String csrfCookie = page.cookies().stream().filter(c -> c.startsWith(Http.CSRF_COOKIE + "="))
        .findFirst().orElseThrow().split(";", 2)[0];
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add(Http.CSRF_FIELD, pageToken(page))
        .add("username", "admin").add("password", TestServer.ADMIN_PASSWORD);
    // The browser dropped the cleared sign-in cookie and kept the CSRF cookie it was given.
    HttpResponse<Buffer> signedIn = client.post("/signin").putHeader("Accept", "text/html")
        .putHeader("Cookie", csrfCookie).sendForm(form).await(20, TimeUnit.SECONDS);
    assertThat(signedIn.statusCode()).isEqualTo(303);
  }
}
