package org.talkingpiece.curriculum.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Browser;
import org.talkingpiece.support.Http;

/** Journey 12 in Chromium: an author revises "Understanding Privilege" and publishes its next version. */
class AuthoringBrowserTest {
  static Browser browser;
  static World world;

  @BeforeAll
  static void start() {
    browser = Browser.launch();
    world = new World();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (world != null) {
      world.close();
    }
  }

  static Page signIn(BrowserContext context) {
    Page page = context.newPage();
    page.navigate(world.server.url("/signin?next=%2Fauthor"));
    page.getByLabel("Username").fill(World.AUTHOR);
    page.getByLabel("Password").fill(World.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(world.server.url("/author"));
    return page;
  }

  static Page.GetByRoleOptions named(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  static JsonObject api(String path) {
    return Http.api(world.web, HttpMethod.GET, path, world.facilitatorToken).bodyAsJsonObject();
  }

  @Test
  @DisplayName("An author edits Understanding Privilege, sees a mistake at its field, fixes it, previews and publishes the next version; the shipped one stays as it was")
  void editPreviewPublish() {
    int shipped = ModuleApiTest.shippedVersion("understanding-privilege");
    int next = shipped + 1;
    String versionOne = Http.api(world.web, HttpMethod.GET, "/api/modules/understanding-privilege/versions/" + shipped,
        world.facilitatorToken).bodyAsString();
    try (BrowserContext context = browser.newContext()) {
      Page page = signIn(context);
      assertThat(page.getByRole(AriaRole.HEADING, named("Modules"))).isVisible();
      Browser.axe(page);

      page.getByRole(AriaRole.BUTTON, named("Edit Understanding Privilege")).click();
      page.waitForURL(world.server.url("/author/modules/understanding-privilege/edit"));
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Edit Understanding Privilege draft version " + next);
      Browser.axe(page);

      Locator checkIn = page.getByRole(AriaRole.GROUP, named("Activity 2: Check-in"));
      // The activity's heading follows its title as it is typed, so hold on to the field by its id.
      Locator title = page.locator("#" + checkIn.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true))
          .getAttribute("id"));
      title.fill("");
      assertThat(page.getByRole(AriaRole.GROUP, named("Activity 2: (no title yet)"))).isVisible();
      Locator fieldError = page.locator("#f-activities-1-title-error");
      assertThat(fieldError).isVisible();
      assertThat(fieldError).containsText("Must be at least 3 characters long (it has 0)");
      assertThat(title).hasAttribute("aria-invalid", "true");
      assertThat(page.locator("[data-live-status]").first()).containsText("1 problem to fix before saving");

      page.getByRole(AriaRole.BUTTON, named("Save draft")).first().click();
      Locator summary = page.getByRole(AriaRole.ALERT);
      assertThat(summary).containsText("There is a problem");
      assertThat(summary).containsText("Activity 2: Title: Must be at least 3 characters long");
      assertThat(page).hasTitle(Pattern.compile("^Error: "));
      Browser.axe(page);
      summary.getByRole(AriaRole.LINK).click();
      Locator titleAgain = page.locator("#f-activities-1-title");
      assertThat(titleAgain).isFocused();

      titleAgain.fill("Checking in");
      page.getByLabel("What changed in version " + next).fill("A friendlier title for the check-in.");
      assertThat(page.locator("[data-live-status]").first()).hasText("No problems found.");
      assertThat(fieldError).isHidden();
      page.getByRole(AriaRole.BUTTON, named("Save draft")).first().click();
      assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Draft saved.")))
          .isVisible();

      page.getByRole(AriaRole.LINK, named("Preview")).click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Preview: Understanding Privilege version " + next + ", draft");
      assertThat(page.getByRole(AriaRole.HEADING, named("2. Checking in 0:07 to 0:17"))).isVisible();
      assertThat(page.locator("#activity-everyday-ease-inventory .participant-view")).containsText("Prefer not to say");
      assertThat(page.locator("#activity-everyday-ease-inventory .facilitator-view")).containsText("privilege walk");
      Browser.axe(page);

      page.getByRole(AriaRole.LINK, named("Publish version " + next + "…")).click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Publish version " + next + " of Understanding Privilege?");
      assertThat(page.getByText("A friendlier title for the check-in.")).isVisible();
      page.getByRole(AriaRole.BUTTON, named("Publish version " + next)).click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("Version " + next + " is published.");

      JsonObject live = api("/api/modules/understanding-privilege");
      assertThat(live.getInteger("version")).isEqualTo(next);
      assertThat(live.getJsonArray("activities").getJsonObject(1).getString("title")).isEqualTo("Checking in");
      assertThat(live.getString("status")).isEqualTo("published");
      String stillOne = Http.api(world.web, HttpMethod.GET, "/api/modules/understanding-privilege/versions/" + shipped,
          world.facilitatorToken).bodyAsString();
      assertThat(stillOne).isEqualTo(versionOne);
      assertThat(new JsonObject(stillOne).getJsonArray("activities").getJsonObject(1).getString("title")).isEqualTo("Check-in");

      page.getByRole(AriaRole.LINK, named("History")).click();
      assertThat(page.getByRole(AriaRole.HEADING, named("History of Understanding Privilege"))).isVisible();
      assertThat(page.locator(".diff-line.removed")).containsText(new String[] {"title: Check-in"});
      assertThat(page.locator(".diff-line.added").filter(new Locator.FilterOptions().setHasText("title: Checking in")))
          .hasCount(1);
      Browser.axe(page);
    }
  }

  @Test
  @DisplayName("Without scripts, an author moves an activity with its button and changes its type; the new type's settings ask for what is missing")
  void withoutScripts() {
    try (BrowserContext context = browser.newContext()) {
      context.route("**/static/js/**", route -> route.abort());
      Page page = signIn(context);
      page.getByRole(AriaRole.BUTTON, named("Edit Systemic Racism in Organisational Structures")).click();
      page.waitForURL(world.server.url("/author/modules/systemic-racism-in-organisations/edit"));
      String first = page.locator("#f-activities-0 .activity-heading").textContent().replace("Activity 1: ", "");

      page.getByRole(AriaRole.BUTTON, named("Move down activity 1")).click();
      assertThat(page).hasURL(Pattern.compile("/edit#f-activities-1$"));
      assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Activity 1 moved down. Nothing is saved until you press “Save draft”.");
      assertThat(page.locator("#f-activities-1 .activity-heading")).hasText("Activity 2: " + first);

      Locator type = page.locator("#f-activities-1-type");
      type.selectOption("poll");
      assertThat(page.locator("[data-settings-for=poll]").first()).isHidden();
      page.getByRole(AriaRole.BUTTON, named("Save draft")).first().click();
      Locator summary = page.getByRole(AriaRole.ALERT);
      assertThat(summary).containsText("Activity 2: Kind of poll: The required field \"kind\" is missing");
      assertThat(page.locator("#f-activities-1-settings-poll")).isVisible();
      summary.getByRole(AriaRole.LINK).first().click();
      assertThat(page.locator("#f-activities-1-settings-poll-kind")).isFocused();
      Browser.axe(page);
    }
  }

  @Test
  @DisplayName("Choosing another activity type shows that type's settings at once, and the minutes total follows the minutes")
  void typeSettingsAndTotal() {
    try (BrowserContext context = browser.newContext()) {
      Page page = signIn(context);
      page.getByRole(AriaRole.BUTTON, named("Edit Allyship in Action")).click();
      page.waitForURL(world.server.url("/author/modules/allyship-in-action/edit"));
      Locator first = page.locator("#f-activities-0");
      assertThat(first.locator("[data-settings-for=poll]")).isHidden();
      first.getByLabel("Type", new Locator.GetByLabelOptions().setExact(true)).selectOption("poll");
      assertThat(first.locator("[data-settings-for=poll]")).isVisible();
      assertThat(first.getByLabel("Kind of poll")).isVisible();
      assertThat(page.locator("#f-activities-0-settings-poll-kind-error")).containsText("The required field \"kind\" is missing");

      String total = page.locator("[data-total]").textContent();
      Locator minutes = first.getByLabel("Minutes", new Locator.GetByLabelOptions().setExact(true));
      int before = Integer.parseInt(minutes.inputValue());
      minutes.fill(String.valueOf(before + 5));
      assertThat(page.locator("[data-total]")).hasText(String.valueOf(Integer.parseInt(total) + 5));
      assertThat(page.locator("#f-durationMinutes-error")).containsText("the activities add up to");
    }
  }
}
