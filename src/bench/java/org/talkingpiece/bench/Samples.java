package org.talkingpiece.bench;

import java.util.Arrays;

/**
 * A growing list of measurements (microseconds, bytes, ...) and their nearest-rank percentiles:
 * the p-th percentile is the smallest sample with at least p % of the samples at or below it, so
 * every figure reported is one that was actually measured.
 */
public final class Samples {
  private long[] values = new long[256];
  private int size;
  private boolean sorted = true;

  public synchronized void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
    sorted = false;
  }

  public synchronized void addAll(Samples other) {
    long[] theirs;
    int n;
    synchronized (other) {
      theirs = other.values;
      n = other.size;
    }
    for (int i = 0; i < n; i++) {
      add(theirs[i]);
    }
  }

  public synchronized void clear() {
    size = 0;
    sorted = true;
  }

  public synchronized int count() {
    return size;
  }

  /** The nearest-rank percentile, {@code 0 < p <= 100}; fails on an empty list. */
  public synchronized long percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    sort();
    int rank = (int) Math.ceil(p / 100.0 * size);
    return values[Math.max(0, rank - 1)];
  }

  public synchronized long max() {
    return percentile(100);
  }

  public synchronized long min() {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    sort();
    return values[0];
  }

  public synchronized double mean() {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    return sum / size;
  }

  private void sort() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
  }
}
