package org.talkingpiece.report.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.Browser;
import org.talkingpiece.support.TestServer;

class ReportBrowserTest {
  static TestServer server;
  static Browser browser;
  static Vertx vertx;
  static Api api;
  static String fran;

  @BeforeAll
  static void start() {
    browser = Browser.launch();
    server = TestServer.start();
    vertx = Vertx.vertx();
    api = new Api(vertx, server);
    fran = api.account("fran", "facilitator");
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** An ended session in which Ana and Ben spoke, Chen did not, and three of four said they were staff. */
  static String endedSession() throws Exception {
    JsonObject settings = new JsonObject().put("anonymityThreshold", 3)
        .put("selfIdCategories", new JsonObject().put("Role", new JsonArray().add("Staff").add("Guest")));
    try (LiveSession s = LiveSession.create(vertx, server, api, fran, "understanding-privilege", settings)) {
      for (String name : List.of("Ana", "Ben", "Chen", "Dee")) {
        s.join(name);
        s.participant(name, "self-identify", new JsonObject().put("category", "Role")
            .put("value", "Dee".equals(name) ? "Guest" : "Staff"));
      }
      s.facilitator("start");
      s.give("Ana");
      Thread.sleep(300);
      s.give("Ben");
      Thread.sleep(150);
      s.facilitator("floor.end-turn");
      s.facilitator("end");
      return s.id;
    }
  }

  /** Opens the report, signing in on the way as its facilitator. */
  static Page openReport(BrowserContext context, String sessionId) {
    Page page = context.newPage();
    page.navigate(server.url("/console/sessions/" + sessionId + "/report"));
    page.getByLabel("Username").fill("fran");
    page.getByLabel("Password").fill("password-of-fran");
    page.getByLabel("Password").press("Enter");
    page.waitForURL(server.url("/console/sessions/" + sessionId + "/report"));
    return page;
  }

  @Test
  @DisplayName("The facilitator opens the report: charts with their tables, activities, groups of at least k, and no accessibility violations")
  void reportPage() throws Exception {
    String id = endedSession();
    try (BrowserContext context = browser.newContext()) {
      Page page = openReport(context, id);
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
          .setName("Report: Understanding Privilege").setLevel(1))).isVisible();
      for (String chart : List.of("Airtime by participant", "Who spoke when", "Balance over time")) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(chart).setLevel(2))).isVisible();
        Locator image = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(chart).setExact(true));
        assertThat(image).isVisible();
        Assertions.assertThat(image.boundingBox().width).as(chart + " is drawn").isGreaterThan(300);
      }
      Locator airtime = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
          .setName(Pattern.compile("^Airtime by participant, most first")));
      assertThat(airtime.getByRole(AriaRole.ROW)).hasCount(5); // header + four people
      assertThat(airtime.getByRole(AriaRole.ROW).nth(1)).containsText("Ana");
      assertThat(airtime.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Chen")))
          .containsText("not yet");
      assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
          .setName(Pattern.compile("^Who spoke when")))).containsText("Ben");
      assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
          .setName(Pattern.compile("^Each activity of the agenda")))).containsText("Welcome and agreements");
      Locator role = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Role"));
      assertThat(role).containsText("Staff");
      assertThat(page.locator("main")).not().containsText("Guest");
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Download the CSV"))))
          .hasAttribute("href", "/api/sessions/" + id + "/report.csv");
      Browser.axe(page);

      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
          .setName("Delete this session and everything in it"))).isHidden();
      assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Airtime by participant")))
          .isVisible();
    }
  }

  @Test
  @DisplayName("Deleting from the report asks on an accessible page first, then removes the session and returns to the list")
  void deleteJourney() throws Exception {
    String id = endedSession();
    try (BrowserContext context = browser.newContext()) {
      Page page = openReport(context, id);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete this session and everything in it"))
          .click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Delete “Understanding Privilege” for good?");
      assertThat(page.getByText("This cannot be undone.")).isVisible();
      Browser.axe(page);

      Response deleted = page.waitForResponse(r -> r.url().endsWith("/console/sessions/" + id + "/delete"),
          () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
              .setName("Yes, delete the session and everything in it")).click());
      Assertions.assertThat(deleted.status()).isEqualTo(303);
      page.waitForURL(server.url("/console"));
      Assertions.assertThat(api.call(HttpMethod.GET, "/api/sessions/" + id + "/report", fran, null).statusCode()).isEqualTo(404);
    }
  }
}
