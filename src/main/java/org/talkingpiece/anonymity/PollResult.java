package org.talkingpiece.anonymity;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Released poll results, ready for counts and a bar chart, with the small-cell rule already applied
 * ({@link SmallCells}): a row carries its count only when both the people who chose it and the
 * respondents who did not are at least {@code k}; otherwise it carries only the reason it is hidden.
 *
 * @param type single, multiple or scale (for multiple choice, shares are of respondents and add up
 *     to more than 100%)
 * @param released whether the threshold was met; when false, {@code rows} is empty
 * @param rows every option in order, "prefer not to say" last, each shown or hidden
 * @param respondents people counted in the released tally
 * @param answered people who have answered so far (always shown, even below the threshold)
 * @param k the smallest group a shown count may single out, on either side
 */
public record PollResult(
    PollSpec.PollType type, boolean released, List<Row> rows, int respondents, int answered, int k) {
  public PollResult {
    rows = List.copyOf(rows);
  }

  /** One bar: the option and what may be said of its count. */
  public record Row(String key, String label, SmallCells.Cell cell) {
    /** The count, when it may be shown. */
    public OptionalInt count() {
      return cell instanceof SmallCells.Shown s ? OptionalInt.of(s.count()) : OptionalInt.empty();
    }

    /** Why the count is not shown, or {@code null} when it is. */
    public SmallCells.Reason hidden() {
      return cell instanceof SmallCells.Hidden h ? h.reason() : null;
    }
  }

  /** A shown bar's length as a share of respondents, 0 to 1; empty when its count is hidden. */
  public OptionalDouble share(Row row) {
    OptionalInt count = row.count();
    if (count.isEmpty() || respondents == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((double) count.getAsInt() / respondents);
  }
}
