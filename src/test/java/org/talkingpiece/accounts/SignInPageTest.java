package org.talkingpiece.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.support.Http;
import org.talkingpiece.support.TestServer;

@ExtendWith(VertxExtension.class)
class SignInPageTest {
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
  @DisplayName("The sign-in page shows a labelled username and password form carrying the CSRF field")
  void form() {
    Http browser = new Http(client);
    HttpResponse<Buffer> page = browser.get("/signin");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString())
        .contains("<label for=\"username\">Username</label>")
        .contains("<label for=\"password\">Password</label>")
        .contains("autocomplete=\"current-password\"")
        .containsPattern("<input type=\"hidden\" name=\"X-XSRF-TOKEN\" value=\"[^\"]+\">")
        .doesNotContain("There is a problem");
  }

  @Test
  @DisplayName("Signing in as admin sets an HttpOnly SameSite=Lax cookie and lands on the accounts page")
  void signInAsAdmin() {
    Http browser = new Http(client);
    browser.get("/signin");
    HttpResponse<Buffer> r = browser.post("/signin", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.getHeader("Location")).isEqualTo("/admin/users");
    String cookie = r.cookies().stream().filter(c -> c.startsWith(Auth.COOKIE + "=")).findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/")
        .doesNotContainIgnoringCase("Secure");
    HttpResponse<Buffer> accounts = browser.get("/admin/users");
    assertThat(accounts.statusCode()).isEqualTo(200);
    assertThat(accounts.bodyAsString()).contains("<h1>Accounts</h1>").contains("Sign out");
  }

  @Test
  @DisplayName("A facilitator lands on the start page, and the page they asked for is kept through sign-in")
  void nextKept() {
    Http.createAccount(client, adminToken, "fran", "fran-password-1", "facilitator");
    Http browser = new Http(client);
    assertThat(browser.get("/signin?next=/admin/users").bodyAsString())
        .contains("<input type=\"hidden\" name=\"next\" value=\"/admin/users\">");
    HttpResponse<Buffer> home = browser.post("/signin", Map.of("username", "fran", "password", "fran-password-1"));
    assertThat(home.getHeader("Location")).isEqualTo("/");

    Http second = new Http(client);
    second.get("/signin");
    HttpResponse<Buffer> asked = second.post("/signin",
        Map.of("username", "fran", "password", "fran-password-1", "next", "/console?tab=2"));
    assertThat(asked.getHeader("Location")).isEqualTo("/console?tab=2");
  }

  @Test
  @DisplayName("A next address pointing at another site is ignored")
  void nextOffSiteIgnored() {
    for (String evil : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
      Http browser = new Http(client);
      assertThat(browser.get("/signin?next=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8))
          .bodyAsString()).doesNotContain("name=\"next\"");
      HttpResponse<Buffer> r = browser.post("/signin",
          Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD, "next", evil));
      assertThat(r.getHeader("Location")).as(evil).isEqualTo("/admin/users");
    }
  }

  @Test
  @DisplayName("A wrong password shows the form again with the error at the password field and in the summary")
  void wrongPassword() {
    Http browser = new Http(client);
    browser.get("/signin");
    HttpResponse<Buffer> r = browser.post("/signin", Map.of("username", "Admin", "password", "not-the-password"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.bodyAsString())
        .contains("There is a problem")
        .contains("<a href=\"#password\">" + SignIn.BAD_CREDENTIALS + "</a>")
        .contains("id=\"password-error\"")
        .contains("aria-invalid=\"true\" aria-describedby=\"password-error\"")
        .contains("value=\"Admin\"")
        .doesNotContain("not-the-password");
    assertThat(browser.cookie(Auth.COOKIE)).isNull();
  }

  @Test
  @DisplayName("An empty username is named at the username field")
  void missingUsername() {
    Http browser = new Http(client);
    browser.get("/signin");
    HttpResponse<Buffer> r = browser.post("/signin", Map.of("username", "", "password", "whatever-it-is"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsString()).contains("<a href=\"#username\">Username is required</a>")
        .contains("id=\"username-error\"");
  }

  @Test
  @DisplayName("The sign-in page locks a username after five failures, even for the right password")
  void lockoutOnPage() {
    Http.createAccount(client, adminToken, "page-lock", "page-lock-password", "author");
    Http browser = new Http(client);
    browser.get("/signin");
    for (int i = 0; i < 5; i++) {
      assertThat(browser.post("/signin", Map.of("username", "page-lock", "password", "wrong-password")).statusCode())
          .isEqualTo(401);
    }
    HttpResponse<Buffer> r = browser.post("/signin", Map.of("username", "page-lock", "password", "page-lock-password"));
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.bodyAsString()).contains("Too many failed sign-ins for this username. Try again in 1 minute.");
    assertThat(browser.cookie(Auth.COOKIE)).isNull();
  }

  @Test
  @DisplayName("A sign-in form posted without the CSRF field is refused with 403")
  void csrfRequired() {
    Http browser = new Http(client);
    browser.get("/signin");
    HttpResponse<Buffer> r = browser.postRaw("/signin",
        MultiMap.caseInsensitiveMultiMap().add("username", "admin").add("password", TestServer.ADMIN_PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(browser.cookie(Auth.COOKIE)).isNull();
  }

  @Test
  @DisplayName("The browser's favicon request does not replace the CSRF cookie, so the open form still works")
  void faviconKeepsCsrfCookie() {
    Http browser = new Http(client);
    browser.get("/signin");
    String before = browser.cookie(Http.CSRF_COOKIE);
    HttpResponse<Buffer> icon = browser.get("/favicon.ico");
    assertThat(icon.statusCode()).isEqualTo(204);
    assertThat(icon.cookies()).noneMatch(c -> c.startsWith(Http.CSRF_COOKIE + "="));
    assertThat(browser.cookie(Http.CSRF_COOKIE)).isEqualTo(before);
    HttpResponse<Buffer> r = browser.post("/signin", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD));
    assertThat(r.statusCode()).isEqualTo(303);
  }

  @Test
  @DisplayName("Signing out ends the sign-in: the cookie is cleared and its token no longer works")
  void signOut() {
    Http browser = new Http(client);
    browser.get("/signin");
    browser.post("/signin", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD));
    String token = browser.cookie(Auth.COOKIE);
    assertThat(token).isNotNull();
    browser.get("/admin/users");
    HttpResponse<Buffer> out = browser.post("/signout", Map.of());
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.getHeader("Location")).isEqualTo("/signin?signedout=1");
    assertThat(browser.cookie(Auth.COOKIE)).isNull();
    assertThat(browser.get("/signin?signedout=1").bodyAsString()).contains("You have signed out.");
    assertThat(Http.api(client, HttpMethod.GET, "/api/admin/accounts", token, null).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("With an https PUBLIC_URL the sign-in cookie is marked Secure")
  void secureCookie() throws Exception {
    try (TestServer https = TestServer.start(Map.of("PUBLIC_URL", "https://workshops.example.org"))) {
      Http browser = new Http(https.client(vertx));
      browser.get("/signin");
      HttpResponse<Buffer> r = browser.post("/signin", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD));
      assertThat(r.cookies().stream().filter(c -> c.startsWith(Auth.COOKIE + "=")).findFirst().orElseThrow())
          .containsIgnoringCase("Secure");
    }
  }
}
