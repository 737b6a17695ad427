package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.talkingpiece.anonymity.SmallCells.Cell;
import org.talkingpiece.anonymity.SmallCells.Hidden;
import org.talkingpiece.anonymity.SmallCells.Reason;
import org.talkingpiece.anonymity.SmallCells.Shown;

/**
 * The small-cell rule, attacked the strongest way we know: for every tally a group could produce, a
 * reader who knows the rule, the total and everything shown lists every tally that would have shown
 * the same thing. Each hidden count must still have at least two possible values in that list.
 */
class SmallCellsTest {

  @Test
  @DisplayName("Ten answer a single-choice poll with k = 5: 9 of 10 is hidden as 'all but fewer than k', and so is the 1 beside it")
  void nineOfTen() {
    List<Cell> cells = SmallCells.partition(new int[] {9, 1, 0}, 10, 5);
    assertThat(cells).doesNotHaveAnyElementsOfTypes(Shown.class);
    assertThat(cells).containsExactly(new Hidden(Reason.ALL_BUT_FEWER_THAN_K), new Hidden(Reason.FEWER_THAN_K),
        new Hidden(Reason.FEWER_THAN_K));
  }

  @Test
  @DisplayName("Thirty answer with k = 5: big counts are shown, the two small ones hidden together")
  void thirty() {
    assertThat(SmallCells.partition(new int[] {20, 8, 2, 0}, 30, 5)).containsExactly(
        new Shown(20), new Shown(8), new Hidden(Reason.FEWER_THAN_K), new Hidden(Reason.FEWER_THAN_K));
  }

  @Test
  @DisplayName("One hidden count beside shown ones could be worked out from the total, so every count is withheld")
  void complementary() {
    assertThat(SmallCells.partition(new int[] {5, 5, 0}, 10, 5)).containsOnly(new Hidden(Reason.WITHHELD));
    assertThat(SmallCells.partition(new int[] {12, 15, 3}, 30, 5)).containsOnly(new Hidden(Reason.WITHHELD));
  }

  @Test
  @DisplayName("Eight in two answers of four each: the reasons alone would pin both, so they are withheld")
  void reasonsPin() {
    assertThat(SmallCells.partition(new int[] {4, 4}, 8, 5)).containsOnly(new Hidden(Reason.WITHHELD));
  }

  @Test
  @DisplayName("A shown count is never 0 % or 100 %, nor within k of either")
  void shownShares() {
    for (int n = 2; n <= 40; n++) {
      for (int c = 0; c <= n; c++) {
        List<Cell> cells = SmallCells.partition(new int[] {c, n - c}, n, 5);
        for (Cell cell : cells) {
          if (cell instanceof Shown s) {
            assertThat(s.count()).isBetween(5, n - 5);
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "single choice and scales: k = {0}, {1} respondents, {2} answers")
  @CsvSource({"5,6,2", "5,6,3", "5,6,4", "5,9,3", "5,9,4", "5,10,2", "5,10,3", "5,10,4", "5,10,5", "5,12,4",
      "5,30,2", "5,30,3", "5,30,4", "3,4,3", "3,7,4", "3,8,5", "4,9,4"})
  void partitionNeverPinsAHiddenCount(int k, int n, int answers) {
    Map<List<Cell>, List<int[]>> byDisplay = new HashMap<>();
    for (int[] tally : compositions(n, answers)) {
      List<Cell> shown = SmallCells.partition(tally, n, k);
      assertShownAreTrue(shown, tally, n, k);
      byDisplay.computeIfAbsent(shown, d -> new ArrayList<>()).add(tally);
    }
    assertEveryHiddenCountHasTwoValues(byDisplay);
  }

  @ParameterizedTest(name = "multiple choice: k = {0}, {1} respondents, {2} answers and 'prefer not to say'")
  @CsvSource({"5,6,2", "5,6,3", "5,9,2", "5,9,3", "5,10,2", "5,10,3", "5,12,3", "5,30,2", "3,6,3", "3,7,3", "4,8,3"})
  void multipleChoiceNeverPinsAHiddenCount(int k, int n, int answers) {
    Map<List<Cell>, List<int[]>> byDisplay = new HashMap<>();
    for (int p = 0; p <= n; p++) {
      int t = n - p;
      for (int[] ticks : boxes(answers, t)) {
        if (t > 0 && Arrays.stream(ticks).sum() < t) {
          continue; // everyone who answered ticked at least one box
        }
        int[] tally = Arrays.copyOf(ticks, answers + 1);
        tally[answers] = p;
        List<Cell> shown = SmallCells.multipleChoice(ticks, p, n, k);
        assertShownAreTrue(shown, tally, n, k);
        byDisplay.computeIfAbsent(shown, d -> new ArrayList<>()).add(tally);
      }
    }
    assertEveryHiddenCountHasTwoValues(byDisplay);
  }

  private static void assertShownAreTrue(List<Cell> shown, int[] tally, int n, int k) {
    for (int i = 0; i < tally.length; i++) {
      if (shown.get(i) instanceof Shown s) {
        assertThat(s.count()).isEqualTo(tally[i]);
        assertThat(SmallCells.showable(tally[i], n, k)).isTrue();
      }
    }
  }

  private static void assertEveryHiddenCountHasTwoValues(Map<List<Cell>, List<int[]>> byDisplay) {
    byDisplay.forEach((display, tallies) -> {
      for (int i = 0; i < display.size(); i++) {
        if (display.get(i) instanceof Hidden) {
          Set<Integer> values = new HashSet<>();
          for (int[] t : tallies) {
            values.add(t[i]);
          }
          int cell = i;
          assertThat(values).as(() -> "hidden count " + cell + " of " + display + ", e.g. " + Arrays.toString(tallies.get(0)))
              .hasSizeGreaterThan(1);
        }
      }
    });
  }

  private static List<int[]> compositions(int n, int parts) {
    List<int[]> out = new ArrayList<>();
    compose(n, new int[parts], 0, out);
    return out;
  }

  private static void compose(int left, int[] cur, int i, List<int[]> out) {
    if (i == cur.length - 1) {
      cur[i] = left;
      out.add(cur.clone());
      return;
    }
    for (int v = 0; v <= left; v++) {
      cur[i] = v;
      compose(left - v, cur, i + 1, out);
    }
  }

  private static List<int[]> boxes(int size, int max) {
    List<int[]> out = new ArrayList<>();
    int[] cur = new int[size];
    while (true) {
      out.add(cur.clone());
      int i = 0;
      while (i < size && cur[i] == max) {
        cur[i++] = 0;
      }
      if (i == size) {
        return out;
      }
      cur[i]++;
    }
  }
}
