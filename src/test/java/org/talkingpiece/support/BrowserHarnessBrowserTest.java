package org.talkingpiece.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The harness itself: axe must catch real violations and say where, and contexts must not share cookies. */
class BrowserHarnessBrowserTest {
  static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.launch();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @DisplayName("axe fails a page with an unlabelled field, naming the rule, its impact and the element")
  void axeReportsViolations() {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Bad</title></head><body><main>"
          + "<h1>Bad form</h1><input id=\"nameless\" type=\"text\"></main></body></html>");
      assertThatThrownBy(() -> Browser.axe(page))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("- label (critical)")
          .hasMessageContaining("#nameless")
          .hasMessageContaining("https://dequeuniversity.com/rules/axe/");
    }
  }

  @Test
  @DisplayName("axe passes a clean page")
  void axePassesCleanPage() {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Good</title></head><body><main>"
          + "<h1>Good form</h1><label for=\"name\">Name</label><input id=\"name\" type=\"text\"></main></body></html>");
      Browser.axe(page);
    }
  }

  @Test
  @DisplayName("A phone context is phone-sized with touch, and each context starts with no cookies")
  void contexts() {
    try (BrowserContext phone = browser.newPhoneContext(); BrowserContext other = browser.newContext()) {
      Page page = phone.newPage();
      assertThat(page.viewportSize().width).isEqualTo(390);
      assertThat(page.evaluate("() => navigator.maxTouchPoints > 0")).isEqualTo(true);
      phone.addCookies(java.util.List.of(new com.microsoft.playwright.options.Cookie("k", "v").setUrl("http://127.0.0.1/")));
      assertThat(phone.cookies()).hasSize(1);
      assertThat(other.cookies()).isEmpty();
    }
  }
}
