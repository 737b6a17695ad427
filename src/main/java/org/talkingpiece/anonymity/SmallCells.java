package org.talkingpiece.anonymity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small-cell protection for released counts: a poll option, a scale point, "prefer not to say".
 *
 * <p>The rule. A count {@code c} out of {@code n} respondents is shown only when both the people it
 * counts and the people it does not are at least {@code k}: {@code c >= k} and {@code n - c >= k}.
 * So a shown share is never 0 % or 100 %, nor close enough to either to single out fewer than
 * {@code k} people. Every other count is hidden, and the reader is told why: "fewer than k" chose it,
 * or "all but fewer than k" did.
 *
 * <p>Complementary suppression. A reader also knows the total, the shown counts and how the counts
 * hang together (single-choice answers add up to the total; in multiple choice everyone who did not
 * prefer not to say ticked at least one box). When that is enough to work out any hidden count
 * exactly, every count is hidden with no reason given ({@link Reason#WITHHELD}) and only the number
 * of respondents is shown. The choice between the two depends only on what the reader can see, so
 * knowing this rule tells a reader nothing more: a test tries every possible tally and checks that
 * each hidden count could still have been at least two different numbers.
 *
 * <p>Pure and deterministic; safe to call from any thread.
 */
public final class SmallCells {
  private SmallCells() {}

  /** Why a count is not shown. */
  public enum Reason {
    /** Fewer than k people chose it. */
    FEWER_THAN_K,
    /** At least k chose it, but fewer than k of the respondents did not. */
    ALL_BUT_FEWER_THAN_K,
    /** Hidden with no reason given, because the reasons together would give a count away. */
    WITHHELD
  }

  /** What a reader is shown for one count. */
  public sealed interface Cell permits Shown, Hidden {}

  /** A count shown as it is. */
  public record Shown(int count) implements Cell {}

  /** A count not shown, with the reason a reader may see. */
  public record Hidden(Reason reason) implements Cell {}

  /** Whether a count of {@code count} out of {@code total} may be shown on its own. */
  public static boolean showable(int count, int total, int k) {
    return count >= k && total - count >= k;
  }

  /**
   * Counts that add up to {@code total}: the answers of a single-choice poll or the points of a
   * scale, "prefer not to say" included.
   *
   * @throws IllegalArgumentException when the counts do not add up to the total, or k is below 2
   */
  public static List<Cell> partition(int[] counts, int total, int k) {
    check(counts, total, k);
    if (Arrays.stream(counts).sum() != total) {
      throw new IllegalArgumentException("the counts of a partition must add up to its total");
    }
    Cell[] cells = firstPass(counts, total, k);
    return List.of(partitionPinned(cells, total, k) ? withheld(cells.length) : cells);
  }

  /**
   * A multiple-choice poll: how many ticked each answer, and how many preferred not to say (who
   * ticked nothing else). Everyone else ticked at least one answer. The cells come back in the
   * order of {@code answerCounts}, then the cell for "prefer not to say".
   */
  public static List<Cell> multipleChoice(int[] answerCounts, int preferNot, int respondents, int k) {
    check(answerCounts, respondents, k);
    if (preferNot < 0 || preferNot > respondents) {
      throw new IllegalArgumentException("\"prefer not to say\" must be between 0 and the respondents");
    }
    int[] all = Arrays.copyOf(answerCounts, answerCounts.length + 1);
    all[answerCounts.length] = preferNot;
    Cell[] cells = firstPass(all, respondents, k);
    return List.of(multiplePinned(cells, respondents, k) ? withheld(cells.length) : cells);
  }

  private static Cell[] firstPass(int[] counts, int total, int k) {
    Cell[] cells = new Cell[counts.length];
    for (int i = 0; i < counts.length; i++) {
      int c = counts[i];
      if (c < 0 || c > total) {
        throw new IllegalArgumentException("a count must be between 0 and the total");
      }
      if (showable(c, total, k)) {
        cells[i] = new Shown(c);
      } else {
        cells[i] = new Hidden(c < k ? Reason.FEWER_THAN_K : Reason.ALL_BUT_FEWER_THAN_K);
      }
    }
    return cells;
  }

  /** The values a reader who sees this cell knows it lies in, as {@code {low, high}}. */
  private static int[] range(Cell cell, int total, int k) {
    if (cell instanceof Shown s) {
      return new int[] {s.count(), s.count()};
    }
    return switch (((Hidden) cell).reason()) {
      case FEWER_THAN_K -> new int[] {0, Math.min(k - 1, total)};
      case ALL_BUT_FEWER_THAN_K -> new int[] {Math.max(k, total - k + 1), total};
      case WITHHELD -> new int[] {0, total};
    };
  }

  /**
   * Whether some hidden count of a partition has only one possible value. With one equation (the sum)
   * and a range per count, the values count {@code i} can take form exactly the interval computed here.
   */
  static boolean partitionPinned(Cell[] cells, int total, int k) {
    int[][] r = new int[cells.length][];
    long sumLo = 0;
    long sumHi = 0;
    for (int i = 0; i < cells.length; i++) {
      r[i] = range(cells[i], total, k);
      sumLo += r[i][0];
      sumHi += r[i][1];
    }
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] instanceof Hidden) {
        long lo = Math.max(r[i][0], total - (sumHi - r[i][1]));
        long hi = Math.min(r[i][1], total - (sumLo - r[i][0]));
        if (hi <= lo) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether some hidden count of a multiple-choice poll has only one possible value. The last cell is
   * "prefer not to say" ({@code p}); the {@code t = n - p} others each ticked at least one answer, so
   * every answer count is at most {@code t} and together they are at least {@code t}. For each
   * possible {@code p} the values of each answer count form an interval; a count is pinned when all
   * those intervals together hold one value.
   */
  static boolean multiplePinned(Cell[] cells, int total, int k) {
    int answers = cells.length - 1;
    int[][] r = new int[cells.length][];
    for (int i = 0; i < cells.length; i++) {
      r[i] = range(cells[i], total, k);
    }
    long[] min = new long[cells.length];
    long[] max = new long[cells.length];
    Arrays.fill(min, Long.MAX_VALUE);
    Arrays.fill(max, Long.MIN_VALUE);
    for (int p = r[answers][0]; p <= r[answers][1]; p++) {
      int t = total - p;
      long[] lo = new long[answers];
      long[] hi = new long[answers];
      long sumHi = 0;
      boolean feasible = true;
      for (int i = 0; i < answers; i++) {
        lo[i] = r[i][0];
        hi[i] = Math.min(r[i][1], t);
        feasible &= lo[i] <= hi[i];
        sumHi += hi[i];
      }
      if (!feasible || (t > 0 && sumHi < t)) {
        continue;
      }
      min[answers] = Math.min(min[answers], p);
      max[answers] = Math.max(max[answers], p);
      for (int i = 0; i < answers; i++) {
        long low = t > 0 ? Math.max(lo[i], t - (sumHi - hi[i])) : lo[i];
        min[i] = Math.min(min[i], low);
        max[i] = Math.max(max[i], hi[i]);
      }
    }
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] instanceof Hidden && max[i] <= min[i]) {
        return true;
      }
    }
    return false;
  }

  private static Cell[] withheld(int size) {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      cells.add(new Hidden(Reason.WITHHELD));
    }
    return cells.toArray(Cell[]::new);
  }

  private static void check(int[] counts, int total, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2");
    }
    if (total < 0) {
      throw new IllegalArgumentException("the total must not be negative");
    }
    if (counts.length == 0) {
      throw new IllegalArgumentException("there must be at least one count");
    }
  }
}
