package org.talkingpiece.airtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Balance maths")
class AirtimeMathTest {

  @Test
  @DisplayName("equal airtime for everyone shows a balance of 100")
  void equalAirtime() {
    long[] x = {60_000, 60_000, 60_000, 60_000, 60_000};
    assertThat(AirtimeMath.gini(x)).isEqualTo(0.0);
    assertThat(AirtimeMath.balance(x)).isEqualTo(100);
  }

  @Test
  @DisplayName("one speaker among n gives the largest Gini (n−1)/n and a balance of round(100/n)")
  void oneSpeaker() {
    for (int n = 1; n <= 12; n++) {
      long[] x = new long[n];
      x[n - 1] = 90_000;
      assertThat(AirtimeMath.gini(x)).as("n=%d", n).isEqualTo((double) (n - 1) / n);
      // round half up: n=8 → 12.5 → 13
      assertThat(AirtimeMath.balance(x)).as("n=%d", n).isEqualTo((int) Math.floor(100.0 / n + 0.5));
    }
    assertThat(AirtimeMath.balance(new long[] {0, 0, 0, 0, 0, 0, 0, 5})).isEqualTo(13);
    assertThat(AirtimeMath.balance(new long[] {0, 0, 7})).isEqualTo(33);
  }

  @Test
  @DisplayName("people who have not spoken count as zeros")
  void zerosIncluded() {
    // x = [0, 0, 30, 90], n = 4, Σx = 120.
    // Unordered pairs: |0−0| = 0; |0−30| twice = 60; |0−90| twice = 180; |30−90| = 60 → 300.
    // Ordered double sum ΣiΣj = 600. G = 600 / (2·4·120) = 600/960 = 0.625.
    // Balance = round(100·0.375) = round(37.5) = 38 (halves round up).
    long[] x = {0, 30, 0, 90};
    assertThat(AirtimeMath.pairwiseDifferenceSum(x)).isEqualTo(600);
    assertThat(AirtimeMath.gini(x)).isEqualTo(0.625);
    assertThat(AirtimeMath.balance(x)).isEqualTo(38);
    // Without the zeros the group would look far more balanced: [30, 90] → G = 120/480 = 0.25.
    assertThat(AirtimeMath.gini(new long[] {30, 90})).isEqualTo(0.25);
  }

  @Test
  @DisplayName("before anyone speaks the balance is 100, with or without participants")
  void noAirtime() {
    assertThat(AirtimeMath.gini(new long[] {0, 0, 0})).isEqualTo(0.0);
    assertThat(AirtimeMath.balance(new long[] {0, 0, 0})).isEqualTo(100);
    assertThat(AirtimeMath.gini(new long[0])).isEqualTo(0.0);
    assertThat(AirtimeMath.balance(new long[0])).isEqualTo(100);
  }

  @Test
  @DisplayName("the fast Gini equals the double-sum definition exactly on random sessions")
  void fastGiniEqualsDefinition() {
    Random random = new Random(20240611L);
    for (int round = 0; round < 500; round++) {
      int n = 1 + random.nextInt(40);
      long[] x = new long[n];
      for (int i = 0; i < n; i++) {
        x[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(600_000);
      }
      long doubleSum = 0;
      long sum = 0;
      for (long xi : x) {
        sum += xi;
        for (long xj : x) {
          doubleSum += Math.abs(xi - xj);
        }
      }
      double definition = sum == 0 ? 0.0 : (double) doubleSum / (2.0 * n * sum);
      long expectedBalance = sum == 0 ? 100 : Math.round(100 * (1 - definition));

      assertThat(AirtimeMath.pairwiseDifferenceSum(x)).isEqualTo(doubleSum);
      assertThat(AirtimeMath.gini(x)).isEqualTo(definition);
      assertThat((long) AirtimeMath.balance(x)).isEqualTo(expectedBalance);
    }
  }

  @Test
  @DisplayName("shares and mean turn lengths never divide by zero")
  void sharesAndMeans() {
    assertThat(AirtimeMath.share(5, 0)).isEqualTo(0.0);
    assertThat(AirtimeMath.share(1, 4)).isEqualTo(0.25);
    assertThat(AirtimeMath.mean(0, 0)).isZero();
    assertThat(AirtimeMath.mean(10, 4)).isEqualTo(3); // 2.5 rounds up
    assertThat(AirtimeMath.mean(9, 4)).isEqualTo(2); // 2.25
  }

  @Test
  @DisplayName("absurdly large totals fail loudly instead of showing a wrong balance")
  void overflowIsLoud() {
    assertThatThrownBy(() -> AirtimeMath.gini(new long[] {Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 1}))
        .isInstanceOf(ArithmeticException.class);
  }
}
