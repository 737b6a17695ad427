package org.talkingpiece.airtime;

import java.util.Arrays;

/**
 * The fairness maths of SPEC "Airtime: exact definitions", on plain arrays of milliseconds.
 *
 * <p>Gini: G = ΣiΣj|xi−xj| / (2·n·Σx), with G = 0 when Σx = 0. The double sum is computed exactly in
 * O(n log n): with x sorted ascending and i counted from 1, ΣiΣj|xi−xj| = 2·Σi (2i−n−1)·x(i). All sums
 * are {@code long}; they overflow (and throw {@link ArithmeticException}) only far beyond any session
 * (over 10^14 ms·participants). Balance rounds half up with exact integer arithmetic, so
 * {@code 37.5} gives {@code 38} and no binary fraction can tip a result. Stateless and thread-safe.
 */
final class AirtimeMath {
  private AirtimeMath() {}

  /** ΣiΣj|xi−xj| over all ordered pairs, exactly. */
  static long pairwiseDifferenceSum(long[] values) {
    long[] x = values.clone();
    Arrays.sort(x);
    int n = x.length;
    long half = 0;
    for (int i = 0; i < n; i++) {
      long weight = 2L * (i + 1) - n - 1;
      half = Math.addExact(half, Math.multiplyExact(weight, x[i]));
    }
    return Math.multiplyExact(2L, half);
  }

  /** The Gini denominator 2·n·Σx. */
  static long giniDenominator(long[] values) {
    return Math.multiplyExact(2L * values.length, sum(values));
  }

  /** G in [0, 1 − 1/n]; 0 when nobody has airtime (or there is nobody). */
  static double gini(long[] values) {
    long denominator = giniDenominator(values);
    if (denominator == 0) {
      return 0.0;
    }
    return (double) pairwiseDifferenceSum(values) / (double) denominator;
  }

  /** round(100·(1−G)) as a whole number from 0 to 100, rounding halves up; 100 when Σx = 0. */
  static int balance(long[] values) {
    long d = giniDenominator(values);
    if (d == 0) {
      return 100;
    }
    long keep = d - pairwiseDifferenceSum(values); // 100·keep/d, rounded half up = ⌊(200·keep + d) / 2d⌋
    return (int) Math.floorDiv(Math.addExact(Math.multiplyExact(200L, keep), d), Math.multiplyExact(2L, d));
  }

  /** part / whole, or 0 when whole is 0. */
  static double share(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / (double) whole;
  }

  /** total / count rounded half up to the millisecond, or 0 when count is 0. */
  static long mean(long total, long count) {
    return count == 0 ? 0 : Math.floorDiv(Math.addExact(Math.multiplyExact(2L, total), count), 2L * count);
  }

  /** {@code value} rounded half up to {@code places} decimals (for figures that must stay coarse). */
  static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }

  static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total = Math.addExact(total, v);
    }
    return total;
  }
}
