package org.talkingpiece.anonymity;

import java.util.List;

/**
 * Released poll results, ready for counts and a bar chart.
 *
 * @param type single, multiple or scale (for multiple choice, shares are of respondents and add up
 *     to more than 100%)
 * @param released whether the threshold was met; when false, {@code rows} is empty
 * @param rows every option in order, "prefer not to say" last, with its released count
 * @param respondents people counted in the released tally
 * @param answered people who have answered so far (always shown, even below the threshold)
 */
public record PollResult(PollSpec.PollType type, boolean released, List<Row> rows, int respondents, int answered) {
  public PollResult {
    rows = List.copyOf(rows);
  }

  /** One bar: the option and its count. */
  public record Row(String key, String label, int count) {}

  /** A bar's length as a share of respondents, 0 to 1. */
  public double share(Row row) {
    return respondents == 0 ? 0 : (double) row.count() / respondents;
  }
}
