package org.talkingpiece.report.charts;

import java.util.regex.Pattern;

/** Figures as people read them in charts, text alternatives and tables. */
final class Human {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Human() {}

  /** "45 s", "2 min 10 s", "2 min", "1 h 5 min"; rounded to the second. */
  static String duration(long ms) {
    long s = Math.max(0, (ms + 500) / 1000);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }
    long minutes = (s + 30) / 60;
    return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
  }

  /** A share from 0 to 1 as a whole percent, rounded half up: "35%". */
  static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /** Time since the session's start as on a clock: "4:05", "1:02:03". */
  static String clock(long offsetMs) {
    long s = Math.max(0, offsetMs / 1000);
    if (s < 3600) {
      return String.format("%d:%02d", s / 60, s % 60);
    }
    return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  /** A name for a label: at most {@code max} characters (whole code points), "…" when cut; never blank. */
  static String label(String name, int max) {
    if (name == null || name.isBlank()) {
      return "(no name)";
    }
    String trimmed = name(name);
    if (trimmed.codePointCount(0, trimmed.length()) <= max) {
      return trimmed;
    }
    return trimmed.substring(0, trimmed.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** A name for text alternatives and tables: whole, on one line, never blank. */
  static String name(String name) {
    return name == null || name.isBlank() ? "(no name)" : WHITESPACE.matcher(name.strip()).replaceAll(" ");
  }
}
