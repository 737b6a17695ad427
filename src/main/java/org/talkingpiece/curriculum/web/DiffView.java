package org.talkingpiece.curriculum.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.talkingpiece.curriculum.ModuleDiff;

/**
 * A {@link ModuleDiff} as the history page shows it: the YAML lines that changed, grouped into
 * hunks with a heading that says where they are in words ("Lines 12 to 18 in version 1, 12 to 19 in
 * version 2"), and each line marked added or removed in text as well as colour.
 */
final class DiffView {
  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");

  private DiffView() {}

  /** Hunks of {@code {heading, lines: [{text, added, removed, sign, word}]}}. */
  static List<Map<String, Object>> lines(List<ModuleDiff.Line> diff, int fromVersion, int toVersion) {
    List<Map<String, Object>> hunks = new ArrayList<>();
    List<Map<String, Object>> current = null;
    for (ModuleDiff.Line line : diff) {
      if (line.kind() == ModuleDiff.Kind.HUNK || current == null) {
        current = new ArrayList<>();
        Map<String, Object> hunk = new HashMap<>();
        hunk.put("heading", line.kind() == ModuleDiff.Kind.HUNK ? heading(line.text(), fromVersion, toVersion) : "");
        hunk.put("lines", current);
        hunks.add(hunk);
        if (line.kind() == ModuleDiff.Kind.HUNK) {
          continue;
        }
      }
      Map<String, Object> m = new HashMap<>();
      m.put("text", line.text());
      m.put("added", line.kind() == ModuleDiff.Kind.ADDED);
      m.put("removed", line.kind() == ModuleDiff.Kind.REMOVED);
      m.put("sign", line.kind() == ModuleDiff.Kind.ADDED ? "+" : line.kind() == ModuleDiff.Kind.REMOVED ? "−" : " ");
      m.put("word", line.kind() == ModuleDiff.Kind.ADDED ? "Added in version " + toVersion + ": "
          : line.kind() == ModuleDiff.Kind.REMOVED ? "Removed from version " + fromVersion + ": " : "Unchanged: ");
      current.add(m);
    }
    return hunks;
  }

  /** "@@ -12,7 +12,8 @@" → "Lines 12 to 18 of version 1, lines 12 to 19 of version 2". */
  static String heading(String hunk, int fromVersion, int toVersion) {
    Matcher m = HUNK.matcher(hunk);
    if (!m.matches()) {
      return hunk;
    }
    return "Lines " + range(m.group(1), m.group(2)) + " of version " + fromVersion + ", lines "
        + range(m.group(3), m.group(4)) + " of version " + toVersion;
  }

  private static String range(String start, String count) {
    int first = Integer.parseInt(start);
    int n = count == null ? 1 : Integer.parseInt(count);
    if (n == 0) {
      return "(none, after line " + first + ")";
    }
    return n == 1 ? String.valueOf(first) : first + " to " + (first + n - 1);
  }
}
