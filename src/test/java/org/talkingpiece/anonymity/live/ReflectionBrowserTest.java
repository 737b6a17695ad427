package org.talkingpiece.anonymity.live;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.Browser;
import org.talkingpiece.support.TestServer;

/**
 * Journeys 7 to 9 in real Chromium: five people answer a reflection on their phones; the facilitator
 * sees nothing until the fifth answer, then all five in a random order, and puts one on the projector.
 * Then a poll, a question board and an "ouch" with a threshold of three.
 * Every page is checked with axe-core, and any script error or CSP refusal fails the test.
 */
@DisplayName("Anonymous input in the browser")
class ReflectionBrowserTest {
  private static final String FACILITATOR = "rafa";
  private static final String PASSWORD = "password-of-" + FACILITATOR;
  private static final String REFLECTION = "What I noticed";
  private static final List<String> NAMES = List.of("Amara", "Ben", "Carmen", "Dev", "Eitan");

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

  @AfterEach
  void closeContexts() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }

  @Test
  @DisplayName("Five people write; the facilitator sees nothing until the fifth, then all five shuffled, and puts one on the projector")
  void reflection() {
    Page console = startSession();
    String joinPath = URI.create(console.locator(".invite a[href*='/j/']").getAttribute("href")).getPath();
    List<Page> people = new ArrayList<>();
    for (String name : NAMES) {
      Page phone = newPage(track(browser.newPhoneContext()));
      phone.navigate(server.url(joinPath));
      phone.getByLabel("What should we call you? (optional)").fill(name);
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the session")).click();
      phone.waitForURL("**/s/**");
      people.add(phone);
    }
    assertThat(console.locator(".people > li")).hasCount(NAMES.size());
    Page display = newPage(console.context());
    display.navigate(server.url(console.locator("a[target=_blank]").getAttribute("href")));
    assertThat(display.locator("[data-ref=connection]")).hasText("Connected");

    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    assertThat(console.locator("[data-ref=current-title]")).hasText("1. Welcome and agreements");
    for (Page p : people) {
      assertThat(p.locator("#activity-title")).hasText("Welcome and agreements");
    }
    Locator jump = console.getByLabel("Jump to an activity");
    jump.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("5. " + REFLECTION));
    console.locator("[data-ref=goto-form] button[type=submit]").click();
    for (Page p : people) {
      assertThat(p.locator("#activity-title")).hasText(REFLECTION);
      assertThat(p.locator("#anon-title")).hasText("Write anonymously");
      assertThat(p.locator(".anon-guarantee")).containsText("Nobody, including the facilitator, will see any answer until at least 5 people");
    }
    Locator anonPanel = console.locator("[data-anon=console]");
    assertThat(anonPanel).containsText("Nothing is shown until 5 people have answered");
    axe(people.get(0));
    axe(console);

    List<String> written = writeAll(people, anonPanel);
    List<String> seen = itemsOn(console);
    if (seen.equals(written)) {
      // A fair shuffle gives back the writing order once in 120 times. Ask again to show it is a shuffle,
      // not an accident: the chance of that happening twice is one in 14,400.
      console.getByText("Ask something now").click();
      console.getByLabel("What you are asking").fill("One more thing you noticed?");
      console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask everyone")).click();
      for (Page p : people) {
        assertThat(p.locator(".anon-ask")).hasText("One more thing you noticed?");
      }
      written = writeAll(people, anonPanel);
      seen = itemsOn(console);
    }
    assertNotEquals(written, seen, "the facilitator sees the answers in a shuffled order");
    assertEquals(written.stream().sorted().toList(), seen.stream().sorted().toList(), "all five, nothing else");
    for (Page p : people) {
      for (String text : written) {
        assertThat(p.locator("main")).not().containsText(text);
      }
    }
    axe(console);

    String chosen = seen.get(2);
    Locator item = console.locator(".anon-items li").filter(new Locator.FilterOptions().setHasText(chosen));
    item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put on the projector")).click();
    assertThat(item).containsText("On the projector");
    assertThat(display.locator(".display-anon-projected")).hasText(chosen);
    for (String other : written) {
      if (!other.equals(chosen)) {
        assertThat(display.locator("main")).not().containsText(other);
      }
    }
    axe(display);
    axe(people.get(4));
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  @Test
  @DisplayName("With k = 3: an \"ouch\" reaches the console at once with no name; a poll and a question board show"
      + " results only once three people have taken part; \"prefer not to say\" is always there")
  void pollQuestionsAndOuch() {
    Page console = startSession("systemic-racism-in-organisations", 3);
    String joinPath = URI.create(console.locator(".invite a[href*='/j/']").getAttribute("href")).getPath();
    List<Page> people = new ArrayList<>();
    for (String name : NAMES.subList(0, 3)) {
      Page phone = newPage(track(browser.newPhoneContext()));
      phone.navigate(server.url(joinPath));
      phone.getByLabel("What should we call you? (optional)").fill(name);
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the session")).click();
      phone.waitForURL("**/s/**");
      people.add(phone);
    }
    assertThat(console.locator(".people > li")).hasCount(3);

    people.get(1).getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouch: that hurt")).click();
    assertThat(people.get(1).locator(".anon-signal-state")).containsText("never with your name");
    Locator ouch = console.locator("[data-anon-ref=ouch-row]");
    assertThat(ouch).containsText("1 person new");
    assertThat(ouch).not().containsText(NAMES.get(1));
    axe(console);
    ouch.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark \"ouch\" as seen")).click();
    assertThat(ouch).containsText("none new · 1 in this session");

    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    assertThat(console.locator("[data-ref=current-title]")).hasText("1. Welcome and agreements");
    goTo(console, "4. Which level is it?");
    for (int i = 0; i < 3; i++) {
      Page p = people.get(i);
      assertThat(p.locator("#anon-title")).hasText("Answer anonymously");
      assertThat(p.getByLabel("Prefer not to say")).isVisible();
      p.getByLabel(i == 2 ? "Prefer not to say" : "Institutional").check();
      if (i == 0) {
        axe(p);
      }
      p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answer")).click();
      assertThat(p.locator(".anon-done")).containsText("cannot be changed");
      if (i < 2) {
        assertThat(console.locator("[data-anon=console] [data-anon-ref=results] li")).hasCount(0);
      }
    }
    Locator results = console.locator("[data-anon=console] [data-anon-ref=results]");
    assertThat(results).containsText("Institutional");
    // Two of three chose Institutional: under k = 3, so the count is hidden and the reason is said.
    assertThat(results).not().containsText("67%");
    assertThat(results.locator("li").filter(new Locator.FilterOptions().setHasText("Institutional")))
        .containsText("fewer than 3");
    assertThat(console.locator("[data-anon=console] [data-anon-ref=hidden-note]"))
        .containsText("A count is shown only when at least 3 people chose the answer and at least 3 did not");
    assertThat(people.get(0).locator("[data-anon-ref=results]")).containsText("Prefer not to say");
    assertThat(people.get(0).locator("[data-anon-ref=results]")).not().containsText("67%");

    goTo(console, "6. Findings board");
    for (int i = 0; i < 3; i++) {
      Page p = people.get(i);
      p.getByLabel("Your question").fill("Finding number " + (i + 1) + "?");
      p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send anonymously")).click();
      assertThat(p.locator(".anon-mine li")).hasCount(1);
    }
    Locator pending = console.locator("[data-anon-ref=pending] li");
    assertThat(pending).hasCount(3);
    pending.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
    assertThat(console.locator("[data-anon-ref=board] li")).hasCount(1);
    Locator question = people.get(0).locator(".anon-questions li");
    assertThat(question).hasCount(1);
    question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vote for this")).click();
    assertThat(question.getByRole(AriaRole.BUTTON)).hasAttribute("aria-pressed", "true");
    assertThat(people.get(1).locator(".anon-questions li button")).hasAttribute("aria-pressed", "false");
    axe(people.get(0));
    axe(console);
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  private static void goTo(Page console, String option) {
    console.getByLabel("Jump to an activity").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(option));
    console.locator("[data-ref=goto-form] button[type=submit]").click();
    assertThat(console.locator("[data-ref=current-title]")).hasText(option);
  }

  /**
   * Everyone writes, one after another. Until the fifth answer the console holds none of them; the
   * participant screens never do. Returns the answers in the order they were written.
   */
  private List<String> writeAll(List<Page> people, Locator anonPanel) {
    List<String> written = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Page p = people.get(i);
      String text = "Noticed " + (i + 1) + ": " + Ids.random();
      p.getByLabel("Your answer").fill(text);
      p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send anonymously")).click();
      assertThat(p.locator(".anon-done")).containsText("Your answer is in");
      assertThat(p.locator(".anon-mine li")).hasCount(1);
      written.add(text);
      if (i < people.size() - 1) {
        assertThat(anonPanel.locator(".anon-progress")).containsText((i + 1) + (i == 0 ? " answer so far" : " answers so far"));
        for (String t : written) {
          assertThat(anonPanel).not().containsText(t);
        }
      }
    }
    assertThat(anonPanel.locator("[data-anon-ref=items] li")).hasCount(people.size());
    return written;
  }

  private static List<String> itemsOn(Page console) {
    return console.locator("[data-anon-ref=items] li .anon-item-text").allTextContents();
  }

  private Page startSession() {
    return startSession("understanding-privilege", 5);
  }

  private Page startSession(String module, int k) {
    Page console = newPage(track(browser.newContext()));
    console.navigate(server.url("/signin"));
    console.getByLabel("Username").fill(FACILITATOR);
    console.getByLabel("Password").fill(PASSWORD);
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    console.waitForURL(url -> !url.contains("/signin"));
    console.navigate(server.url("/console"));
    console.getByLabel("Module").selectOption(module);
    console.getByLabel("Anonymity threshold").fill(String.valueOf(k));
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    console.waitForURL("**/console/sessions/**");
    assertThat(console.locator("[data-ref=connection]")).hasText("Connected");
    return console;
  }

  private BrowserContext track(BrowserContext context) {
    contexts.add(context);
    return context;
  }

  private Page newPage(BrowserContext context) {
    Page page = context.newPage();
    page.onPageError(error -> pageErrors.add(page.url() + ": " + error));
    page.onConsoleMessage(message -> {
      // Signed-in pages fall back from WebSocket to streaming on /eventbus (see LiveSessionBrowserTest).
      boolean knownFallback = message.text().contains("/eventbus/") && message.text().contains("WebSocket handshake");
      if ("error".equals(message.type()) && !knownFallback) {
        pageErrors.add(page.url() + ": " + message.text());
      }
    });
    return page;
  }

  private static void axe(Page page) {
    Browser.axe(page);
  }
}
