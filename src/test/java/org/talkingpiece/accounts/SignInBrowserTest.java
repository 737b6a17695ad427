package org.talkingpiece.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.junit5.VertxExtension;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.support.Browser;
import org.talkingpiece.support.TestServer;

@ExtendWith(VertxExtension.class)
class SignInBrowserTest {
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.launch();
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("The landing page and the sign-in page render and pass axe-core's WCAG 2.2 AA checks")
  void pagesRender() {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(server.url("/"));
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Talking Piece").setLevel(1)))
          .isVisible();
      Browser.axe(page);

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
      assertThat(page).hasURL(server.url("/signin"));
      assertThat(page.getByLabel("Username")).isVisible();
      assertThat(page.getByLabel("Password")).isVisible();
      Browser.axe(page);
    }
  }

  @Test
  @DisplayName("On a phone, a wrong password shows an accessible error summary that leads to the field")
  void wrongPasswordOnPhone() {
    try (BrowserContext context = browser.newPhoneContext()) {
      Page page = context.newPage();
      page.navigate(server.url("/signin"));
      page.getByLabel("Username").fill("admin");
      page.getByLabel("Password").fill("not-the-password");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      Locator summary = page.getByRole(AriaRole.ALERT);
      assertThat(summary).containsText("There is a problem");
      assertThat(page.getByLabel("Password")).hasAttribute("aria-invalid", "true");
      Browser.axe(page);
      summary.getByRole(AriaRole.LINK).click();
      assertThat(page.getByLabel("Password")).isFocused();
    }
  }

  @Test
  @DisplayName("An admin signs in by keyboard, creates a facilitator in the accounts form and signs out")
  void adminJourney() {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(server.url("/signin"));
      page.getByLabel("Username").focus();
      page.keyboard().type("admin");
      page.keyboard().press("Tab");
      page.keyboard().type(TestServer.ADMIN_PASSWORD);
      page.keyboard().press("Enter");

      page.waitForURL(server.url("/admin/users"));
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Accounts").setLevel(1)))
          .isVisible();
      Browser.axe(page);

      page.getByLabel("Username").fill("fiona");
      assertThat(page.getByLabel("Facilitator")).isChecked();
      page.getByLabel("Initial password (optional)").fill("fiona-facilitates");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

      assertThat(page.getByRole(AriaRole.STATUS)).containsText("Account fiona created.");
      Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("fiona"));
      assertThat(row).containsText("Facilitator");
      assertThat(row).containsText("Active");
      Browser.axe(page);

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Sign out"))).click();
      assertThat(page).hasURL(Pattern.compile("/signin\\?signedout=1$"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("You have signed out.");
      page.navigate(server.url("/admin/users"));
      assertThat(page).hasURL(Pattern.compile("/signin\\?next=%2Fadmin%2Fusers$"));

      page.getByLabel("Username").fill("fiona");
      page.getByLabel("Password").fill("fiona-facilitates");
      page.getByLabel("Password").press("Enter");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed"))).isVisible();
    }
  }
}
