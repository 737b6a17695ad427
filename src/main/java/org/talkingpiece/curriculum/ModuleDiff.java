package org.talkingpiece.curriculum;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two module versions, as a unified diff of their YAML exports: the same
 * text authors see in git, so the browser and a code review agree.
 */
public final class ModuleDiff {
  /** Lines of unchanged text shown around each change. */
  static final int CONTEXT = 3;

  public enum Kind {
    /** {@code @@ -a,b +c,d @@}: where the next group of changes starts in each version. */
    HUNK,
    CONTEXT,
    ADDED,
    REMOVED
  }

  /** One line to render; {@code text} has no diff prefix ({@code +}, {@code -}, space). */
  public record Line(Kind kind, String text) {}

  private ModuleDiff() {}

  /** The changes from {@code a} to {@code b}; empty when their exports are identical. */
  public static List<Line> between(Module a, Module b) {
    List<String> from = ModuleYaml.export(a).lines().toList();
    List<String> to = ModuleYaml.export(b).lines().toList();
    Patch<String> patch = DiffUtils.diff(from, to);
    List<Line> lines = new ArrayList<>();
    if (patch.getDeltas().isEmpty()) {
      return lines;
    }
    List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(a.key(), b.key(), from, patch, CONTEXT);
    // The first two lines name the files (--- a, +++ b); callers already know which versions they are.
    for (String line : unified.subList(2, unified.size())) {
      lines.add(line.startsWith("@@") ? new Line(Kind.HUNK, line)
          : line.startsWith("+") ? new Line(Kind.ADDED, line.substring(1))
          : line.startsWith("-") ? new Line(Kind.REMOVED, line.substring(1))
          : new Line(Kind.CONTEXT, line.isEmpty() ? "" : line.substring(1)));
    }
    return lines;
  }
}
