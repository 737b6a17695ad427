package org.talkingpiece.session;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.Browser;
import org.talkingpiece.support.CuttableProxy;
import org.talkingpiece.support.TestServer;

/**
 * A live session in real Chromium: a facilitator signs in and starts "Understanding Privilege",
 * people join from phones by the link, and every screen (console, participants, projector) follows.
 * Every page is checked with axe-core for WCAG 2.2 AA, and any script error or CSP refusal in any
 * page fails the test.
 */
@DisplayName("A live session in the browser")
class LiveSessionBrowserTest {
  private static final String FACILITATOR = "fiona";
  /** The password {@link Api#account} gives a new account. */
  private static final String FACILITATOR_PASSWORD = "password-of-" + FACILITATOR;
  private static final List<String> FIRST_ACTIVITIES = List.of(
      "Welcome and agreements", "Check-in", "What privilege is, and what it is not");

  private static TestServer server;
  private static Browser browser;

  private final List<BrowserContext> contexts = new ArrayList<>();
  private final List<String> pageErrors = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.launch();
    PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    new Api(server.vertx(), server).account(FACILITATOR, "facilitator");
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

  @BeforeEach
  void clearErrors() {
    pageErrors.clear();
  }

  @AfterEach
  void closeContexts() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }

  @Test
  @DisplayName("Three people join by the link and appear on the console within a second; every screen follows"
      + " the agenda; a reload brings a participant back under the same name; every page passes axe-core")
  void joinAndFollowTheAgenda() {
    Page console = startSession();
    String joinPath = URI.create(console.locator(".invite a[href*='/j/']").getAttribute("href")).getPath();
    String code = console.locator(".join-code").textContent().trim();

    Page amara = newPage(phone());
    amara.navigate(server.url(joinPath));
    axe(amara);
    joinAs(amara, "Amara");
    assertArrivesWithinASecond(console, 1);
    assertThat(amara.locator("[data-ref=name]")).hasText("Amara");

    Page pseudonymous = newPage(phone());
    pseudonymous.navigate(server.url(joinPath));
    pseudonymous.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give me a pseudonym")).click();
    pseudonymous.waitForURL("**/s/**");
    assertArrivesWithinASecond(console, 2);
    assertThat(pseudonymous.locator("[data-ref=name]")).not().isEmpty();
    String pseudonym = pseudonymous.locator("[data-ref=name]").textContent();
    assertTrue(pseudonym.matches("[A-Z][a-z]+ [A-Z][a-z]+( \\d+)?"), "a friendly made-up name: " + pseudonym);
    assertThat(console.locator(".people")).containsText(pseudonym);

    Page chidi = newPage(laptop());
    chidi.navigate(server.url("/join"));
    axe(chidi);
    chidi.getByLabel("Join code").fill(code.toLowerCase());
    chidi.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
    chidi.waitForURL("**/j/**");
    joinAs(chidi, "Chidi");
    assertArrivesWithinASecond(console, 3);

    for (Page p : List.of(amara, pseudonymous, chidi)) {
      assertThat(p.locator("[data-ref=connection]")).hasText("Connected");
      assertThat(p.locator("[data-ref=status]")).containsText("lobby");
    }
    assertThat(console.locator(".person.is-away")).hasCount(0);
    axe(amara);

    Page display = newPage(console.context());
    display.navigate(server.url(console.locator("a[target=_blank]").getAttribute("href")));
    assertThat(display.locator("[data-ref=connection]")).hasText("Connected");
    assertThat(display.locator("[data-ref=count]")).hasText("3 people have joined.");
    axe(display);

    List<Page> everyone = List.of(amara, pseudonymous, chidi);
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    assertAllFollow(console, display, everyone, 0);
    axe(console);
    axe(amara);
    axe(display);

    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next activity")).click();
    assertAllFollow(console, display, everyone, 1);

    amara.reload();
    assertThat(amara.locator("[data-ref=name]")).hasText("Amara");
    assertThat(amara.locator("#activity-title")).hasText(FIRST_ACTIVITIES.get(1));
    assertThat(console.locator(".people > li")).hasCount(3);
    assertThat(console.locator(".person.is-away")).hasCount(0);

    console.locator("body").press("ArrowRight");
    assertAllFollow(console, display, everyone, 2);
    axe(amara);
    axe(console);

    console.navigate(server.url("/console"));
    Locator row = console.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(code));
    assertThat(row).containsText("Understanding Privilege");
    assertThat(row.locator(".status-live")).hasText("Live");
    axe(console);
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  @Test
  @DisplayName("In a go-around the first person sees and hears \"You have the floor\", passes, and the floor"
      + " moves on; the console shows the pass")
  void goAroundWithAPass() {
    Page console = startSession();
    String joinPath = URI.create(console.locator(".invite a[href*='/j/']").getAttribute("href")).getPath();
    Page first = newPage(phone());
    first.navigate(server.url(joinPath));
    joinAs(first, "Bea");
    Page second = newPage(phone());
    second.navigate(server.url(joinPath));
    joinAs(second, "Dev");
    assertArrivesWithinASecond(console, 2);
    assertThat(console.locator(".person.is-away")).hasCount(0);

    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    assertThat(first.locator("#activity-title")).hasText(FIRST_ACTIVITIES.get(0));
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next activity")).click();
    assertThat(first.locator("#activity-title")).hasText(FIRST_ACTIVITIES.get(1));
    assertThat(first.locator("[data-ref=turn-banner]")).isHidden();

    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a go-around")).click();
    Locator banner = first.locator("[data-ref=turn-banner]");
    assertThat(banner).isVisible();
    assertThat(banner).containsText("You have the floor");
    assertThat(first.locator("[aria-live=assertive]")).containsText("You have the floor");
    assertThat(first.locator("[data-ref=my-timer]")).containsText("left");
    assertThat(second.locator("[data-ref=speaker]")).hasText("Bea has the floor.");
    assertThat(second.locator("[data-ref=my-place]")).containsText("You are next in the go-around");
    assertThat(console.locator("[data-ref=speaker]")).containsText("Bea has the floor");
    assertThat(banner).containsText("Passing is always fine");
    axe(first);

    banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pass")).click();
    assertThat(banner).isHidden();
    assertThat(first.locator("[data-ref=my-place]")).containsText("You passed this time");
    assertThat(second.locator("[data-ref=turn-banner]")).isVisible();
    assertThat(second.locator("[aria-live=assertive]")).containsText("You have the floor");
    assertThat(console.locator("[data-ref=round-order]")).containsText("Bea: passed");
    assertThat(console.locator("[data-ref=round-order]")).containsText("Dev: speaking now");

    console.locator("body").press("e");
    assertThat(second.locator("[data-ref=turn-banner]")).isHidden();
    assertThat(console.locator("[data-ref=round-order]")).containsText("Dev: spoke");
    assertFalse(console.locator("[data-ref=error]").isVisible(), "no error on the console");
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  @Test
  @DisplayName("A participant renames themselves and steps out privately; the facilitator removes someone after"
      + " confirming, and that person is told plainly they are no longer in the session")
  void renameStepOutAndRemove() {
    Page console = startSession();
    String joinPath = URI.create(console.locator(".invite a[href*='/j/']").getAttribute("href")).getPath();
    Page ana = newPage(phone());
    ana.navigate(server.url(joinPath));
    joinAs(ana, "Ana");
    Page sam = newPage(phone());
    sam.navigate(server.url(joinPath));
    joinAs(sam, "Sam");
    assertArrivesWithinASecond(console, 2);

    ana.getByText("Change your name").click();
    ana.getByLabel("New name").fill("Ana P");
    ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my name")).click();
    assertThat(ana.locator("[data-ref=name]")).hasText("Ana P");
    assertThat(console.locator(".people")).containsText("Ana P");

    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    Locator stepOut = ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Step out for a moment"));
    stepOut.click();
    assertThat(ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Step back in"))).isVisible();
    assertThat(ana.locator("[data-ref=step-out-text]")).containsText("nobody has been told");
    assertThat(console.locator(".people")).not().containsText("stepped");
    ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Step back in")).click();
    assertThat(stepOut).isVisible();

    Locator samRow = console.locator(".person").filter(new Locator.FilterOptions().setHasText("Sam"));
    samRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove Sam")).click();
    assertThat(samRow.locator(".confirm")).isVisible();
    axe(console);
    samRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep Sam")).click();
    assertThat(samRow.locator(".confirm")).isHidden();
    assertThat(console.locator(".people > li")).hasCount(2);
    samRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove Sam")).click();
    samRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, remove Sam")).click();
    assertThat(console.locator(".people > li")).hasCount(1);
    assertThat(sam.locator("[data-ref=error]")).containsText("You are no longer in this session");
    assertThat(sam.locator("[data-ref=error] a[href='/join']")).isVisible();
    assertThat(ana.locator("#activity-title")).hasText(FIRST_ACTIVITIES.get(0));

    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End the session")).click();
    assertThat(console.locator("[data-ref=status]")).hasText("Live");
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, end the session")).click();
    assertThat(console.locator("[data-ref=status]")).hasText("Ended");
    assertThat(ana.locator("[data-ref=status]")).hasText("This session has ended. Thank you for taking part.");
    assertThat(ana.locator("[data-ref=activity]")).isHidden();
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  @Test
  @DisplayName("A participant whose connection drops sees \"Reconnecting…\", and on return catches up with the"
      + " activity the facilitator moved to meanwhile, still as themselves")
  void reconnectAndCatchUp() throws Exception {
    Page console = startSession();
    String joinPath = URI.create(console.locator(".invite a[href*='/j/']").getAttribute("href")).getPath();
    try (CuttableProxy network = CuttableProxy.to(server.vertx(), server.port())) {
      Page kai = newPage(phone());
      kai.navigate("http://127.0.0.1:" + network.port() + joinPath);
      joinAs(kai, "Kai");
      assertArrivesWithinASecond(console, 1);
      assertThat(kai.locator("[data-ref=connection]")).hasText("Connected");
      console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
      assertThat(kai.locator("#activity-title")).hasText(FIRST_ACTIVITIES.get(0));

      network.cut();
      assertThat(kai.locator("[data-ref=connection]")).hasText("Reconnecting…");
      assertThat(console.locator(".person.is-away")).hasCount(1);
      console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next activity")).click();
      assertThat(console.locator("[data-ref=current-title]")).hasText("2. " + FIRST_ACTIVITIES.get(1));
      assertThat(kai.locator("#activity-title")).hasText(FIRST_ACTIVITIES.get(0));

      network.restore();
      LocatorAssertions.HasTextOptions backoff = new LocatorAssertions.HasTextOptions().setTimeout(20_000);
      assertThat(kai.locator("[data-ref=connection]")).hasText("Connected", backoff);
      assertThat(kai.locator("#activity-title")).hasText(FIRST_ACTIVITIES.get(1));
      assertThat(kai.locator("[data-ref=name]")).hasText("Kai");
      assertThat(console.locator(".person.is-away")).hasCount(0);
      assertThat(console.locator(".people > li")).hasCount(1);
    }
    // While the network is cut the browser logs each failed attempt to reach /eventbus: expected.
    pageErrors.removeIf(error -> error.contains("/eventbus/"));
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  @Test
  @DisplayName("In a progressive discussion people raise hands and see their place; the content note shows"
      + " before the prompt; the facilitator gives the floor to the next speaker with N")
  void progressiveDiscussion() {
    Page console = startSession();
    String joinPath = URI.create(console.locator(".invite a[href*='/j/']").getAttribute("href")).getPath();
    Page mo = newPage(phone());
    mo.navigate(server.url(joinPath));
    joinAs(mo, "Mo");
    Page lee = newPage(phone());
    lee.navigate(server.url(joinPath));
    joinAs(lee, "Lee");
    assertArrivesWithinASecond(console, 2);

    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    assertThat(mo.locator("#activity-title")).hasText(FIRST_ACTIVITIES.get(0));
    console.getByLabel("Jump to an activity").selectOption(new SelectOption().setLabel("9. Privilege where we work"));
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go").setExact(true)).click();
    assertThat(mo.locator("#activity-title")).hasText("Privilege where we work");
    assertThat(mo.locator("[data-ref=content-note]")).isVisible();
    assertThat(mo.locator("[data-ref=content-note]")).containsText("Content note");
    assertThat(mo.locator("[data-ref=floor-mode]")).containsText("spoken least");

    mo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise my hand")).click();
    assertThat(mo.locator("[data-ref=my-place]")).hasText("Your hand is up. You are next.");
    lee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise my hand")).click();
    assertThat(lee.locator("[data-ref=my-place]")).hasText("Your hand is up. You are 2nd in the queue.");
    assertThat(console.locator("[data-ref=queue] > li")).hasCount(2);
    assertThat(console.locator("[data-ref=queue] > li").first()).containsText("Mo");
    assertThat(console.locator("[data-ref=queue]")).containsText("first time speaking");
    axe(lee);
    axe(console);

    lee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lower my hand")).click();
    assertThat(lee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise my hand"))).isVisible();
    assertThat(console.locator("[data-ref=queue] > li")).hasCount(1);

    console.locator("body").press("n");
    assertThat(mo.locator("[data-ref=turn-banner]")).isVisible();
    assertThat(lee.locator("[data-ref=speaker]")).hasText("Mo has the floor.");
    assertThat(console.locator("[data-ref=speaker]")).containsText("Mo has the floor (from the queue)");
    assertThat(console.locator("[data-ref=queue-empty]")).isVisible();
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  // Steps.

  /** Signs the facilitator in, starts a session from /console, and waits until the console is live. */
  private Page startSession() {
    Page console = newPage(laptop());
    console.navigate(server.url("/signin"));
    console.getByLabel("Username").fill(FACILITATOR);
    console.getByLabel("Password").fill(FACILITATOR_PASSWORD);
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    console.waitForURL(url -> !url.contains("/signin"));
    console.navigate(server.url("/console"));
    axe(console);
    console.getByLabel("Module").selectOption("understanding-privilege");
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    console.waitForURL("**/console/sessions/**");
    assertThat(console.locator("[data-ref=connection]")).hasText("Connected");
    assertThat(console.locator("[data-ref=status]")).hasText("In the lobby");
    axe(console);
    return console;
  }

  private static void joinAs(Page page, String name) {
    page.getByLabel("What should we call you? (optional)").fill(name);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the session")).click();
    page.waitForURL("**/s/**");
  }

  /** The console lists the n-th person within a second of their join page landing on /s/ID. */
  private static void assertArrivesWithinASecond(Page console, int count) {
    assertThat(console.locator(".people > li")).hasCount(count, new LocatorAssertions.HasCountOptions().setTimeout(1_000));
  }

  private static void assertAllFollow(Page console, Page display, List<Page> participants, int index) {
    String title = FIRST_ACTIVITIES.get(index);
    assertThat(console.locator("[data-ref=current-title]")).hasText((index + 1) + ". " + title);
    assertThat(display.locator("#display-activity")).hasText(title);
    for (Page p : participants) {
      assertThat(p.locator("#activity-title")).hasText(title);
      assertThat(p.locator("[data-ref=activity-position]")).containsText("Activity " + (index + 1) + " of ");
      assertThat(p.locator(".agenda [aria-current=step]")).containsText(title);
    }
  }

  // Browser plumbing.

  private BrowserContext laptop() {
    return track(browser.newContext());
  }

  private BrowserContext phone() {
    return track(browser.newPhoneContext());
  }

  private BrowserContext track(BrowserContext context) {
    contexts.add(context);
    return context;
  }

  private Page newPage(BrowserContext context) {
    Page page = context.newPage();
    page.onPageError(error -> pageErrors.add(page.url() + ": " + error));
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type())) {
        pageErrors.add(page.url() + ": " + message.text());
      }
    });
    return page;
  }

  private static void axe(Page page) {
    Browser.axe(page);
  }
}
