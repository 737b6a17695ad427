package org.talkingpiece.report.charts;

import java.util.Locale;

/**
 * A tiny SVG writer for the report charts. Every text and attribute value passes through {@link Xml#escape};
 * only presentation attributes are used (no style attributes, no script), so the charts render under a
 * strict Content-Security-Policy and print as drawn. Not thread-safe; one per chart.
 */
final class Svg {
  static final String TEXT = "#1b1b1b";
  static final String MUTED = "#505a5f";
  static final String BAR = "#1d4f91";
  static final String FACILITATOR = "#5c2e91";
  static final String OTHER = "#505a5f";
  static final String GRID = "#b1b4b6";
  static final String BAND = "#f3f2f1";
  static final String FONT = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif";
  static final int WIDTH = 720;

  private final StringBuilder out = new StringBuilder(4096);

  /** Opens the document with a title and description that name the chart for assistive technology. */
  Svg(String id, int height, String title, String desc) {
    String t = id + "-title";
    String d = id + "-desc";
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"").append(t)
        .append("\" aria-describedby=\"").append(d).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" font-family=\"").append(Xml.escape(FONT)).append("\" font-size=\"14\" fill=\"").append(TEXT)
        .append("\">\n")
        .append("<title id=\"").append(t).append("\">").append(Xml.escape(title)).append("</title>\n")
        .append("<desc id=\"").append(d).append("\">").append(Xml.escape(desc)).append("</desc>\n")
        .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" fill=\"#ffffff\"/>\n");
  }

  Svg text(double x, double y, String anchor, String content) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
        .append(anchor).append("\">").append(Xml.escape(content)).append("</text>\n");
    return this;
  }

  Svg mutedText(double x, double y, String anchor, String content) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
        .append(anchor).append("\" fill=\"").append(MUTED).append("\">").append(Xml.escape(content))
        .append("</text>\n");
    return this;
  }

  /** A rectangle; {@code tooltip} (may be null) becomes its own title, shown on hover. */
  Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
    out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
        .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append('"');
    if (tooltip == null) {
      out.append("/>\n");
    } else {
      out.append("><title>").append(Xml.escape(tooltip)).append("</title></rect>\n");
    }
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke) {
    out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
        .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1\"/>\n");
    return this;
  }

  Svg polyline(double[] xs, double[] ys, String stroke) {
    out.append("<polyline fill=\"none\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"");
    for (int i = 0; i < xs.length; i++) {
      out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
    }
    out.append("\"/>\n");
    return this;
  }

  Svg circle(double cx, double cy, double r, String fill) {
    out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
        .append("\" fill=\"").append(fill).append("\"/>\n");
    return this;
  }

  /** Tick marks and clock labels along a time axis from 0 to {@code spanMs}. */
  Svg timeAxis(double x0, double width, double y, long spanMs) {
    line(x0, y, x0 + width, y, GRID);
    long step = tickStep(spanMs);
    for (long t = 0; t <= spanMs; t += step) {
      double x = x0 + width * t / Math.max(1, spanMs);
      line(x, y, x, y + 5, TEXT);
      text(x, y + 20, "middle", Human.clock(t));
    }
    return this;
  }

  /** A round tick interval giving at most eight ticks. */
  static long tickStep(long spanMs) {
    long[] seconds = {10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 14_400, 28_800};
    for (long s : seconds) {
      if (spanMs / (s * 1000) <= 8) {
        return s * 1000;
      }
    }
    return Math.max(1, spanMs / 8);
  }

  String end() {
    return out.append("</svg>\n").toString();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
