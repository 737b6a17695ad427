package org.talkingpiece.floor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitUntilState;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.Browser;
import org.talkingpiece.support.TestServer;

/**
 * The floor as people in the room see it, in real Chromium: a go-around on three phones (countdowns,
 * a pass, someone away, an extension), a progressive discussion ordered by who has spoken least,
 * countdowns that agree across phones, and the facilitator's airtime panel checked against the SPEC's
 * exact definitions. Console and phones are checked with axe-core while the floor is busy, and any
 * script error or CSP refusal in any page fails the test.
 */
@DisplayName("The floor in the browser")
class FloorBrowserTest {
  private static final String FACILITATOR = "farah";
  /** The password {@link Api#account} gives a new account. */
  private static final String FACILITATOR_PASSWORD = "password-of-" + FACILITATOR;
  private static final String CHECK_IN = "Check-in";
  private static final String DISCUSSION = "Privilege where we work";
  private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2}) left");
  private static final Pattern FIGURES = Pattern.compile("(\\d+) s · (\\d+) turns? · (\\d+)% of airtime");

  private static TestServer server;
  private static Browser browser;
  private static Api api;
  /** The facilitator's sign-in cookies, so each test's console starts signed in. */
  private static List<Cookie> signedIn;

  private final List<BrowserContext> contexts = new ArrayList<>();
  private final List<String> pageErrors = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.launch();
    PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    api = new Api(server.vertx(), server);
    api.account(FACILITATOR, "facilitator");
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(server.url("/signin"));
      page.getByLabel("Username").fill(FACILITATOR);
      page.getByLabel("Password").fill(FACILITATOR_PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      page.waitForURL(url -> !url.contains("/signin"));
      signedIn = context.cookies();
    }
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
  @DisplayName("In a go-around on three phones the floor passes person to person with a countdown on every"
      + " screen; one person passes, one who went away is skipped, the console shows \"passed\" and"
      + " \"skipped\"; extending a turn adds 30 s to every countdown; axe-core finds nothing")
  void goAround() {
    Page console = startSession();
    String joinPath = joinPath(console);
    List<Page> phones = join(joinPath, List.of(phone(), phone(), phone()), List.of("Ama", "Ben", "Cleo"));
    Page ama = phones.get(0);
    Page ben = phones.get(1);
    Page cleo = phones.get(2);
    assertThat(console.locator(".people > li")).hasCount(3);
    assertThat(console.locator(".person.is-away")).hasCount(0);
    goToCheckIn(console, List.of(ama, ben, cleo));

    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a go-around")).click();

    // Ama's turn: she sees the banner with her own countdown; everyone else sees hers.
    assertHasTheFloor(ama, "Ama", console, List.of(ben, cleo));
    int amaLeft = secondsLeft(ama.locator("[data-ref=my-timer]"));
    assertTrue(amaLeft > 10 && amaLeft <= 20, "a 20-second turn has just started: " + amaLeft);
    Locator order = console.locator("[data-ref=round-order]");
    assertThat(order).containsText("Ama: speaking now");
    assertThat(order).containsText("Ben: waiting");
    assertThat(ben.locator("[data-ref=my-place]")).hasText("You are next in the go-around. You can speak or pass.");
    assertThat(cleo.locator("[data-ref=my-place]"))
        .hasText("In this go-around, 1 person speaks before you. You can speak or pass.");
    axe(console);
    axe(ama);

    // Ben's phone goes away before his turn: the console shows him away, still waiting.
    ben.close();
    assertThat(console.locator(".person.is-away")).hasCount(1);
    assertThat(console.locator(".person.is-away")).containsText("Ben");
    assertThat(order).containsText("Ben: waiting · away");

    // Ama passes: Ben is skipped as away, and the floor goes straight to Cleo.
    ama.locator("[data-ref=turn-banner]").getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Pass")).click();
    assertHasTheFloor(cleo, "Cleo", console, List.of(ama));
    assertThat(order).containsText("Ama: passed");
    assertThat(order).containsText("Ben: skipped (away)");
    assertThat(order).containsText("Cleo: speaking now");
    assertThat(ama.locator("[data-ref=my-place]"))
        .hasText("You passed this time, and that is fine. You will get another chance at the end.");

    // The facilitator extends Cleo's turn: every countdown grows by 30 s.
    Locator consoleTimer = console.locator("[data-ref=speaker-timer]");
    Locator cleoTimer = cleo.locator("[data-ref=my-timer]");
    Locator amaView = ama.locator("[data-ref=speaker-timer]");
    int before = secondsLeft(consoleTimer);
    assertTrue(before <= 20, "Cleo's turn has 20 s at most before the extension: " + before);
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Extend by 30 s")).click();
    for (Locator timer : List.of(consoleTimer, cleoTimer, amaView)) {
      waitUntil(() -> secondsLeft(timer) >= before + 25,
          () -> "the countdown grows by 30 s after the extension (it was " + before + " s): " + timer.textContent());
      assertTrue(secondsLeft(timer) <= before + 30, "no more than 30 s are added: " + timer.textContent());
    }

    // Cleo finishes; the second chance goes to Ama (Ben is still away and is skipped again).
    cleo.locator("[data-ref=turn-banner]").getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("I have finished")).click();
    assertHasTheFloor(ama, "Ama", console, List.of(cleo));
    assertThat(console.locator("[data-ref=round-summary]")).containsText("second chance for those who passed");
    assertThat(order).containsText("Cleo: spoke");
    ama.locator("[data-ref=turn-banner]").getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Pass")).click();

    assertThat(console.locator("[data-ref=round-summary]")).hasText("The go-around is complete.");
    assertThat(order).containsText("Ama: passed");
    assertThat(order).containsText("Ben: skipped (away)");
    assertThat(order).containsText("Cleo: spoke");
    assertThat(console.locator("[data-ref=speaker]")).hasText("Nobody has the floor.");
    assertThat(ama.locator("[data-ref=turn-banner]")).isHidden();
    assertThat(cleo.locator("[data-ref=my-place]")).hasText("The go-around has finished.");
    assertFalse(console.locator("[data-ref=error]").isVisible(), "no error on the console");
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  @Test
  @DisplayName("In a progressive discussion hands go up in one order and the console's queue puts the person"
      + " who has not spoken yet first, then who spoke least, each with the reason; N gives them the floor;"
      + " axe-core finds nothing")
  void progressiveDiscussion() {
    Page console = startSession();
    String joinPath = joinPath(console);
    List<Page> phones = join(joinPath, List.of(phone(), phone(), phone()), List.of("Ama", "Ben", "Cleo"));
    Page ama = phones.get(0);
    Page ben = phones.get(1);
    Page cleo = phones.get(2);
    assertThat(console.locator(".people > li")).hasCount(3);
    goToCheckIn(console, List.of(ama, ben, cleo));

    // The check-in: Ama says a word, Ben speaks a little longer, Cleo passes (and passes again).
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a go-around")).click();
    Locator order = console.locator("[data-ref=round-order]");
    finishTurn(ama, "I have finished", 300);
    assertThat(order).containsText("Ama: spoke");
    finishTurn(ben, "I have finished", 3_000);
    assertThat(order).containsText("Ben: spoke");
    finishTurn(cleo, "Pass", 0);
    assertThat(console.locator("[data-ref=round-summary]")).containsText("second chance");
    finishTurn(cleo, "Pass", 0);
    assertThat(console.locator("[data-ref=round-summary]")).hasText("The go-around is complete.");
    assertThat(order).containsText("Cleo: passed");

    console.getByLabel("Jump to an activity").selectOption(new SelectOption().setLabel("9. " + DISCUSSION));
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go").setExact(true)).click();
    for (Page p : List.of(ama, ben, cleo)) {
      assertThat(p.locator("#activity-title")).hasText(DISCUSSION);
      assertThat(p.locator("[data-ref=floor-mode]")).containsText("spoken least");
    }
    assertThat(console.locator("[data-ref=queue-empty]")).isVisible();

    // Hands go up: Ben (spoke longest) first, then Ama, and Cleo (not heard yet) last.
    Locator queue = console.locator("[data-ref=queue] > li");
    int raised = 0;
    for (Page p : List.of(ben, ama, cleo)) {
      p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise my hand")).click();
      assertThat(queue).hasCount(++raised);
    }
    assertThat(queue.locator(".who")).hasText(new String[] {"Cleo", "Ama", "Ben"});
    assertThat(queue.nth(0).locator(".why")).hasText("(first time speaking)");
    int amaSpoke = spokenSoFar(queue.nth(1));
    int benSpoke = spokenSoFar(queue.nth(2));
    assertTrue(amaSpoke < benSpoke, "one turn each, and Ama (" + amaSpoke + " s) spoke less than Ben ("
        + benSpoke + " s), so she comes before him although he raised his hand first");
    assertThat(cleo.locator("[data-ref=my-place]")).hasText("Your hand is up. You are next.");
    assertThat(ama.locator("[data-ref=my-place]")).hasText("Your hand is up. You are 2nd in the queue.");
    assertThat(ben.locator("[data-ref=my-place]")).hasText("Your hand is up. You are 3rd in the queue.");
    axe(console);
    axe(ben);

    console.locator("body").press("n");
    assertThat(cleo.locator("[data-ref=turn-banner]")).isVisible();
    assertThat(cleo.locator("[aria-live=assertive]")).containsText("You have the floor");
    assertThat(console.locator("[data-ref=speaker]")).hasText("Cleo has the floor (from the queue).");
    assertThat(ama.locator("[data-ref=speaker]")).hasText("Cleo has the floor.");
    assertThat(queue.locator(".who")).hasText(new String[] {"Ama", "Ben"});
    assertThat(ama.locator("[data-ref=my-place]")).hasText("Your hand is up. You are next.");
    assertThat(ben.locator("[data-ref=my-place]")).hasText("Your hand is up. You are 2nd in the queue.");
    assertFalse(console.locator("[data-ref=error]").isVisible(), "no error on the console");
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  @Test
  @DisplayName("Two phones show the same countdown, to the second, during a go-around turn, even when one"
      + " phone's own clock is two minutes fast")
  void countdownsAgree() {
    Page console = startSession();
    String joinPath = joinPath(console);
    BrowserContext fastPhone = phone();
    fastPhone.clock().install(new Clock.InstallOptions().setTime(System.currentTimeMillis() + 120_000));
    List<Page> phones = join(joinPath, List.of(phone(), fastPhone), List.of("Ama", "Ben"));
    Page ama = phones.get(0);
    Page ben = phones.get(1);
    assertThat(console.locator(".people > li")).hasCount(2);
    goToCheckIn(console, List.of(ama, ben));
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a go-around")).click();
    assertHasTheFloor(ama, "Ama", console, List.of(ben));

    Locator onAmasPhone = ama.locator("[data-ref=my-timer]");
    Locator onBensPhone = ben.locator("[data-ref=speaker-timer]");
    List<String> readings = new ArrayList<>();
    int previous = Integer.MAX_VALUE;
    for (int sample = 0; sample < 6; sample++) {
      int[] pair = readTogether(onAmasPhone, onBensPhone);
      readings.add(pair[0] + "/" + pair[1]);
      assertTrue(Math.abs(pair[0] - pair[1]) <= 1,
          "both phones show the same remaining second (Ama/Ben, seconds left): " + readings);
      assertTrue(pair[0] <= 20 && pair[0] > 0, "a 20-second turn counts down on Ama's phone: " + readings);
      assertTrue(pair[0] <= previous, "the countdown only goes down: " + readings);
      previous = pair[0];
      ama.waitForTimeout(350);
    }
    assertTrue(previous <= 19, "the countdown moved during the samples: " + readings);
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  @Test
  @DisplayName("After turns of about 2, 4 and 6 seconds the airtime panel shows each person's seconds, turns"
      + " and shares (17%, 33%, 50%), and the balance the SPEC's Gini formula gives; each phone shows only"
      + " its own seconds and the group balance; a self-identified group of k people gets its row, groups"
      + " under k none")
  void airtimePanel() {
    Page console = startSession(new SessionForm("3", "0", "queue", "Role: Staff, Guest\nTeam: North, South"));
    assertThat(console.locator("[data-ref=setting-k]")).hasText("3");
    assertThat(console.locator("[data-ref=setting-turn]")).hasText("No limit where the module sets none");
    assertThat(console.locator("[data-ref=setting-queue]")).containsText("Queue");
    assertThat(console.locator("[data-ref=setting-self-id]")).hasText("Role (Staff, Guest); Team (North, South)");
    String joinPath = joinPath(console);
    List<String> names = List.of("Ama", "Ben", "Cleo");
    List<Page> joined = join(joinPath, List.of(phone(), phone(), phone()), names);
    Map<String, Page> phones = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      phones.put(names.get(i), joined.get(i));
    }
    assertThat(console.locator(".people > li")).hasCount(3);

    // Everyone says Staff (3 people, k = 3); two say North and one South, both under k.
    Locator parity = console.locator("[data-ref=parity]");
    assertThat(parity.locator("p").last()).hasText("No group in this category reached 3 people, so nothing about it is shown.");
    for (Map.Entry<String, Page> phone : phones.entrySet()) {
      describe(phone.getValue(), "Role", "Staff");
      describe(phone.getValue(), "Team", "Cleo".equals(phone.getKey()) ? "South" : "North");
    }
    Locator roles = parity.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("Role"));
    assertThat(roles.locator("tbody tr")).hasCount(1);
    assertThat(roles.locator("tbody tr th[scope=row]")).hasText("Staff");
    assertThat(roles.locator("tbody td").first()).hasText("100%");
    assertThat(parity.getByRole(AriaRole.TABLE)).hasCount(1);
    assertThat(parity.locator(".parity-none h4")).hasText("Team");
    assertThat(parity.locator(".parity-none p"))
        .hasText("No group in this category reached 3 people, so nothing about it is shown.");
    for (String underK : List.of("Guest", "North", "South")) {
      assertThat(parity).not().containsText(underK);
    }
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    assertThat(console.locator("[data-ref=balance]")).hasText("Nobody has spoken yet");
    assertThat(console.locator("[data-ref=voices]")).hasText("0 of 3");
    assertThat(console.locator(".airtime-row.not-heard")).hasCount(3);

    Map<String, Long> intended = new LinkedHashMap<>();
    intended.put("Ama", 2_000L);
    intended.put("Ben", 4_000L);
    intended.put("Cleo", 6_000L);
    Map<String, Long> measured = new LinkedHashMap<>();
    for (Map.Entry<String, Long> turn : intended.entrySet()) {
      String name = turn.getKey();
      Locator row = console.locator(".person").filter(new Locator.FilterOptions().setHasText(name));
      long given = System.nanoTime();
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Give the floor to " + name)).click();
      assertThat(console.locator("[data-ref=speaker]")).hasText(name + " has the floor (you gave it).");
      assertThat(phones.get(name).locator("[data-ref=turn-banner]")).isVisible();
      long left = turn.getValue() - (System.nanoTime() - given) / 1_000_000;
      if (left > 0) {
        console.waitForTimeout(left);
      }
      console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End turn")).click();
      measured.put(name, (System.nanoTime() - given) / 1_000_000);
      assertThat(console.locator("[data-ref=speaker]")).hasText("Nobody has the floor.");
      assertOnlyOwnFigures(phones, console);
    }

    // The panel: seconds close to what the test timed, one turn each, shares of the whole.
    assertThat(console.locator("[data-ref=voices]")).hasText("3 of 3");
    assertThat(console.locator(".airtime-row.not-heard")).hasCount(0);
    Map<String, Integer> shownSeconds = new LinkedHashMap<>();
    Map<String, Integer> shownShare = new LinkedHashMap<>();
    for (String name : intended.keySet()) {
      Matcher m = figures(console, name);
      shownSeconds.put(name, Integer.parseInt(m.group(1)));
      assertEquals("1", m.group(2), name + " had one turn");
      shownShare.put(name, Integer.parseInt(m.group(3)));
      assertTrue(Math.abs(shownSeconds.get(name) * 1000L - measured.get(name)) <= 1_000,
          name + " spoke for " + measured.get(name) + " ms by the test's watch; the panel says "
              + shownSeconds.get(name) + " s");
    }
    // Shares agree with the seconds the panel shows (each rounded, so a few points apart at most); the
    // seconds themselves were checked against the test's watch above. The watch is not compared with the
    // shares directly: on a busy machine the click that gives the floor can reach the server a few
    // hundred milliseconds late, which moves a two-second turn's share more than rounding does.
    double shownTotal = shownSeconds.values().stream().mapToInt(Integer::intValue).sum();
    for (String name : intended.keySet()) {
      double fromSeconds = 100.0 * shownSeconds.get(name) / shownTotal;
      assertTrue(Math.abs(shownShare.get(name) - fromSeconds) <= 6,
          name + "'s share: panel " + shownShare.get(name) + "%, but its seconds " + shownSeconds
              + " make it about " + Math.round(fromSeconds) + "%");
    }
    assertTrue(shownShare.get("Ama") < shownShare.get("Ben") && shownShare.get("Ben") < shownShare.get("Cleo"),
        "longer turns have larger shares: " + shownShare);

    // The balance: round(100·(1−G)) with G over everyone, from the panel's seconds (rounded, so ±3) and,
    // exactly, from the milliseconds the server counted.
    int balance = balanceShown(console);
    int fromPanel = balanceOf(shownSeconds.values().stream().mapToLong(s -> s * 1000L).toArray());
    assertTrue(Math.abs(balance - fromPanel) <= 3,
        "balance " + balance + " vs " + fromPanel + " from the panel's seconds " + shownSeconds);
    assertTrue(balance >= 74 && balance <= 82, "2, 4 and 6 s give a balance of about 78: " + balance);
    JsonObject airtime = facilitatorSnapshot(console).getJsonObject("airtime");
    long[] serverMillis = airtime.getJsonArray("participants").stream()
        .map(JsonObject.class::cast).mapToLong(p -> p.getLong("airtimeMs")).toArray();
    assertEquals(balanceOf(serverMillis), balance,
        "the balance follows the SPEC formula for the server's own airtimes " + airtime.getJsonArray("participants"));
    long serverTotal = Arrays.stream(serverMillis).sum();
    for (Object o : airtime.getJsonArray("participants")) {
      JsonObject p = (JsonObject) o;
      assertEquals(Math.round(100.0 * p.getLong("airtimeMs") / serverTotal), (long) shownShare.get(p.getString("name")),
          p.getString("name") + "'s share is their airtime over everyone's: " + airtime);
    }

    // Each phone: its own seconds and the group balance, nobody else's numbers.
    for (Map.Entry<String, Page> phone : phones.entrySet()) {
      Page page = phone.getValue();
      assertThat(page.locator("[data-ref=my-airtime]"))
          .hasText("You have spoken for " + shownSeconds.get(phone.getKey()) + " s, over 1 turn.");
      assertThat(page.locator("[data-ref=group-balance]")).hasText("Group balance: " + balance
          + " out of 100 (100 means everyone has had about the same time). Voices heard so far: 3 of 3.");
    }
    assertOnlyOwnFigures(phones, console);
    // Group figures stand as they were when the activity began (nobody had spoken), so that no turn
    // can be traced to a group; they move when the next activity starts.
    assertThat(roles.locator("tbody td").nth(1)).hasText("0%");
    axe(console);
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next activity")).click();
    // The Staff group is everyone: all the airtime for all the people.
    assertThat(roles.locator("tbody td")).hasText(new String[] {"100%", "100%", "1.00"});
    assertEquals(List.of(), pageErrors, "no script errors or refused scripts and styles");
  }

  // Steps.

  /** What the create-session form is filled with; {@code null} leaves a field as the page has it. */
  private record SessionForm(String k, String defaultTurnSeconds, String queueMode, String selfIdCategories) {}

  /** Opens /console signed in as the facilitator, starts a session there, and waits until the console is live. */
  private Page startSession() {
    return startSession(new SessionForm(null, null, null, null));
  }

  private Page startSession(SessionForm form) {
    BrowserContext laptop = track(browser.newContext());
    laptop.addCookies(signedIn);
    Page console = newPage(laptop);
    console.navigate(server.url("/console"));
    console.getByLabel("Module").selectOption("understanding-privilege");
    if (form.k() != null) {
      console.getByLabel("Anonymity threshold").fill(form.k());
    }
    if (form.defaultTurnSeconds() != null) {
      console.getByLabel("Default turn limit in seconds (optional)").fill(form.defaultTurnSeconds());
    }
    if (form.queueMode() != null) {
      console.getByLabel("Hands up").selectOption(form.queueMode());
    }
    if (form.selfIdCategories() != null) {
      console.getByLabel("Optional self-identification (for airtime by group)").fill(form.selfIdCategories());
    }
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    console.waitForURL("**/console/sessions/**");
    assertThat(console.locator("[data-ref=connection]")).hasText("Connected");
    assertThat(console.locator("[data-ref=status]")).hasText("In the lobby");
    return console;
  }

  private static String joinPath(Page console) {
    return URI.create(console.locator(".invite a[href*='/j/']").getAttribute("href")).getPath();
  }

  /**
   * Joins one person per context by the link, in the order given (which is the go-around's order): the
   * join pages load side by side, but each joins only after the one before has been let in.
   */
  private List<Page> join(String joinPath, List<BrowserContext> phones, List<String> names) {
    List<Page> pages = new ArrayList<>();
    for (BrowserContext phone : phones) {
      Page page = newPage(phone);
      page.navigate(server.url(joinPath), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
      pages.add(page);
    }
    for (int i = 0; i < pages.size(); i++) {
      Page page = pages.get(i);
      page.getByLabel("What should we call you? (optional)").fill(names.get(i));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the session")).click();
      page.waitForURL("**/s/**", new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.COMMIT));
    }
    for (Page page : pages) {
      assertThat(page.locator("[data-ref=connection]")).hasText("Connected");
    }
    return pages;
  }

  /** Starts the session and moves to activity 2, the check-in go-around; every phone follows. */
  private static void goToCheckIn(Page console, List<Page> phones) {
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
    assertThat(console.locator("[data-ref=current-title]")).hasText("1. Welcome and agreements");
    console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next activity")).click();
    assertThat(console.locator("[data-ref=current-title]")).hasText("2. " + CHECK_IN);
    for (Page p : phones) {
      assertThat(p.locator("#activity-title")).hasText(CHECK_IN);
    }
  }

  /** The speaker's phone shows the banner and their countdown; the console and everyone else show theirs. */
  private static void assertHasTheFloor(Page speaker, String name, Page console, List<Page> others) {
    Locator banner = speaker.locator("[data-ref=turn-banner]");
    assertThat(banner).isVisible();
    assertThat(speaker.locator("[aria-live=assertive]")).containsText("You have the floor");
    assertThat(speaker.locator("[data-ref=my-timer]")).hasText(CLOCK);
    assertThat(speaker.locator("[data-ref=speaker]")).hasText("You have the floor.");
    assertThat(console.locator("[data-ref=speaker]")).hasText(name + " has the floor (their turn in the go-around).");
    assertThat(console.locator("[data-ref=speaker-timer]")).isVisible();
    assertThat(console.locator("[data-ref=speaker-timer]")).hasText(CLOCK);
    for (Page other : others) {
      assertThat(other.locator("[data-ref=turn-banner]")).isHidden();
      assertThat(other.locator("[data-ref=speaker]")).hasText(name + " has the floor.");
      assertThat(other.locator("[data-ref=speaker-timer]")).isVisible();
      assertThat(other.locator("[data-ref=speaker-timer]")).hasText(CLOCK);
    }
  }

  /** A participant describes themselves on their phone: opens the optional part and picks a value. */
  private static void describe(Page phone, String category, String value) {
    Locator details = phone.locator("[data-ref=self-id]");
    if (details.getAttribute("open") == null) {
      details.locator("summary").click();
    }
    phone.getByLabel(category, new Page.GetByLabelOptions().setExact(true)).selectOption(value);
    assertThat(phone.getByLabel(category, new Page.GetByLabelOptions().setExact(true))).hasValue(value);
  }

  /** Waits for the banner, holds the floor for {@code holdMillis}, then presses the banner's button. */
  private static void finishTurn(Page page, String button, long holdMillis) {
    Locator banner = page.locator("[data-ref=turn-banner]");
    assertThat(banner).isVisible();
    if (holdMillis > 0) {
      page.waitForTimeout(holdMillis);
    }
    banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button)).click();
  }

  /** The seconds in a progressive place's reason, "(1 turn so far, 3 s)". */
  private static int spokenSoFar(Locator place) {
    Pattern reason = Pattern.compile("^\\(1 turn so far, (\\d+) s\\)$");
    assertThat(place.locator(".why")).hasText(reason);
    Matcher m = reason.matcher(place.locator(".why").textContent());
    assertTrue(m.find());
    return Integer.parseInt(m.group(1));
  }

  /**
   * No phone shows anyone else's airtime: each participant's page holds only their own seconds and no
   * share, and never another participant's seconds as the console shows them.
   */
  private static void assertOnlyOwnFigures(Map<String, Page> phones, Page console) {
    Map<String, String> spoken = new LinkedHashMap<>();
    for (String name : phones.keySet()) {
      String text = console.locator(".airtime-row").filter(new Locator.FilterOptions().setHasText(name))
          .locator(".airtime-figures").textContent();
      Matcher m = FIGURES.matcher(text);
      spoken.put(name, m.find() ? m.group(1) + " s" : null);
    }
    for (Map.Entry<String, Page> phone : phones.entrySet()) {
      String text = phone.getValue().locator("body").innerText();
      String own = spoken.get(phone.getKey());
      for (Map.Entry<String, String> other : spoken.entrySet()) {
        if (other.getKey().equals(phone.getKey()) || other.getValue() == null || other.getValue().equals(own)) {
          continue;
        }
        assertFalse(Pattern.compile("(?<![\\d:])" + Pattern.quote(other.getValue())).matcher(text).find(),
            phone.getKey() + "'s phone shows " + other.getValue() + ", which is " + other.getKey() + "'s airtime:\n" + text);
      }
      assertFalse(text.matches("(?s).*\\d+%.*"), phone.getKey() + "'s phone shows a share of airtime:\n" + text);
    }
  }

  private static Matcher figures(Page console, String name) {
    Locator row = console.locator(".airtime-row").filter(new Locator.FilterOptions().setHasText(name));
    assertThat(row.locator(".airtime-figures")).hasText(FIGURES);
    Matcher m = FIGURES.matcher(row.locator(".airtime-figures").textContent());
    assertTrue(m.find());
    return m;
  }

  private static int balanceShown(Page console) {
    Locator balance = console.locator("[data-ref=balance]");
    assertThat(balance).hasText(Pattern.compile("^\\d+ out of 100$"));
    return Integer.parseInt(balance.textContent().replace(" out of 100", "").trim());
  }

  /**
   * SPEC: G = ΣiΣj|xi−xj| / (2·n·Σx), 0 when Σx = 0; balance = round(100·(1−G)). Worked in whole numbers
   * (100·(1−G) = 100·(d − ΣΣ) / d with d = 2·n·Σx, rounded half up) so no binary fraction tips it.
   */
  static int balanceOf(long[] x) {
    long sum = 0;
    long pairs = 0;
    for (long a : x) {
      sum += a;
      for (long b : x) {
        pairs += Math.abs(a - b);
      }
    }
    long d = 2L * x.length * sum;
    return d == 0 ? 100 : (int) Math.floorDiv(200 * (d - pairs) + d, 2 * d);
  }

  /** The facilitator's snapshot of the console's session, from the HTTP API. */
  private static JsonObject facilitatorSnapshot(Page console) {
    String id = URI.create(console.url()).getPath().replaceAll(".*/console/sessions/", "").replaceAll("[/?#].*", "");
    var reply = api.call(HttpMethod.GET, "/api/sessions/" + id, api.token(FACILITATOR, FACILITATOR_PASSWORD), null);
    assertEquals(200, reply.statusCode(), reply.bodyAsString());
    return reply.bodyAsJsonObject();
  }

  /** Seconds left on a countdown showing "m:ss left". */
  private static int secondsLeft(Locator timer) {
    String text = timer.textContent();
    Matcher m = CLOCK.matcher(text == null ? "" : text);
    if (!m.find()) {
      fail("not a running countdown: \"" + text + "\"");
    }
    return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
  }

  /** Reads two countdowns within 150 ms of each other (retrying a slow read), as seconds left. */
  private static int[] readTogether(Locator a, Locator b) {
    for (int attempt = 0; attempt < 10; attempt++) {
      long start = System.nanoTime();
      String first = a.textContent();
      String second = b.textContent();
      if ((System.nanoTime() - start) / 1_000_000 <= 150) {
        return new int[] {parse(first), parse(second)};
      }
    }
    throw new AssertionError("could not read both screens within 150 ms of each other");
  }

  private static int parse(String countdown) {
    Matcher m = CLOCK.matcher(countdown == null ? "" : countdown);
    assertTrue(m.find(), "not a running countdown: \"" + countdown + "\"");
    return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
  }

  private static void waitUntil(BooleanSupplier condition, Supplier<String> message) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail(message.get());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  // Browser plumbing.

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
