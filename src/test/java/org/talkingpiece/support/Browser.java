package org.talkingpiece.support;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Chromium for browser tests: Debian's {@code /usr/bin/chromium} (or {@code TP_CHROMIUM}) driven by
 * Playwright, headless and offline. Start one per test class (start-up takes seconds) and give each
 * test its own isolated context, so cookies never leak between tests:
 *
 * <pre>{@code
 * static Browser browser;
 * @BeforeAll static void start() { browser = Browser.launch(); }
 * @AfterAll static void stop() { browser.close(); }
 * @Test void works() {
 *   try (BrowserContext context = browser.newContext()) {
 *     Page page = context.newPage();
 *     page.navigate(server.url("/"));
 *     Browser.axe(page);
 *   }
 * }
 * }</pre>
 *
 * <p>A missing Chromium fails the test with a message saying how to install it; browser tests are
 * skipped only when asked to with {@code -DskipBrowserTests=true}. Not thread-safe: Playwright objects
 * belong to the thread that made them, so use it from the test thread only.
 */
public final class Browser implements AutoCloseable {
  /** The WCAG 2.2 AA rule sets the product promises (axe-core tags). */
  public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser chromium;

  private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
    this.playwright = playwright;
    this.chromium = chromium;
  }

  /** Starts Playwright and Chromium. */
  public static Browser launch() {
    Assumptions.assumeFalse(Boolean.getBoolean("tp.skipBrowserTests"),
        "Browser tests skipped on request (-DskipBrowserTests=true)");
    Path executable = Path.of(System.getenv().getOrDefault("TP_CHROMIUM", "/usr/bin/chromium"));
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException("No Chromium at " + executable + ". Browser tests drive Debian's Chromium: "
          + "run scripts/test, which installs it (apt-get install chromium), or set TP_CHROMIUM to a Chromium binary.");
    }
    // Never let Playwright try to download its own browsers: we are offline and use the system's.
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(executable).setHeadless(true).setArgs(ARGS)));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A fresh, isolated context (own cookies and storage) with a laptop-sized viewport. */
  public BrowserContext newContext() {
    return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(1280, 800).setLocale("en-GB"));
  }

  /** A fresh, isolated context the size of a phone, with touch, for phone-first pages. */
  public BrowserContext newPhoneContext() {
    return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(390, 844).setDeviceScaleFactor(3).setIsMobile(true).setHasTouch(true).setLocale("en-GB"));
  }

  /**
   * Runs axe-core on the page for WCAG 2.0–2.2 A and AA and fails with a readable list (rule, impact,
   * elements, help) when anything is violated.
   */
  public static void axe(Page page) {
    AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
    if (results.getError() != null || results.getErrorMessage() != null) {
      throw new AssertionError("axe-core could not check " + page.url() + ": " + results.getErrorMessage());
    }
    List<Rule> violations = results.getViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError("Accessibility violations on " + page.url() + ":\n" + describe(violations));
    }
  }

  static String describe(List<Rule> violations) {
    StringBuilder sb = new StringBuilder();
    for (Rule rule : violations) {
      sb.append("- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
          .append(rule.getHelp()).append(" [").append(rule.getHelpUrl()).append("]\n");
      for (CheckedNode node : rule.getNodes()) {
        sb.append("    at ").append(node.getTarget());
        if (node.getFailureSummary() != null) {
          sb.append(": ").append(node.getFailureSummary().replace('\n', ' '));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    try {
      chromium.close();
    } finally {
      playwright.close();
    }
  }
}
