package org.talkingpiece.curriculum;

import java.util.Set;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders the Markdown text fields of a module to HTML that is safe to put in a page.
 *
 * <p>CommonMark (commonmark-java) renders; raw HTML written in the Markdown is dropped, as
 * docs/module-format.md promises; the OWASP sanitiser then allows only paragraphs, lists,
 * emphasis, code, quotes, headings and links. Links keep only http, https and mailto targets and
 * get {@code rel="nofollow noopener"}. Headings move down two levels ({@code #} becomes
 * {@code h3}) because the page around the text owns h1 and h2.
 *
 * <p>Thread-safe; a pure function of its input.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
      .nodeRendererFactory(context -> new DropRawHtml())
      .build();
  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "br", "hr",
          "h3", "h4", "h5", "h6")
      .allowElements((name, attributes) -> shifted(name), "h1", "h2")
      .allowElements("a")
      .allowAttributes("href").onElements("a")
      .allowUrlProtocols("http", "https", "mailto")
      .requireRelsOnLinks("nofollow", "noopener")
      .allowAttributes("start").matching(true, "[0-9]{1,6}").onElements("ol")
      .toFactory();

  private Markdown() {}

  /** Safe HTML for a Markdown text; empty for {@code null}. */
  public static String render(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown))).trim();
  }

  /** h1 → h3 and h2 → h4; h3 to h6 are left alone (h3 is the highest level the text gets). */
  private static String shifted(String heading) {
    return heading.equals("h1") ? "h3" : "h4";
  }

  /** Renders raw HTML blocks and inline HTML as nothing. */
  private static final class DropRawHtml implements NodeRenderer {
    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(HtmlBlock.class, HtmlInline.class);
    }

    @Override
    public void render(Node node) {
      // Dropped on purpose: raw HTML is not part of the format.
    }
  }
}
