package org.talkingpiece.report.charts;

/** Escaping for text and attribute values in the SVG charts, which carry user-typed names. */
final class Xml {
  private Xml() {}

  /**
   * {@code value} safe inside XML text or a double- or single-quoted attribute: markup characters become
   * entities, and characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF)
   * are dropped, so a name can never break the document. Null becomes empty.
   */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    value.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (allowed(c)) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  private static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
