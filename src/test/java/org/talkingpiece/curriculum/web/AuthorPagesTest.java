package org.talkingpiece.curriculum.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Http;

/**
 * The authoring pages as a browser without JavaScript uses them: forms posted, pages read back. A
 * form is filled with the values the edit page shows (its model, {@link EditorModel}), as
 * {@link ModuleFormTest#submitted} does.
 */
class AuthorPagesTest {
  static World world;

  @BeforeAll
  static void start() {
    world = new World();
  }

  @AfterAll
  static void stop() throws Exception {
    world.close();
  }

  static JsonObject draft(String slug, int version) {
    HttpResponse<Buffer> r = Http.api(world.web, HttpMethod.GET, "/api/modules/" + slug + "/versions/" + version,
        world.authorToken);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  /** Opens the edit page (starting the draft) and returns the form as the page would send it. */
  static MultiMap openForm(Http author, String slug) {
    author.get("/author/modules/" + slug);
    assertThat(author.post("/author/modules/" + slug + "/draft", Map.of()).getHeader("Location"))
        .isEqualTo("/author/modules/" + slug + "/edit");
    assertThat(author.get("/author/modules/" + slug + "/edit").statusCode()).isEqualTo(200);
    JsonObject doc = draftOf(slug);
    return ModuleFormTest.submitted(EditorModel.build(doc, List.of()), doc.getValue("version"));
  }

  static JsonObject draftOf(String slug) {
    var versions = Http.api(world.web, HttpMethod.GET, "/api/modules/" + slug, world.authorToken);
    int published = versions.statusCode() == 200 ? versions.bodyAsJsonObject().getInteger("version") : 0;
    HttpResponse<Buffer> next = Http.api(world.web, HttpMethod.GET,
        "/api/modules/" + slug + "/versions/" + (published + 1), world.authorToken);
    return next.statusCode() == 200 ? next.bodyAsJsonObject() : draft(slug, published);
  }

  static List<String> legends(String html) {
    Matcher m = Pattern.compile("<h3 class=\"activity-heading\">([^<]*)</h3>").matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  @DisplayName("A cleared activity title comes back at its field and in the summary; fixing it saves the draft")
  void errorAtFieldThenSave() {
    Http author = world.author();
    MultiMap form = openForm(author, "understanding-privilege");
    form.set("activities[0].title", "Welcome, everyone");
    form.set("activities[1].title", "");
    HttpResponse<Buffer> r = author.post("/author/modules/understanding-privilege/edit", form);
    assertThat(r.statusCode()).isEqualTo(422);
    String page = r.bodyAsString();
    assertThat(page).contains("<title>Error: Edit Understanding Privilege · Talking Piece</title>")
        .contains("<a href=\"#f-activities-1-title\">Activity 2: Title: Must be at least 3 characters long (it has 0)</a>")
        .contains("<p id=\"f-activities-1-title-error\" class=\"field-error\"><span class=\"visually-hidden\">Error: </span>"
            + "<span data-error-text>Must be at least 3 characters long (it has 0)</span></p>")
        .contains("id=\"f-activities-1-title\" name=\"activities[1].title\" value=\"\" autocomplete=\"off\" "
            + "aria-describedby=\"f-activities-1-title-error\" aria-invalid=\"true\">")
        .contains("value=\"Welcome, everyone\"");
    assertThat(draft("understanding-privilege", ModuleApiTest.shippedVersion("understanding-privilege") + 1).getJsonArray("activities").getJsonObject(1).getString("title"))
        .as("nothing saved").isEqualTo("Check-in");

    form.set("activities[1].title", "Checking in");
    form.set("change.summary", "Friendlier titles.");
    form.set(Http.CSRF_FIELD, author.csrfToken());
    HttpResponse<Buffer> saved = author.post("/author/modules/understanding-privilege/edit", form);
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.getHeader("Location")).isEqualTo("/author/modules/understanding-privilege/edit?saved=1");
    assertThat(author.get(saved.getHeader("Location")).bodyAsString()).contains("Draft saved.");
    JsonObject stored = draft("understanding-privilege", ModuleApiTest.shippedVersion("understanding-privilege") + 1);
    assertThat(stored.getJsonArray("activities").getJsonObject(1).getString("title")).isEqualTo("Checking in");
    assertThat(stored.getJsonArray("activities").getJsonObject(0).getString("title")).isEqualTo("Welcome, everyone");
    JsonArray log = stored.getJsonArray("changeLog");
    assertThat(log.getJsonObject(log.size() - 1).getString("summary")).isEqualTo("Friendlier titles.");
  }

  @Test
  @DisplayName("Without JavaScript, an author moves, adds and removes activities with buttons; nothing is saved until Save")
  void activityButtons() {
    Http author = world.author();
    MultiMap form = openForm(author, "allyship-in-action");
    String page = author.get("/author/modules/allyship-in-action/edit").bodyAsString();
    List<String> before = legends(page);

    form.set("action", "down:0");
    String moved = author.post("/author/modules/allyship-in-action/edit", form).bodyAsString();
    assertThat(moved).contains("Activity 1 moved down. Nothing is saved until you press");
    List<String> after = legends(moved);
    assertThat(after.get(0)).isEqualTo("Activity 1: " + before.get(1).substring(before.get(1).indexOf(": ") + 2));
    assertThat(after.get(1)).isEqualTo("Activity 2: " + before.get(0).substring(before.get(0).indexOf(": ") + 2));
    assertThat(legends(author.get("/author/modules/allyship-in-action/edit").bodyAsString())).isEqualTo(before);

    form.set("action", "add");
    form.set("newType", "poll");
    form.set(Http.CSRF_FIELD, author.csrfToken());
    String added = author.post("/author/modules/allyship-in-action/edit", form).bodyAsString();
    int n = before.size();
    assertThat(legends(added)).hasSize(n + 1).last().isEqualTo("Activity " + (n + 1) + ": (no title yet)");
    assertThat(added).contains("<fieldset id=\"f-activities-" + n + "-settings-poll\" class=\"group settings\" data-settings-for=\"poll\">")
        .contains("<fieldset id=\"f-activities-" + n + "-settings-round\" class=\"group settings\" data-settings-for=\"round\" hidden disabled>");

    form.set("action", "remove:1");
    form.set(Http.CSRF_FIELD, author.csrfToken());
    String removed = author.post("/author/modules/allyship-in-action/edit", form).bodyAsString();
    assertThat(removed).contains("Activity 2 “");
    assertThat(legends(removed)).hasSize(n - 1);
  }

  @Test
  @DisplayName("The YAML view saves the draft, and refuses a syntax error or a changed version, saying where")
  void yamlSource() {
    Http author = world.author();
    String draftVersion = String.valueOf(ModuleApiTest.shippedVersion("systemic-racism-in-organisations") + 1);
    openForm(author, "systemic-racism-in-organisations");
    String page = author.get("/author/modules/systemic-racism-in-organisations/source").bodyAsString();
    assertThat(page).contains("slug: systemic-racism-in-organisations").contains("version: " + draftVersion);
    String yaml = Http.api(world.web, HttpMethod.GET, "/api/modules/systemic-racism-in-organisations/versions/" + draftVersion + ".yaml",
        world.authorToken).bodyAsString();

    HttpResponse<Buffer> bad = author.post("/author/modules/systemic-racism-in-organisations/source",
        Map.of("version", draftVersion, "yaml", yaml.replace("version: " + draftVersion + "\n", "version: 7\n")));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.bodyAsString()).contains("<a href=\"#yaml\">version: This draft is version " + draftVersion + ";")
        .contains("version: 7");

    HttpResponse<Buffer> syntax = author.post("/author/modules/systemic-racism-in-organisations/source",
        Map.of("version", draftVersion, "yaml", "title: [oops\n"));
    assertThat(syntax.statusCode()).isEqualTo(422);
    assertThat(syntax.bodyAsString()).contains("YAML syntax error at line");

    String changed = yaml.replaceFirst("title: .*\n", "title: Systemic racism in organisations, revised\n");
    HttpResponse<Buffer> saved = author.post("/author/modules/systemic-racism-in-organisations/source",
        Map.of("version", draftVersion, "yaml", changed.replace("\n", "\r\n")));
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(303);
    assertThat(draft("systemic-racism-in-organisations", Integer.parseInt(draftVersion)).getString("title"))
        .isEqualTo("Systemic racism in organisations, revised");
  }

  @Test
  @DisplayName("The live validation returns each error with its field id, and a fresh CSRF token the next save uses")
  void liveValidation() {
    Http author = world.author();
    MultiMap form = openForm(author, "understanding-privilege");
    form.set("activities[2].minutes", "80");
    form.set(Http.CSRF_FIELD, author.csrfToken());
    HttpResponse<Buffer> r = author.postForJson("/author/modules/understanding-privilege/validate", form);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getBoolean("valid")).isFalse();
    assertThat(body.getInteger("totalMinutes")).isEqualTo(162);
    assertThat(body.getJsonArray("errors").getJsonObject(0)).isEqualTo(new JsonObject()
        .put("path", "durationMinutes").put("field", "f-durationMinutes").put("label", "Duration in minutes")
        .put("message", "DurationMinutes is 90 but the activities add up to 162 minutes; make them equal"));
    assertThat(body.getString("csrfToken")).isNotBlank().isEqualTo(r.getHeader(Http.CSRF_FIELD))
        .isEqualTo(author.csrfToken());

    HttpResponse<Buffer> yaml = author.postForJson("/author/modules/understanding-privilege/validate",
        MultiMap.caseInsensitiveMultiMap().add("version", form.get("version")).add("yaml", "slug: [x"));
    assertThat(yaml.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("yaml");

    form.set("activities[2].minutes", "8");
    form.set(Http.CSRF_FIELD, author.csrfToken());
    assertThat(author.post("/author/modules/understanding-privilege/edit", form).statusCode())
        .as("the token from the check is the one the save needs").isEqualTo(303);
  }

  @Test
  @DisplayName("The preview shows each activity's participant screen (Markdown, poll choices, content note) beside the facilitator's notes")
  void preview() throws IOException {
    int shipped = ModuleApiTest.shippedVersion("understanding-privilege");
    String page = world.author().get("/author/modules/understanding-privilege/preview?version=" + shipped).bodyAsString();
    assertThat(page).contains("<h1>Preview: Understanding Privilege <span class=\"caption\">version " + shipped + ", published</span></h1>")
        .contains("<strong>Welcome.</strong> For the next 90 minutes")
        .contains("<li>Being assumed to be competent when I walk into a meeting</li>")
        .contains("<li class=\"prefer-not\">Prefer not to say</li>")
        .contains("<strong>Content note:</strong> This inventory touches on safety")
        .contains("why we never run a &#34;privilege walk&#34;")
        .contains("Turns of 20 seconds, with a warning 5 seconds before the end.")
        .contains("until at least 5 people have answered")
        .contains("<td>0:17</td>")
        .contains("<p class=\"sublabel\">Pre-brief, just before the session</p>")
        .contains("<p class=\"sublabel\">Self-debrief, after the session</p>")
        .contains("Shorten the dialogue step to 5 minutes (saves 3).")
        .contains("Debrief questions (4 min in the debrief step)");

    String yaml = Files.readString(Path.of("content/modules/understanding-privilege.yaml"))
        .replace("slug: understanding-privilege", "slug: privilege-script-test")
        .replace("prompt: In a word or a sentence, how are you arriving today? You can pass.",
            "prompt: \"Hello <script>alert(1)</script> [x](javascript:alert(2)) world\"");
    Http author = world.author();
    author.get("/author");
    assertThat(author.upload("/author/import", "privilege-script-test.yaml", yaml).statusCode()).isEqualTo(303);
    String risky = author.get("/author/modules/privilege-script-test/preview").bodyAsString();
    assertThat(risky).contains("Hello").contains("world").doesNotContain("<script>alert").doesNotContain("javascript:");
  }

  @Test
  @DisplayName("An uploaded module file becomes a draft; a file with mistakes is listed problem by problem; no file is asked for")
  void importUpload() throws IOException {
    String yaml = Files.readString(Path.of("content/modules/allyship-in-action.yaml"))
        .replace("slug: allyship-in-action", "slug: allyship-at-work");
    Http author = world.author();
    author.get("/author");
    HttpResponse<Buffer> ok = author.upload("/author/import", "allyship-at-work.yaml", yaml);
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.getHeader("Location")).isEqualTo("/author/modules/allyship-at-work?imported="
        + ModuleApiTest.shippedVersion("allyship-in-action"));
    assertThat(author.get(ok.getHeader("Location")).bodyAsString()).contains("The file was imported as draft version "
        + ModuleApiTest.shippedVersion("allyship-in-action") + ".");

    author.get("/author");
    HttpResponse<Buffer> wrong = author.upload("/author/import", "my-module.yaml",
        yaml.replace("durationMinutes: ", "durationMinutes: 1"));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.bodyAsString()).contains("<a href=\"#importFile\">my-module.yaml, slug: The file is named")
        .contains("<a href=\"#importFile\">my-module.yaml, durationMinutes: ")
        .contains("There are 2 problems, listed at the top of the page.");

    author.get("/author");
    HttpResponse<Buffer> none = author.upload("/author/import", "", "");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.bodyAsString()).contains("Choose a YAML file to import.");
  }

  @Test
  @DisplayName("A new module starts as a valid draft; a slug that is taken or malformed is refused at the slug field")
  void newModule() {
    Http author = world.author();
    author.get("/author");
    HttpResponse<Buffer> created = author.post("/author/modules", Map.of("title", "Listening across difference",
        "slug", "listening-across-difference"));
    assertThat(created.getHeader("Location")).isEqualTo("/author/modules/listening-across-difference/edit?created=1");
    assertThat(author.get(created.getHeader("Location")).bodyAsString())
        .contains("Module created as draft version 1.").contains("Activity 1: Welcome");

    author.get("/author");
    HttpResponse<Buffer> taken = author.post("/author/modules", Map.of("title", "Again", "slug", "listening-across-difference"));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.bodyAsString()).contains("<a href=\"#newSlug\">Slug: A module called listening-across-difference already exists.");

    author.get("/author");
    HttpResponse<Buffer> bad = author.post("/author/modules", Map.of("title", "x", "slug", "Bad Slug"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsString()).contains("href=\"#newSlug\"").contains("href=\"#newTitle\"")
        .contains("aria-invalid=\"true\"");
  }

  @Test
  @DisplayName("A copy becomes a new module; publishing it asks first; the history shows what changed between versions")
  void copyPublishHistory() {
    Http author = world.author();
    author.get("/author/modules/understanding-privilege/duplicate");
    HttpResponse<Buffer> copied = author.post("/author/modules/understanding-privilege/duplicate",
        Map.of("from", String.valueOf(ModuleApiTest.shippedVersion("understanding-privilege")), "newSlug", "privilege-copy"));
    assertThat(copied.getHeader("Location")).isEqualTo("/author/modules/privilege-copy/edit?copied=1");
    assertThat(draft("privilege-copy", 1).getJsonObject("derivedFrom"))
        .isEqualTo(new JsonObject().put("slug", "understanding-privilege")
            .put("version", ModuleApiTest.shippedVersion("understanding-privilege")));

    author.get("/author/modules/understanding-privilege/duplicate");
    assertThat(author.post("/author/modules/understanding-privilege/duplicate",
        Map.of("from", String.valueOf(ModuleApiTest.shippedVersion("understanding-privilege")), "newSlug", "privilege-copy"))
        .bodyAsString())
        .contains("A module called privilege-copy already exists. Choose another slug.");

    String confirm = author.get("/author/modules/privilege-copy/versions/1/publish").bodyAsString();
    assertThat(confirm).contains("Publish version 1 of Understanding Privilege?").contains("never changes");
    HttpResponse<Buffer> published = author.post("/author/modules/privilege-copy/versions/1/publish", Map.of());
    assertThat(published.getHeader("Location")).isEqualTo("/author/modules/privilege-copy?published=1");
    assertThat(author.get(published.getHeader("Location")).bodyAsString()).contains("Version 1 is published.");
    assertThat(author.get("/author/modules/privilege-copy/versions/1/publish").bodyAsString())
        .contains("Version 1 of Understanding Privilege is published");

    MultiMap form = openForm(author, "privilege-copy");
    assertThat(form.get("version")).isEqualTo("2");
    form.set("title", "Understanding Privilege at Work");
    form.set("change.summary", "A new title.");
    form.set(Http.CSRF_FIELD, author.csrfToken());
    assertThat(author.post("/author/modules/privilege-copy/edit", form).statusCode()).isEqualTo(303);

    String history = author.get("/author/modules/privilege-copy/history?from=1&to=2").bodyAsString();
    assertThat(history).contains("3 lines removed, 6 lines added")
        .contains("<h3>Lines 15 to 20 of version 1, lines 15 to 23 of version 2</h3>")
        .contains("<del>title: Understanding Privilege</del>")
        .contains("<ins>title: Understanding Privilege at Work</ins>")
        .contains("<ins>    summary: A new title.</ins>")
        .contains("Removed from version 1: ");
  }
}
