package org.talkingpiece.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.report.AnonymousResults;
import org.talkingpiece.report.AnonymousResults.PollOption;
import org.talkingpiece.report.AnonymousResults.PollResult;
import org.talkingpiece.report.AnonymousResults.RevealedPrompt;
import org.talkingpiece.report.AnonymousResults.WithheldPrompt;
import org.talkingpiece.report.ReportDocument;
import org.talkingpiece.web.Pages;

/** The printable page as the template renders it, without a server. */
class ReportPageTest {
  static Vertx vertx;
  static Pages pages;

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    pages = Pages.load(vertx, false).await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static String render(AnonymousResults anonymous) {
    LoggedSession s = ReportFromLogTest.session();
    ReportDocument r = ReportDocument.build(
        ReportInputs.from(s.fold(), s.module.title(), s.module.activities(), anonymous), 999_000);
    Map<String, Object> model = new HashMap<>(ReportPage.model(r, ZoneOffset.UTC, "/api/sessions/S/report"));
    model.put("consoleUrl", "/console/sessions/S");
    model.put("deleteUrl", "/console/sessions/S/delete");
    model.put("csrfField", "X-XSRF-TOKEN");
    model.put("csrfToken", "csrf-value");
    return pages.render("pages/report", model).toString();
  }

  @Test
  @DisplayName("The page shows the session, three charts each with a captioned table, activities and download links")
  void layout() {
    String html = render(AnonymousResults.none());
    assertThat(html).contains("<h1 id=\"report-title\">Report: Understanding Privilege</h1>");
    assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(3);
    assertThat(html).contains("<caption id=\"airtime-caption\">", "<caption id=\"timeline-caption\">",
        "<caption id=\"balance-caption\">", "<caption id=\"activities-caption\">");
    assertThat(html).contains("<th scope=\"row\">Ana</th>");
    assertThat(html).contains("<time datetime=\"1970-01-01T00:00:10Z\">1 January 1970 at 00:00 (Z)</time>");
    assertThat(html).contains("href=\"/api/sessions/S/report.csv\"", "href=\"/api/sessions/S/report.json\"");
    assertThat(html).contains("<th scope=\"row\">Check-in</th>").contains("Did not run");
    assertThat(html).contains("Self-identification was not offered in this session");
    assertThat(html).contains("Nothing anonymous was collected in this session.");
  }

  @Test
  @DisplayName("Under a strict CSP nothing inline runs: no script, no style attribute, no event handler")
  void nothingInline() {
    String html = render(AnonymousResults.none());
    assertThat(html).doesNotContain("<script").doesNotContain("style=").doesNotContainPattern("\\son[a-z]+=");
  }

  @Test
  @DisplayName("Revealed items and poll results are shown escaped; prompts below the threshold show only their count")
  void anonymousInput() {
    String html = render(new AnonymousResults(
        List.of(new RevealedPrompt("What did you notice?", List.of("<b>loud</b> & clear", "quiet"))),
        List.of(new PollResult("How safe does this room feel?", List.of(PollOption.shown("Safe", 9),
            PollOption.hidden("Not yet", "fewer-than-k"), PollOption.hidden("Prefer not to say", "fewer-than-k")), 12, 3)),
        List.of(new WithheldPrompt("What is hard to say?", 2))));
    assertThat(html).contains("<li>&lt;b&gt;loud&lt;/b&gt; &amp; clear</li>").doesNotContain("<b>loud</b>");
    assertThat(html).contains("<caption id=\"poll-0-caption\">How safe does this room feel?</caption>")
        .contains("<th scope=\"row\">Safe</th><td>9</td><td>75%</td>")
        .contains("<th scope=\"row\">Not yet</th><td>fewer than 3</td><td>not shown</td>")
        .contains("<th scope=\"row\">People who answered</th><td>12</td>")
        .contains("at least 3 people chose the answer and at least 3 did not");
    assertThat(html).contains("Prompts below the threshold: only the count")
        .contains("<li>What is hard to say?: 2 responses</li>");
  }

  @Test
  @DisplayName("The delete form posts to the session's delete address with the CSRF token")
  void deleteForm() {
    String html = render(AnonymousResults.none());
    assertThat(html).contains("<form method=\"post\" action=\"/console/sessions/S/delete\">")
        .contains("<input type=\"hidden\" name=\"X-XSRF-TOKEN\" value=\"csrf-value\">")
        .contains("Delete this session and everything in it");
  }
}
