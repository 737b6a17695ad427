package org.talkingpiece.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.airtime.Fixtures.member;
import static org.talkingpiece.airtime.Fixtures.spoke;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.airtime.AirtimeProjection;
import org.talkingpiece.airtime.AirtimeSnapshot;
import org.talkingpiece.airtime.BalancePoint;
import org.talkingpiece.airtime.Member;
import org.talkingpiece.airtime.Timeline;
import org.talkingpiece.report.ReportDocument;
import org.talkingpiece.report.SampleSession;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("Report charts (server-drawn SVG)")
class SvgChartsTest {
  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private final ReportDocument report = SampleSession.report();

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document d) {
    NodeList nodes = d.getElementsByTagNameNS(SVG_NS, "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  @DisplayName("every chart is well-formed SVG with role img, a title and a description in words")
  void wellFormedAndLabelled() throws Exception {
    for (ReportDocument.Chart chart : report.charts()) {
      Document d = parse(chart.svg());
      Element root = d.getDocumentElement();
      assertThat(root.getLocalName()).isEqualTo("svg");
      assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
      assertThat(root.getAttribute("role")).isEqualTo("img");
      assertThat(root.getAttribute("viewBox")).startsWith("0 0 720 ");
      Element title = (Element) d.getElementsByTagNameNS(SVG_NS, "title").item(0);
      Element desc = (Element) d.getElementsByTagNameNS(SVG_NS, "desc").item(0);
      assertThat(title.getTextContent()).isEqualTo(chart.title());
      assertThat(root.getAttribute("aria-labelledby")).isEqualTo(title.getAttribute("id"));
      assertThat(root.getAttribute("aria-describedby")).isEqualTo(desc.getAttribute("id"));
      assertThat(desc.getTextContent()).hasSizeGreaterThan(60);
      assertThat(d.getElementsByTagNameNS(SVG_NS, "script").getLength()).isZero();
      assertThat(chart.svg()).doesNotContain("style=", "onload", "<foreignObject");
    }
  }

  @Test
  @DisplayName("a name like <b>&\"x\" is shown as typed, never as markup")
  void namesEscaped() throws Exception {
    String svg = SvgCharts.airtimeChart(report.airtime());
    assertThat(svg).doesNotContain("<b>").contains("&lt;b&gt;&amp;&quot;x&quot;");
    Document d = parse(svg);
    assertThat(texts(d)).contains(SampleSession.HOSTILE_NAME);
    assertThat(d.getElementsByTagName("b").getLength()).isZero();
    assertThat(d.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent()).contains(SampleSession.HOSTILE_NAME);
    assertThat(texts(parse(SvgCharts.timelineChart(report.timeline())))).contains(SampleSession.HOSTILE_NAME);
  }

  @Test
  @DisplayName("names with control characters or broken characters cannot break the chart")
  void invalidCharactersDropped() throws Exception {
    List<Member> members = List.of(member("p1", "Bad\u0000\u0007name\uD800"), member("p2", "Zoë 🌱"));
    AirtimeSnapshot s = AirtimeProjection.at(List.of(spoke("p1", 0, 10)), members, 20_000, 5, List.of());
    Document d = parse(SvgCharts.airtimeChart(s));
    assertThat(texts(d)).contains("Badname", "Zoë 🌱");
  }

  @Test
  @DisplayName("the airtime chart has a bar for every participant, sorted, silent people visible as zero")
  void airtimeBars() throws Exception {
    Document d = parse(SvgCharts.airtimeChart(report.airtime()));
    List<String> texts = texts(d);
    assertThat(texts).containsSubsequence(SampleSession.HOSTILE_NAME, "2 min 50 s (40%)", "Ana, \"Annie\" Smith",
        "2 min 10 s (31%)", "Dee", "1 min 15 s (18%)");
    assertThat(texts).contains("Eve", "Fay", "0 s (0%) · not yet spoken");
    // one background rect + one bar per participant
    assertThat(d.getElementsByTagNameNS(SVG_NS, "rect").getLength()).isEqualTo(1 + 6);
    String desc = d.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent();
    assertThat(desc).contains("Dee 1 min 15 s (18%)", "Not yet spoken: Eve, Fay", "Balance 50 of 100");
  }

  @Test
  @DisplayName("the timeline has one lane per speaker and a block per turn")
  void timelineLanes() throws Exception {
    Document d = parse(SvgCharts.timelineChart(report.timeline()));
    assertThat(texts(d)).containsSubsequence("Facilitator", "Ana, \"Annie\" Smith", SampleSession.HOSTILE_NAME,
        "=HYPERLINK(\"http://…", "Dee", "Eve", "Fay", "Removed participant", "0:00", "10:00");
    String desc = d.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent();
    assertThat(desc).contains("10 turns", "Dee: 2 turns, at 3:20, 6:40", "Eve: no turns");
    NodeList rects = d.getElementsByTagNameNS(SVG_NS, "rect");
    int turnBlocks = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      turnBlocks += rects.item(i).hasChildNodes() ? 1 : 0; // turn blocks carry a hover title
    }
    assertThat(turnBlocks).isEqualTo(10);
  }

  @Test
  @DisplayName("each chart has a table with the same information")
  void tables() {
    ChartTable airtime = SvgCharts.airtimeTable(report.airtime());
    assertThat(airtime.rows()).hasSize(6);
    assertThat(airtime.rows().get(0)).containsExactly(SampleSession.HOSTILE_NAME, "2 min 50 s", "2", "40%",
        "1 min 25 s", "yes");
    assertThat(airtime.rows().get(5)).endsWith("not yet");
    ChartTable timeline = SvgCharts.timelineTable(report.timeline());
    assertThat(timeline.rows()).hasSize(10);
    assertThat(timeline.rows().get(9)).containsExactly("7:50", "still speaking", SampleSession.HOSTILE_NAME,
        "Discussion", "2 min 10 s", "");
    ChartTable balance = SvgCharts.balanceTable(report.balanceOverTime());
    assertThat(balance.rows()).hasSize(20);
    assertThat(balance.rows().get(19)).containsExactly("10:00", "50", "4 of 6");
  }

  @Test
  @DisplayName("charts for a session that has not started or has nobody in it still render and say so")
  void emptyCharts() throws Exception {
    AirtimeSnapshot empty = AirtimeProjection.at(List.of(), List.of(), 0, 5, List.of());
    assertThat(texts(parse(SvgCharts.airtimeChart(empty)))).contains("No participants.");
    assertThat(texts(parse(SvgCharts.balanceChart(List.of())))).contains("The session has not started.");
    assertThat(texts(parse(SvgCharts.timelineChart(new Timeline(0, 0, List.of(), List.of())))))
        .contains("No participants.");
    assertThat(parse(SvgCharts.balanceChart(List.of(new BalancePoint(30_000, 30_000, 80, 1, 2))))
        .getElementsByTagNameNS(SVG_NS, "circle").getLength()).isEqualTo(1);
  }

  @Test
  @DisplayName("durations and clock times read naturally")
  void humanFormats() {
    assertThat(Human.duration(0)).isEqualTo("0 s");
    assertThat(Human.duration(44_600)).isEqualTo("45 s");
    assertThat(Human.duration(130_000)).isEqualTo("2 min 10 s");
    assertThat(Human.duration(120_000)).isEqualTo("2 min");
    assertThat(Human.duration(3_900_000)).isEqualTo("1 h 5 min");
    assertThat(Human.clock(245_000)).isEqualTo("4:05");
    assertThat(Human.clock(3_723_000)).isEqualTo("1:02:03");
    assertThat(Human.label("Abcdefghij", 5)).isEqualTo("Abcd…");
    assertThat(Human.label("🌱🌱🌱🌱🌱🌱", 3)).isEqualTo("🌱🌱…");
    assertThat(Human.label("  ", 5)).isEqualTo("(no name)");
  }
}
