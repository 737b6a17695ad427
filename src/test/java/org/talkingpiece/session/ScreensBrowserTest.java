package org.talkingpiece.session;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
 * Each screen at the size of the device it is used on (console 1366×768, projector 1920×1080 and
 * 1280×720, phone 390×844), checked the way a person in the room would: what is in the first screen
 * without scrolling, where focus lands after each action, what a screen reader is told, what the
 * connection badge says while offline, and what works without JavaScript. Screenshots of each screen
 * go to target/screenshots/ for a reviewer.
 */
@DisplayName("Screens that work in the room")
class ScreensBrowserTest {
  private static final String FACILITATOR = "fatima";
  private static final String FACILITATOR_PASSWORD = "password-of-" + FACILITATOR;
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final String LONG_NAME = "Maximiliana Wolkenstein-Oberhauser Smith";

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
  @DisplayName("Focus never falls to <body> after Start, a go-around, pass, finishing, raising and lowering a hand"
      + " or sending; phones hear the activity change and no stale \"You have the floor\"; buttons have distinct names")
  void focusAndAnnouncements() {
    Page console = startSession();
    String joinPath = joinPath(console);
    Page bea = join(joinPath, "Bea");
    Page dev = join(joinPath, "Dev");
    Page eli = join(joinPath, "Eli");
    assertThat(console.locator(".people > li")).hasCount(3);

    button(console, "Start the session").click();
    assertThat(console.locator("[data-ref=current-title]")).hasText("1. Welcome and agreements");
    assertThat(button(console, "Next activity")).isFocused();
    assertThat(bea.locator("[data-ref=polite]")).hasText(Pattern.compile("^New activity: Welcome and agreements\\. Activity 1 of \\d+\\.$"));

    button(console, "Next activity").click();
    assertThat(bea.locator("[data-ref=polite]")).hasText(Pattern.compile("^New activity: Check-in\\. Activity 2 of \\d+\\.$"));
    assertThat(button(console, "Next activity")).isFocused();
    assertThat(console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName("Go to this activity: Welcome and agreements").setExact(true))).isVisible();

    button(console, "Start a go-around").click();
    assertThat(console.locator("[data-ref=round-summary]")).containsText("Go-around in progress");
    assertThat(console.locator("[data-ref=round-summary]")).isFocused();
    assertThat(bea.locator("[aria-live=assertive]")).containsText("You have the floor");
    button(bea, "Pass").click();
    assertThat(bea.locator("[data-ref=my-place]")).containsText("You passed this time");
    assertThat(bea.locator("[data-ref=my-place]")).isFocused();
    assertThat(bea.locator("[aria-live=assertive]")).hasText("");
    assertThat(dev.locator("[aria-live=assertive]")).containsText("You have the floor");
    button(dev, "I have finished").click();
    assertThat(dev.locator("[data-ref=my-place]")).containsText("You have had your turn");
    assertThat(dev.locator("[data-ref=my-place]")).isFocused();
    assertThat(dev.locator("[aria-live=assertive]")).hasText("");
    Browser.axe(dev);

    console.getByLabel("How people get the floor").selectOption("queue");
    button(console, "Switch").click();
    button(bea, "Raise my hand").click();
    assertThat(button(bea, "Lower my hand")).isFocused();
    assertThat(bea.locator("[data-ref=polite]")).hasText("Your hand is up.");
    button(bea, "Lower my hand").click();
    assertThat(button(bea, "Raise my hand")).isFocused();
    assertThat(bea.locator("[data-ref=polite]")).hasText("Your hand is down.");

    bea.getByText("Change your name").click();
    assertThat(bea.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Change your name"))).isVisible();
    Browser.axe(bea);

    console.getByText("Ask something now", new Page.GetByTextOptions().setExact(true)).click();
    console.getByLabel("What you are asking").fill("One word for how you feel?");
    console.getByLabel("Show answers as soon as they are sent").check();
    button(console, "Ask everyone").click();
    List<String> answers = List.of("Hopeful about this", "Tired but here", "Curious what comes next");
    List<Page> phones = List.of(bea, dev, eli);
    for (int i = 0; i < phones.size(); i++) {
      Page p = phones.get(i);
      p.getByLabel("Your answer").fill(answers.get(i));
      button(p, "Send anonymously").click();
      // Answers here are shown as soon as they are sent, so the first one also releases the prompt, and
      // that news may replace "Sent" in the same live region.
      assertThat(p.locator("[data-anon-ref=polite]")).containsText(Pattern.compile("Sent|answers are now shown"));
      assertTrue((Boolean) p.evaluate("() => document.activeElement !== document.body"),
          "focus stays in the page after sending");
    }
    Locator projectButtons = console.locator("[data-anon-action=project]");
    assertThat(projectButtons).hasCount(3);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      names.add(projectButtons.nth(i).getAttribute("aria-label"));
    }
    assertEquals(Set.of("Put on the projector: Hopeful about this", "Put on the projector: Tired but here",
        "Put on the projector: Curious what comes next"), names);
    Locator first = console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName("Put on the projector: Tired but here").setExact(true));
    first.click();
    Locator takeOff = console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName("Take off the projector: Tired but here").setExact(true));
    assertThat(takeOff).isFocused();
    Browser.axe(console);

    String title = console.title();
    button(eli, "Ouch: that hurt").click();
    assertThat(console).hasTitle("(Ouch ×1) " + title);
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark \"ouch\" as seen")).click();
    assertThat(console).hasTitle(title);
    assertNoPageErrors();
  }

  @Test
  @DisplayName("At 1366×768 the console shows the current activity, the floor, signals and the anonymous prompt"
      + " without scrolling; once ended it no longer offers the join code or QR code")
  void consoleAtLaptopSize() {
    Page console = startSession();
    Page amal = join(joinPath(console), "Amal");
    button(console, "Start the session").click();
    console.getByLabel("Jump to an activity").selectOption(new SelectOption().setLabel("9. Privilege where we work"));
    button(console, "Go").click();
    assertThat(console.locator("[data-ref=current-title]")).hasText("9. Privilege where we work");
    button(amal, "Raise my hand").click();
    assertThat(console.locator("[data-ref=queue] > li")).hasCount(1);
    console.getByText("Ask something now", new Page.GetByTextOptions().setExact(true)).click();
    console.getByLabel("What you are asking").fill("What would you change first?");
    button(console, "Ask everyone").click();
    assertThat(console.locator("[data-anon-ref=title]")).hasText("What would you change first?");
    console.evaluate("() => window.scrollTo(0, 0)");

    for (String selector : List.of("[data-ref=current-title]", "[data-ref=activity-timer]", "[data-ref=speaker]",
        "[data-action='floor.next']", "[data-ref=queue] > li", "[data-anon-ref=ouch-row]", "[data-anon-ref=pause-row]",
        "[data-anon-ref=title]", "[data-anon-ref=progress]")) {
      assertInFirstScreen(console, selector);
    }
    shot(console, "console-1366x768-live.png");
    Browser.axe(console);

    button(console, "End the session").click();
    button(console, "Yes, end the session").click();
    assertThat(console.locator("[data-ref=status]")).hasText("Ended");
    assertThat(console.locator(".join-code")).isHidden();
    assertThat(console.locator(".qr")).isHidden();
    assertThat(console.locator("[data-ref=invite-ended]")).isVisible();
    assertThat(console.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
        .setName("Report, exports and deleting this session"))).isVisible();
    assertTrue((Boolean) console.evaluate("() => document.activeElement !== document.body"),
        "focus stays in the page after ending");
    shot(console, "console-1366x768-ended.png");
    console.reload();
    assertThat(console.locator(".join-code")).isHidden();
    assertNoPageErrors();
  }

  @Test
  @DisplayName("On a 390×844 phone, \"You are next\" and the raise-hand button are in the first screen, and an"
      + " error appears next to the button that failed; offline and back are said plainly, never \"Connected\" meanwhile")
  void phoneOfflineAndBack() throws Exception {
    Page console = startSession();
    String joinPath = joinPath(console);
    try (CuttableProxy network = CuttableProxy.to(server.vertx(), server.port())) {
      Page kai = newPage(phone());
      kai.navigate("http://127.0.0.1:" + network.port() + joinPath);
      joinAs(kai, "Kai");
      Page lou = join(joinPath, "Lou");
      assertThat(console.locator(".people > li")).hasCount(2);
      button(console, "Start the session").click();
      console.getByLabel("Jump to an activity").selectOption(new SelectOption().setLabel("9. Privilege where we work"));
      button(console, "Go").click();
      assertThat(kai.locator("#activity-title")).hasText("Privilege where we work");

      button(kai, "Raise my hand").click();
      assertThat(kai.locator("[data-ref=my-place]")).hasText("Your hand is up. You are next.");
      kai.evaluate("() => window.scrollTo(0, 0)");
      assertInFirstScreen(kai, "[data-ref=my-place]");
      assertInFirstScreen(kai, "[data-action='floor.lower-hand']");
      shot(kai, "phone-390x844-you-are-next.png");
      button(lou, "Raise my hand").click();
      console.locator("body").press("n");
      assertThat(kai.locator("[data-ref=turn-banner]")).isVisible();
      assertInFirstScreen(kai, "[data-ref=turn-banner] .turn-title");
      assertInFirstScreen(kai, "[data-action='floor.yield']");
      assertThat(lou.locator("[data-ref=my-place]")).hasText("Your hand is up. You are next.");
      lou.evaluate("() => window.scrollTo(0, 0)");
      assertInFirstScreen(lou, "[data-ref=my-place]");
      shot(kai, "phone-390x844-your-turn.png");
      button(kai, "I have finished").click();
      assertThat(kai.locator("[data-ref=turn-banner]")).isHidden();

      network.cut();
      Locator badge = kai.locator("[data-ref=connection]");
      assertThat(badge).hasText("Reconnecting…");
      assertThat(badge).hasText("Offline: not connected. Trying again…",
          new LocatorAssertions.HasTextOptions().setTimeout(15_000));
      Locator notice = kai.locator("[data-ref=connection-notice]");
      assertThat(notice).containsText("You are offline");
      kai.evaluate("() => window.scrollTo(0, document.body.scrollHeight)");
      assertInFirstScreen(kai, "[data-ref=connection-notice]");
      kai.evaluate("() => window.scrollTo(0, 0)");
      button(kai, "Raise my hand").click();
      Locator error = kai.locator("[data-ref=error]");
      assertThat(error).containsText("You are not connected right now");
      assertEquals(Boolean.TRUE, kai.evaluate("() => document.querySelector('[data-action=\"floor.raise-hand\"]')"
          + ".closest('.actions').nextElementSibling === document.querySelector('[data-ref=error]')"),
          "the error sits right after the button that failed");
      assertInFirstScreen(kai, "[data-ref=error]");
      assertThat(badge).not().hasText("Connected");
      shot(kai, "phone-390x844-offline.png");

      network.restore();
      assertThat(badge).hasText("Connected", new LocatorAssertions.HasTextOptions().setTimeout(25_000));
      assertThat(notice).hasText("You are back online. The screen is up to date.");
      shot(kai, "phone-390x844-back-online.png");
      Browser.axe(kai);
    }
    // While the network is cut the browser logs each failed attempt to reach the server: expected.
    pageErrors.removeIf(error -> error.contains("/eventbus/") || error.contains("Failed to load resource: net::ERR_"));
    assertNoPageErrors();
  }

  @Test
  @DisplayName("The projector fits 1920×1080 and 1280×720, cuts a 40-character name with an ellipsis, shows who"
      + " is next, and after a go-around says it is complete instead of waiting for the next person")
  void projectorFits() {
    Page console = startSession();
    String joinPath = joinPath(console);
    Page longName = join(joinPath, LONG_NAME);
    Page nia = join(joinPath, "Nia");
    Page display = newPage(console.context());
    display.setViewportSize(1920, 1080);
    display.navigate(server.url(console.locator("a[target=_blank]").getAttribute("href")));
    assertThat(display.locator("[data-ref=count]")).hasText("2 people have joined.");
    assertFits(display);
    shot(display, "projector-1920x1080-lobby.png");

    button(console, "Start the session").click();
    button(console, "Next activity").click();
    assertThat(display.locator("#display-activity")).hasText("Check-in");
    button(console, "Start a go-around").click();
    Locator speaker = display.locator("[data-ref=speaker]");
    assertThat(speaker).hasText(LONG_NAME);
    assertThat(display.locator("[data-ref=speaker-label]")).hasText("Has the floor");
    assertThat(display.locator("[data-ref=queue]")).containsText("Nia");
    for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
      display.setViewportSize(size[0], size[1]);
      display.waitForFunction("() => document.documentElement.scrollHeight <= window.innerHeight + 1");
      assertFits(display);
      assertInFirstScreen(display, "[data-ref=speaker]");
      assertInFirstScreen(display, "[data-ref=queue] > li");
      assertInFirstScreen(display, "[data-ref=activity-timer]");
      shot(display, "projector-" + size[0] + "x" + size[1] + "-go-around.png");
    }
    assertEquals(Boolean.TRUE, display.evaluate("() => { const s = document.querySelector('[data-ref=speaker]');"
        + " return s.scrollWidth > s.clientWidth && getComputedStyle(s).textOverflow === 'ellipsis'; }"),
        "a name too long for the screen is cut with an ellipsis");

    button(longName, "Pass").click();
    assertThat(speaker).hasText("Nia");
    button(nia, "I have finished").click();
    assertThat(speaker).hasText(LONG_NAME);
    button(longName, "Pass").click();
    assertThat(speaker).not().hasText(Pattern.compile("waiting", Pattern.CASE_INSENSITIVE));
    assertThat(speaker).hasText(Pattern.compile("^The go-around (is complete|was stopped|has finished)$"));
    assertFits(display);
    shot(display, "projector-1280x720-go-around-done.png");
    Browser.axe(display);
    assertNoPageErrors();
  }

  @Test
  @DisplayName("Without JavaScript a phone joins by the form and is told plainly what needs JavaScript, never"
      + " \"Connecting…\"; the home page title is just \"Talking Piece\"")
  void withoutJavaScript() {
    Page console = startSession();
    String joinPath = joinPath(console);
    Page phone = newPage(phone());
    CDPSession devTools = phone.context().newCDPSession(phone);
    devTools.send("Emulation.setScriptExecutionDisabled", scriptsDisabled(true));
    phone.navigate(server.url("/"));
    assertThat(phone).hasTitle("Talking Piece");
    phone.navigate(server.url(joinPath));
    joinAs(phone, "Noor");
    assertThat(console.locator(".people")).containsText("Noor");
    assertThat(phone.locator(".notice.warning")).containsText("needs JavaScript");
    assertThat(phone.getByText("Connecting…")).isHidden();
    assertThat(phone.locator("[data-ref=connection]")).isHidden();
    assertInFirstScreen(phone, ".notice.warning");
    shot(phone, "phone-390x844-no-javascript.png");
    // The checker is itself a script: let it run on the page as it was loaded without JavaScript.
    devTools.send("Emulation.setScriptExecutionDisabled", scriptsDisabled(false));
    Browser.axe(phone);
  }

  // Steps.

  private Page startSession() {
    Page console = newPage(laptop());
    console.navigate(server.url("/signin"));
    console.getByLabel("Username").fill(FACILITATOR);
    console.getByLabel("Password").fill(FACILITATOR_PASSWORD);
    button(console, "Sign in").click();
    console.waitForURL(url -> !url.contains("/signin"));
    console.navigate(server.url("/console"));
    console.getByLabel("Module").selectOption("understanding-privilege");
    button(console, "Start the session").click();
    console.waitForURL("**/console/sessions/**");
    assertThat(console.locator("[data-ref=connection]")).hasText("Connected");
    return console;
  }

  private static String joinPath(Page console) {
    return URI.create(console.locator(".invite a[href*='/j/']").getAttribute("href")).getPath();
  }

  private Page join(String joinPath, String name) {
    Page page = newPage(phone());
    page.navigate(server.url(joinPath));
    joinAs(page, name);
    assertThat(page.locator("[data-ref=connection]")).hasText("Connected");
    return page;
  }

  private static void joinAs(Page page, String name) {
    page.getByLabel("What should we call you? (optional)").fill(name);
    button(page, "Join the session").click();
    page.waitForURL("**/s/**");
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /** The element is visible and wholly inside the viewport as it is scrolled now. */
  private static void assertInFirstScreen(Page page, String selector) {
    Locator element = page.locator(selector).first();
    assertThat(element).isVisible();
    BoundingBox box = element.boundingBox();
    int width = page.viewportSize().width;
    int height = page.viewportSize().height;
    assertTrue(box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= width + 0.5,
        selector + " should be within the first " + width + "×" + height + " screen but is at x=" + box.x
            + " y=" + box.y + " w=" + box.width + " h=" + box.height);
  }

  /** Nothing on the page runs past the bottom or the right edge of the window. */
  private static void assertFits(Page page) {
    assertEquals(Boolean.TRUE, page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight + 1"
        + " && document.documentElement.scrollWidth <= window.innerWidth + 1"),
        "the page fits " + page.viewportSize().width + "×" + page.viewportSize().height + " without scrolling");
  }

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)));
  }

  private static JsonObject scriptsDisabled(boolean disabled) {
    JsonObject args = new JsonObject();
    args.addProperty("value", disabled);
    return args;
  }

  private void assertNoPageErrors() {
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  // Browser plumbing.

  /** A laptop the size the facilitator uses: 1366×768. */
  private BrowserContext laptop() {
    BrowserContext context = browser.newContext();
    contexts.add(context);
    return context;
  }

  private BrowserContext phone() {
    BrowserContext context = browser.newPhoneContext();
    contexts.add(context);
    return context;
  }

  private Page newPage(BrowserContext context) {
    Page page = context.newPage();
    if (page.viewportSize() != null && page.viewportSize().width == 1280) {
      page.setViewportSize(1366, 768);
    }
    page.onPageError(error -> pageErrors.add(page.url() + ": " + error));
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type())) {
        pageErrors.add(page.url() + ": " + message.text());
      }
    });
    return page;
  }
}
