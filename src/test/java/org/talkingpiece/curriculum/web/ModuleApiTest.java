package org.talkingpiece.curriculum.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.support.Http.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.support.Http;

/** The modules API over HTTP, with the three shipped modules and an author and a facilitator account. */
class ModuleApiTest {
  static World world;

  @BeforeAll
  static void start() {
    world = new World();
  }

  @AfterAll
  static void stop() throws Exception {
    world.close();
  }

  static String shippedYaml(String slug) throws IOException {
    return Files.readString(Path.of("content/modules", slug + ".yaml"));
  }

  /** The version a shipped module file holds, so tests keep working when a module gets a new edition. */
  static int shippedVersion(String slug) {
    try {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^version: (\\d+)$").matcher(shippedYaml(slug));
      if (!m.find()) {
        throw new IllegalStateException(slug + ".yaml has no top-level version");
      }
      return Integer.parseInt(m.group(1));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static HttpResponse<Buffer> get(String path, String token) {
    return api(world.web, HttpMethod.GET, path, token);
  }

  static HttpResponse<Buffer> postYaml(String token, String fileName, String yaml) {
    HttpRequest<Buffer> req = world.web.post("/api/modules").putHeader("Content-Type", "text/yaml; charset=utf-8");
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    if (fileName != null) {
      req.putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
    try {
      return req.sendBuffer(Buffer.buffer(yaml)).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A shipped module under another slug, as a new module's file. */
  static String copyAs(String from, String slug) throws IOException {
    return shippedYaml(from).replace("slug: " + from, "slug: " + slug);
  }

  @Test
  @DisplayName("Anyone can list the published modules: slug, version, title, summary and duration only")
  void listPublished() {
    HttpResponse<Buffer> r = get("/api/modules", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonArray list = r.bodyAsJsonArray();
    assertThat(list.stream().map(m -> ((JsonObject) m).getString("slug")))
        .contains("allyship-in-action", "systemic-racism-in-organisations", "understanding-privilege");
    JsonObject privilege = list.stream().map(JsonObject.class::cast)
        .filter(m -> m.getString("slug").equals("understanding-privilege")).findFirst().orElseThrow();
    assertThat(privilege.fieldNames()).containsExactlyInAnyOrder("slug", "version", "title", "summary", "durationMinutes");
    assertThat(privilege.getInteger("durationMinutes")).isEqualTo(90);
  }

  @Test
  @DisplayName("Someone not signed in reads a module without facilitator notes or preparation; facilitators and authors get them")
  void notesOnlyForFacilitatorsAndAuthors() {
    JsonObject anonymous = get("/api/modules/understanding-privilege", null).bodyAsJsonObject();
    assertThat(anonymous.getInteger("version")).isEqualTo(shippedVersion("understanding-privilege"));
    assertThat(anonymous.containsKey("preparation")).isFalse();
    assertThat(anonymous.containsKey("changeLog")).isFalse();
    assertThat(anonymous.encode()).doesNotContain("facilitatorNotes").doesNotContain("privilege walk");
    assertThat(anonymous.getJsonArray("activities").getJsonObject(0).getString("prompt")).contains("Welcome.");

    JsonObject anonymousVersion = get("/api/modules/understanding-privilege/versions/" + shippedVersion("understanding-privilege"), null).bodyAsJsonObject();
    assertThat(anonymousVersion).isEqualTo(anonymous);

    for (String token : List.of(world.facilitatorToken, world.authorToken)) {
      JsonObject full = get("/api/modules/understanding-privilege", token).bodyAsJsonObject();
      assertThat(full.getJsonObject("preparation")).isNotNull();
      assertThat(full.getJsonArray("activities").getJsonObject(0).getString("facilitatorNotes")).contains("Purpose:");
    }
  }

  @Test
  @DisplayName("A missing module or version answers 404 in the shared error shape")
  void notFound() {
    for (String path : List.of("/api/modules/no-such-module", "/api/modules/understanding-privilege/versions/9",
        "/api/modules/understanding-privilege/versions/two", "/api/modules/Not_A_Slug")) {
      HttpResponse<Buffer> r = get(path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.bodyAsJsonObject().getString("error")).as(path).isEqualTo("not-found");
      assertThat(r.bodyAsJsonObject().getString("message")).as(path).isNotBlank();
    }
  }

  @Test
  @DisplayName("Importing invalid YAML answers 422 with every error naming the file, the path and what is wrong")
  void importInvalid() throws IOException {
    String yaml = copyAs("understanding-privilege", "privilege-broken")
        .replace("title: Check-in", "title: ''")
        .replace("durationMinutes: 90", "durationMinutes: 95");
    HttpResponse<Buffer> r = postYaml(world.authorToken, "broken.yaml", yaml);
    assertThat(r.statusCode()).isEqualTo(422);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo("invalid-input");
    assertThat(body.getString("message")).startsWith("The module is not valid (3 problems)");
    assertThat(body.getJsonArray("errors").stream().map(JsonObject.class::cast).map(e -> e.getString("source")
        + " | " + e.getString("path") + " | " + e.getString("message")))
        .containsExactlyInAnyOrder(
            "broken.yaml | activities[1].title | must be at least 3 characters long (it has 0)",
            "broken.yaml | durationMinutes | durationMinutes is 95 but the activities add up to 90 minutes; make them equal",
            "broken.yaml | slug | the file is named \"broken.yaml\" but the slug is \"privilege-broken\"; "
                + "name the file \"privilege-broken.yaml\"");

    HttpResponse<Buffer> syntax = postYaml(world.authorToken, null, "title: [unclosed");
    assertThat(syntax.statusCode()).isEqualTo(422);
    JsonObject error = syntax.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("source")).isEqualTo(ModuleApi.REQUEST_BODY);
    assertThat(error.getString("path")).isEmpty();
    assertThat(error.getString("message")).startsWith("YAML syntax error at line 1");
    assertThat(get("/api/modules/privilege-broken/versions/1", world.authorToken).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("An imported module is a draft: authors can read it, facilitators and everyone else get 404, and it is not listed")
  void importedDraftHidden() throws IOException {
    HttpResponse<Buffer> r = postYaml(world.authorToken, "privilege-for-managers.yaml",
        copyAs("understanding-privilege", "privilege-for-managers"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    int v = shippedVersion("understanding-privilege");
    assertThat(r.getHeader("Location")).isEqualTo("/api/modules/privilege-for-managers/versions/" + v);
    assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("draft");

    assertThat(get("/api/modules/privilege-for-managers/versions/" + v, world.authorToken).statusCode()).isEqualTo(200);
    assertThat(get("/api/modules/privilege-for-managers/versions/" + v, world.facilitatorToken).statusCode()).isEqualTo(404);
    assertThat(get("/api/modules/privilege-for-managers/versions/" + v, null).statusCode()).isEqualTo(404);
    assertThat(get("/api/modules/privilege-for-managers/versions/" + v + ".yaml", world.facilitatorToken).statusCode()).isEqualTo(404);
    assertThat(get("/api/modules/privilege-for-managers", null).statusCode()).isEqualTo(404);
    assertThat(get("/api/modules", null).bodyAsString()).doesNotContain("privilege-for-managers");
  }

  @Test
  @DisplayName("Only YAML is imported: another content type is refused with a message that says what to send")
  void importNeedsYaml() {
    HttpResponse<Buffer> r = api(world.web, HttpMethod.POST, "/api/modules", world.authorToken, "application/json",
        new JsonObject().put("slug", "x"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("message")).contains("text/yaml");
  }

  @Test
  @DisplayName("An author saves a draft as JSON or YAML and publishes it: the new version is live and the shipped one is unchanged")
  void saveDraftAndPublish() throws IOException {
    String slug = "allyship-in-action";
    String path = "/api/modules/" + slug;
    int shipped = shippedVersion(slug);
    int next = shipped + 1;
    String versionOne = get(path + "/versions/" + shipped, world.facilitatorToken).bodyAsString();
    String versionOneYaml = get(path + "/versions/" + shipped + ".yaml", world.facilitatorToken).bodyAsString();

    JsonObject draft = new JsonObject(versionOne).put("version", next).put("status", "draft");
    draft.getJsonArray("changeLog").add(new JsonObject().put("version", next).put("date", "2026-12-24")
        .put("summary", "A clearer first activity."));
    draft.getJsonArray("activities").getJsonObject(0).put("title", "Arriving together");
    HttpResponse<Buffer> saved = api(world.web, HttpMethod.PUT, path + "/draft", world.authorToken, null, draft);
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
    assertThat(saved.bodyAsJsonObject().getString("status")).isEqualTo("draft");

    String yaml = get(path + "/versions/" + next + ".yaml", world.authorToken).bodyAsString()
        .replace("title: Arriving together", "title: Arriving, together");
    HttpResponse<Buffer> savedYaml = api(world.web, HttpMethod.PUT, path + "/draft", world.authorToken,
        "application/x-yaml", yaml);
    assertThat(savedYaml.statusCode()).as(savedYaml.bodyAsString()).isEqualTo(200);
    assertThat(get(path, null).bodyAsJsonObject().getInteger("version")).as("a draft is not live").isEqualTo(shipped);

    HttpResponse<Buffer> published = api(world.web, HttpMethod.POST, path + "/versions/" + next + "/publish", world.authorToken);
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(published.bodyAsJsonObject().getString("status")).isEqualTo("published");

    JsonObject live = get(path, null).bodyAsJsonObject();
    assertThat(live.getInteger("version")).isEqualTo(next);
    assertThat(live.getJsonArray("activities").getJsonObject(0).getString("title")).isEqualTo("Arriving, together");
    assertThat(get(path + "/versions/" + shipped, world.facilitatorToken).bodyAsString()).isEqualTo(versionOne);
    assertThat(get(path + "/versions/" + shipped + ".yaml", world.facilitatorToken).bodyAsString()).isEqualTo(versionOneYaml);
    assertThat(get("/api/modules", null).bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(m -> m.getString("slug").equals(slug)).findFirst().orElseThrow().getInteger("version")).isEqualTo(next);

    HttpResponse<Buffer> again = api(world.web, HttpMethod.POST, path + "/versions/" + next + "/publish", world.authorToken);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("wrong-state");
    HttpResponse<Buffer> overwrite = api(world.web, HttpMethod.PUT, path + "/draft", world.authorToken,
        "application/x-yaml", yaml.replace("title: Arriving, together", "title: Sneaky change"));
    assertThat(overwrite.statusCode()).as("a published version never changes").isEqualTo(409);
  }

  @Test
  @DisplayName("Saving a draft that does not validate, or that names another module, answers 422 naming the field")
  void saveDraftInvalid() {
    JsonObject doc = get("/api/modules/systemic-racism-in-organisations", world.authorToken).bodyAsJsonObject()
        .put("version", shippedVersion("systemic-racism-in-organisations") + 1);
    HttpResponse<Buffer> r = api(world.web, HttpMethod.PUT, "/api/modules/systemic-racism-in-organisations/draft",
        world.authorToken, null, doc);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("path")).isEqualTo("changeLog");
    assertThat(r.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("source"))
        .isEqualTo(ModuleApi.REQUEST_BODY);

    HttpResponse<Buffer> other = api(world.web, HttpMethod.PUT, "/api/modules/understanding-privilege/draft",
        world.authorToken, null, get("/api/modules/systemic-racism-in-organisations", world.authorToken).bodyAsJsonObject());
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("path")).isEqualTo("slug");
  }

  @Test
  @DisplayName("The YAML export is for facilitators and authors, downloads as <slug>.yaml and imports to the same content")
  void exportYaml() {
    HttpResponse<Buffer> anonymous = get("/api/modules/understanding-privilege/versions/" + shippedVersion("understanding-privilege") + ".yaml", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");

    HttpResponse<Buffer> r = get("/api/modules/understanding-privilege/versions/" + shippedVersion("understanding-privilege") + ".yaml", world.facilitatorToken);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).startsWith("application/yaml");
    assertThat(r.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"understanding-privilege.yaml\"");
    String hash = ModuleValidator.create().validateYaml("understanding-privilege.yaml", r.bodyAsString())
        .orElseThrow().contentHash();
    JsonObject stored = get("/api/modules/understanding-privilege/versions/" + shippedVersion("understanding-privilege"), world.facilitatorToken).bodyAsJsonObject();
    assertThat(hash).isEqualTo(ModuleValidator.create().validateJson(ModuleValidator.FORM, stored).orElseThrow().contentHash());
  }

  @Test
  @DisplayName("Writing calls need the author role: 401 without a valid token, 403 for a facilitator")
  void writesNeedAuthor() throws IOException {
    String noAccount = "not-a-valid-token";
    String yaml = copyAs("understanding-privilege", "privilege-not-allowed");
    assertThat(postYaml(null, null, yaml).statusCode()).isEqualTo(401);
    HttpResponse<Buffer> anonymous = postYaml(noAccount, null, yaml);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
    HttpResponse<Buffer> facilitator = postYaml(world.facilitatorToken, null, yaml);
    assertThat(facilitator.statusCode()).isEqualTo(403);
    assertThat(facilitator.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");
    for (String token : new String[] {noAccount, world.facilitatorToken}) {
      int expected = token.equals(noAccount) ? 401 : 403;
      assertThat(api(world.web, HttpMethod.PUT, "/api/modules/understanding-privilege/draft", token, "text/yaml", yaml)
          .statusCode()).isEqualTo(expected);
      assertThat(api(world.web, HttpMethod.POST, "/api/modules/understanding-privilege/versions/1/publish", token)
          .statusCode()).isEqualTo(expected);
    }
    assertThat(get("/api/modules/privilege-not-allowed/versions/1", world.authorToken).statusCode()).isEqualTo(404);
  }
}
