package org.talkingpiece.curriculum.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Http;

/**
 * Every authoring page and form, for someone not signed in, a facilitator and an author. A form is
 * sent with the CSRF token of a page loaded just before, as a browser would: the server renews the
 * token with every response.
 */
class AuthoringAccessTest {
  static final String M = "/author/modules/understanding-privilege";
  /** The version the shipped file carries, which the server imports at start. */
  static final int SHIPPED = ModuleApiTest.shippedVersion("understanding-privilege");
  static final List<String> PAGES = List.of("/author", M, M + "/edit", M + "/source", M + "/preview",
      M + "/preview?version=" + SHIPPED, M + "/history", M + "/duplicate", M + "/versions/" + SHIPPED + "/publish");
  static final List<String> FORMS = List.of("/author/modules", "/author/import", M + "/draft", M + "/edit",
      M + "/source", M + "/validate", M + "/duplicate", M + "/versions/" + SHIPPED + "/publish");

  static World world;

  @BeforeAll
  static void start() {
    world = new World();
  }

  @AfterAll
  static void stop() throws Exception {
    world.close();
  }

  @Test
  @DisplayName("Someone not signed in who opens an authoring page is sent to sign in, and back afterwards")
  void anonymousPagesRedirect() {
    Http anonymous = new Http(world.web);
    for (String page : PAGES) {
      HttpResponse<Buffer> r = anonymous.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(302);
      assertThat(r.getHeader("Location")).as(page)
          .isEqualTo("/signin?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
    }
  }

  @Test
  @DisplayName("Someone not signed in who sends an authoring form is sent to sign in, and nothing changes")
  void anonymousFormsRedirect() {
    Http anonymous = new Http(world.web);
    for (String form : FORMS) {
      anonymous.get("/signin");
      HttpResponse<Buffer> r = anonymous.post(form, Map.of("version", "1", "slug", "sneaky-module", "title", "Sneaky"));
      assertThat(r.statusCode()).as(form).isEqualTo(302);
      assertThat(r.getHeader("Location")).as(form).startsWith("/signin?next=");
    }
    assertThat(Http.api(world.web, io.vertx.core.http.HttpMethod.GET, "/api/modules/sneaky-module/versions/1",
        world.authorToken).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("The live validation answers a script that is not signed in with 401 JSON, not a redirect")
  void anonymousValidateJson() {
    Http anonymous = new Http(world.web);
    anonymous.get("/signin");
    HttpResponse<Buffer> r = anonymous.postForJson(M + "/validate", MultiMap.caseInsensitiveMultiMap().add("version", "1"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
  }

  @Test
  @DisplayName("A facilitator sees 'Not allowed' (403) on every authoring page and form")
  void facilitatorForbidden() {
    Http facilitator = world.facilitator();
    for (String page : PAGES) {
      HttpResponse<Buffer> r = facilitator.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(403);
      assertThat(r.bodyAsString()).as(page).contains("Not allowed").contains("needs the Author role");
    }
    for (String form : FORMS) {
      facilitator.get("/");
      HttpResponse<Buffer> r = facilitator.post(form, Map.of("version", "1", "slug", "sneaky-module", "title", "Sneaky"));
      assertThat(r.statusCode()).as(form).isEqualTo(403);
      assertThat(r.bodyAsString()).as(form).contains("needs the Author role");
    }
    assertThat(facilitator.get("/").bodyAsString()).as("no Modules link for a facilitator").doesNotContain("href=\"/author\"");
  }

  @Test
  @DisplayName("An author opens every authoring page")
  void authorAllowed() {
    Http author = world.author();
    assertThat(author.get("/").bodyAsString()).contains("href=\"/author\"");
    for (String page : PAGES) {
      HttpResponse<Buffer> r = author.get(page);
      assertThat(r.statusCode()).as(page).isIn(200, 303);
    }
    assertThat(author.get(M + "/edit").getHeader("Location")).as("no draft yet: back to the module")
        .isEqualTo(M + "?nodraft=1");
    author.get(M);
    assertThat(author.post(M + "/draft", Map.of()).statusCode()).isEqualTo(303);
    for (String page : List.of(M + "/edit", M + "/source")) {
      assertThat(author.get(page).statusCode()).as(page).isEqualTo(200);
    }
  }
}
