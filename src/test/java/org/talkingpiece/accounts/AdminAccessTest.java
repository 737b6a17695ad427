package org.talkingpiece.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.support.Http.api;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
class AdminAccessTest {
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

  private static Http signedIn(String username, String password) {
    Http browser = new Http(client);
    browser.get("/signin");
    HttpResponse<Buffer> r = browser.post("/signin", Map.of("username", username, "password", password));
    assertThat(r.statusCode()).as("sign-in as %s", username).isEqualTo(303);
    return browser;
  }

  @Test
  @DisplayName("Someone not signed in who opens the accounts page is sent to sign in, and back afterwards")
  void anonymousRedirected() {
    HttpResponse<Buffer> r = new Http(client).get("/admin/users");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("Location")).isEqualTo("/signin?next=%2Fadmin%2Fusers");
  }

  @Test
  @DisplayName("A facilitator who opens the accounts page sees a 403 'Not allowed' page")
  void facilitatorForbidden() {
    Http.createAccount(client, adminToken, "facil", "facil-password", "facilitator", "author");
    HttpResponse<Buffer> r = signedIn("facil", "facil-password").get("/admin/users");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.bodyAsString()).contains("Not allowed").contains("needs the Admin role")
        .doesNotContain("Create an account");
  }

  @Test
  @DisplayName("The admin API answers 401 without a token and 403 for a facilitator's token")
  void apiRoles() {
    HttpResponse<Buffer> none = api(client, HttpMethod.GET, "/api/admin/accounts", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
    HttpResponse<Buffer> bogus = api(client, HttpMethod.GET, "/api/admin/accounts", "not-a-real-token", null);
    assertThat(bogus.statusCode()).isEqualTo(401);

    Http.createAccount(client, adminToken, "api-facil", "api-facil-password", "facilitator");
    String token = Http.token(client, "api-facil", "api-facil-password");
    HttpResponse<Buffer> wrongRole = api(client, HttpMethod.GET, "/api/admin/accounts", token, null);
    assertThat(wrongRole.statusCode()).isEqualTo(403);
    assertThat(wrongRole.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");
    assertThat(api(client, HttpMethod.POST, "/api/admin/accounts", token,
        new JsonObject().put("username", "sneaky").put("roles", new JsonArray().add("admin"))).statusCode())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("Disabling an account stops its tokens and its browser sign-in at once, and it cannot sign in again")
  void disableRevokes() {
    JsonObject created = Http.createAccount(client, adminToken, "leaver", "leaver-password", "facilitator");
    String token = Http.token(client, "leaver", "leaver-password");
    Http browser = signedIn("leaver", "leaver-password");
    assertThat(browser.get("/").bodyAsString()).contains("Sign out");

    HttpResponse<Buffer> disabled = api(client, HttpMethod.POST,
        "/api/admin/accounts/" + created.getString("id") + "/disable", adminToken, null);
    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(disabled.bodyAsJsonObject().getBoolean("disabled")).isTrue();

    assertThat(api(client, HttpMethod.DELETE, "/api/auth/token", token, null).statusCode()).isEqualTo(401);
    assertThat(browser.get("/").bodyAsString()).doesNotContain("Sign out").contains("Sign in");
    assertThat(browser.cookie(Auth.COOKIE)).as("stale cookie cleared").isNull();
    HttpResponse<Buffer> again = Http.signIn(client, "leaver", "leaver-password");
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.bodyAsJsonObject().getString("message")).contains("disabled");

    assertThat(api(client, HttpMethod.POST, "/api/admin/accounts/" + created.getString("id") + "/enable",
        adminToken, null).statusCode()).isEqualTo(200);
    assertThat(Http.signIn(client, "leaver", "leaver-password").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("An admin form posted without the CSRF field is refused with 403 and changes nothing")
  void adminFormNeedsCsrf() {
    Http admin = signedIn("admin", TestServer.ADMIN_PASSWORD);
    admin.get("/admin/users");
    HttpResponse<Buffer> r = admin.postRaw("/admin/users", MultiMap.caseInsensitiveMultiMap()
        .add("username", "csrf-victim").add("roles", "admin").add("password", "csrf-victim-password"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.bodyAsString()).contains("This form was out of date");
    assertThat(Http.signIn(client, "csrf-victim", "csrf-victim-password").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("An admin creates an account in the form; a generated password is shown once and works")
  void createInForm() {
    Http admin = signedIn("admin", TestServer.ADMIN_PASSWORD);
    admin.get("/admin/users");
    HttpResponse<Buffer> r = admin.post("/admin/users", Map.of("username", "New.Person", "roles", "author", "password", ""));
    assertThat(r.statusCode()).isEqualTo(201);
    String body = r.bodyAsString();
    assertThat(body).contains("Account new.person created.").contains("<th scope=\"row\">new.person");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<strong class=\"secret\">([^<]+)</strong>").matcher(body);
    assertThat(m.find()).as("generated password shown").isTrue();
    assertThat(m.group(1)).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
    assertThat(Http.signIn(client, "new.person", m.group(1)).statusCode()).isEqualTo(200);
    assertThat(admin.get("/admin/users").bodyAsString()).doesNotContain(m.group(1));
  }

  @Test
  @DisplayName("Bad input in the create form is shown at its field, and nothing is created")
  void createFormErrors() {
    Http admin = signedIn("admin", TestServer.ADMIN_PASSWORD);
    admin.get("/admin/users");
    HttpResponse<Buffer> bad = admin.post("/admin/users", Map.of("username", "x", "roles", "facilitator"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsString()).contains("<a href=\"#username\">Username must be 3–40 characters")
        .contains("aria-invalid=\"true\"");

    HttpResponse<Buffer> noRoles = admin.post("/admin/users", Map.of("username", "no-roles", "password", "no-roles-password"));
    assertThat(noRoles.statusCode()).isEqualTo(400);
    assertThat(noRoles.bodyAsString()).contains("<a href=\"#roles\">Roles must include at least one")
        .contains("value=\"no-roles\"");
    assertThat(Http.signIn(client, "no-roles", "no-roles-password").statusCode()).isEqualTo(401);

    HttpResponse<Buffer> shortPw = admin.post("/admin/users", Map.of("username", "short-pw", "roles", "author", "password", "short"));
    assertThat(shortPw.statusCode()).isEqualTo(400);
    assertThat(shortPw.bodyAsString()).contains("<a href=\"#password\">Password must be 10–200 characters long");

    HttpResponse<Buffer> taken = admin.post("/admin/users", Map.of("username", "ADMIN", "roles", "author", "password", "taken-password"));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.bodyAsString()).contains("<a href=\"#username\">Username &#x27;admin&#x27; is already taken");
  }

  @Test
  @DisplayName("The admin API validates every field and refuses a username that differs only in case")
  void apiCreateValidation() {
    HttpResponse<Buffer> noRoles = api(client, HttpMethod.POST, "/api/admin/accounts", adminToken,
        new JsonObject().put("username", "someone"));
    assertThat(noRoles.statusCode()).isEqualTo(400);
    assertThat(noRoles.bodyAsJsonObject().getString("message")).startsWith("roles");
    HttpResponse<Buffer> badRole = api(client, HttpMethod.POST, "/api/admin/accounts", adminToken,
        new JsonObject().put("username", "someone").put("roles", new JsonArray().add("wizard")));
    assertThat(badRole.statusCode()).isEqualTo(400);
    assertThat(badRole.bodyAsJsonObject().getString("message")).contains("wizard");

    Http.createAccount(client, adminToken, "casey", "casey-password", "facilitator");
    HttpResponse<Buffer> dup = api(client, HttpMethod.POST, "/api/admin/accounts", adminToken,
        new JsonObject().put("username", "Casey").put("roles", new JsonArray().add("author")));
    assertThat(dup.statusCode()).isEqualTo(409);
    assertThat(dup.bodyAsJsonObject().getString("error")).isEqualTo("conflict");

    JsonArray all = api(client, HttpMethod.GET, "/api/admin/accounts", adminToken, null).bodyAsJsonArray();
    assertThat(all.stream().map(o -> ((JsonObject) o).getString("username"))).contains("admin", "casey");
    assertThat(all.encode()).doesNotContain("passwordHash").doesNotContain("$2a$");
    assertThat(api(client, HttpMethod.POST, "/api/admin/accounts/no-such-id/disable", adminToken, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("An admin cannot disable their own account")
  void cannotDisableSelf() {
    Http admin = signedIn("admin", TestServer.ADMIN_PASSWORD);
    String page = admin.get("/admin/users").bodyAsString();
    String adminId = api(client, HttpMethod.GET, "/api/admin/accounts", adminToken, null).bodyAsJsonArray().stream()
        .map(o -> (JsonObject) o).filter(o -> o.getString("username").equals("admin")).findFirst().orElseThrow()
        .getString("id");
    assertThat(page).doesNotContain("/admin/users/" + adminId + "/disable");
    HttpResponse<Buffer> r = admin.post("/admin/users/" + adminId + "/disable", Map.of());
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.bodyAsString()).contains("You cannot disable your own account.");
    assertThat(Http.signIn(client, "admin", TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Setting a new password for someone ends their sign-ins and only the new password works")
  void setPassword() {
    JsonObject created = Http.createAccount(client, adminToken, "resetme", "resetme-password", "author");
    String oldToken = Http.token(client, "resetme", "resetme-password");
    Http admin = signedIn("admin", TestServer.ADMIN_PASSWORD);
    HttpResponse<Buffer> form = admin.get("/admin/users/" + created.getString("id") + "/password");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.bodyAsString()).contains("New password for resetme");
    HttpResponse<Buffer> tooShort = admin.post("/admin/users/" + created.getString("id") + "/password",
        Map.of("password", "short"));
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooShort.bodyAsString()).contains("<a href=\"#password\">Password must be 10–200");
    HttpResponse<Buffer> done = admin.post("/admin/users/" + created.getString("id") + "/password",
        Map.of("password", "a-brand-new-password"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.bodyAsString()).contains("New password set for resetme");
    assertThat(api(client, HttpMethod.DELETE, "/api/auth/token", oldToken, null).statusCode()).isEqualTo(401);
    assertThat(Http.signIn(client, "resetme", "resetme-password").statusCode()).isEqualTo(401);
    assertThat(Http.signIn(client, "resetme", "a-brand-new-password").statusCode()).isEqualTo(200);
  }
}
