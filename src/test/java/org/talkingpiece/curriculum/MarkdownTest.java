package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  @DisplayName("Paragraphs, lists, emphasis and code render as HTML")
  void rendersCommonMark() {
    String html = Markdown.render("Some *light* and **strong** text with `code`.\n\n- one\n- two\n\n> quoted");

    assertThat(html).contains("<p>Some <em>light</em> and <strong>strong</strong> text with <code>code</code>.</p>")
        .contains("<ul>").contains("<li>one</li>").contains("<blockquote>");
  }

  @Test
  @DisplayName("Script tags are removed: a script block with its content, inline tags leaving inert text")
  void stripsScript() {
    String html = Markdown.render("Hello <script>steal()</script> there\n\n<script>\nalert(1)\n</script>\n");

    assertThat(html).isEqualTo("<p>Hello steal() there</p>");
  }

  @Test
  @DisplayName("javascript: links lose their target; web links get rel=nofollow noopener")
  void links() {
    String bad = Markdown.render("[click](javascript:alert(1)) and <a href=\"javascript:alert(2)\">raw</a>");
    String good = Markdown.render("[site](https://example.org/a?b=1) and [mail](mailto:a@example.org)");

    assertThat(bad).doesNotContain("javascript").doesNotContain("href");
    assertThat(good).contains("href=\"https://example.org/a?b&#61;1\"").contains("href=\"mailto:a&#64;example.org\"")
        .containsPattern("rel=\"(nofollow noopener|noopener nofollow)\"");
  }

  @Test
  @DisplayName("Event-handler attributes and raw HTML are dropped")
  void stripsEventHandlers() {
    String html = Markdown.render("<img src=x onerror=alert(1)>\n\nText <span onclick=\"steal()\">here</span> "
        + "and <em onmouseover=\"x()\">there</em>");

    assertThat(html).doesNotContain("onerror").doesNotContain("onclick").doesNotContain("onmouseover")
        .doesNotContain("<img").doesNotContain("<span").contains("here").contains("there");
  }

  @Test
  @DisplayName("Headings start at h3 so they sit under the page's own headings")
  void headingsShifted() {
    assertThat(Markdown.render("# Top\n\n## Next\n\n#### Deep"))
        .contains("<h3>Top</h3>").contains("<h4>Next</h4>").contains("<h4>Deep</h4>")
        .doesNotContain("<h1").doesNotContain("<h2");
  }

  @Test
  @DisplayName("Images are not allowed")
  void noImages() {
    assertThat(Markdown.render("![alt](https://example.org/x.png)")).doesNotContain("<img");
  }

  @Test
  @DisplayName("Nothing in, nothing out")
  void empty() {
    assertThat(Markdown.render(null)).isEmpty();
    assertThat(Markdown.render("  ")).isEmpty();
  }
}
