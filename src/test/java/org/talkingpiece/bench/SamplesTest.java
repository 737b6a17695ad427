package org.talkingpiece.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SamplesTest {
  private static Samples of(long... values) {
    Samples s = new Samples();
    for (long v : values) {
      s.add(v);
    }
    return s;
  }

  @Test
  @DisplayName("nearest rank: of 1..100 the 50th percentile is 50, the 99th is 99, the 100th is the maximum")
  void hundredValues() {
    Samples s = new Samples();
    for (long v = 100; v >= 1; v--) {
      s.add(v);
    }
    assertThat(s.percentile(50)).isEqualTo(50);
    assertThat(s.percentile(99)).isEqualTo(99);
    assertThat(s.percentile(99.5)).isEqualTo(100);
    assertThat(s.max()).isEqualTo(100);
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.mean()).isEqualTo(50.5);
  }

  @Test
  @DisplayName("every percentile is a value that was measured, never an interpolation")
  void fewValues() {
    Samples s = of(30, 10, 20);
    assertThat(s.percentile(1)).isEqualTo(10);
    assertThat(s.percentile(33.3)).isEqualTo(10);
    assertThat(s.percentile(50)).isEqualTo(20);
    assertThat(s.percentile(66.7)).isEqualTo(30);
    assertThat(s.percentile(99)).isEqualTo(30);
    assertThat(of(7).percentile(50)).isEqualTo(7);
  }

  @Test
  @DisplayName("adding after a percentile was read sorts again; the list grows past its first capacity")
  void addAfterReading() {
    Samples s = of(5, 1);
    assertThat(s.max()).isEqualTo(5);
    for (int i = 0; i < 1_000; i++) {
      s.add(2);
    }
    s.add(9);
    assertThat(s.max()).isEqualTo(9);
    assertThat(s.percentile(50)).isEqualTo(2);
    assertThat(s.count()).isEqualTo(1_003);
  }

  @Test
  @DisplayName("addAll takes every sample of another list; clear empties")
  void addAllAndClear() {
    Samples s = of(1, 2);
    s.addAll(of(3, 4, 5));
    assertThat(s.count()).isEqualTo(5);
    assertThat(s.percentile(60)).isEqualTo(3);
    s.clear();
    assertThat(s.count()).isZero();
  }

  @Test
  @DisplayName("an empty list has no percentile, and a percentile outside (0, 100] is refused")
  void refusals() {
    assertThrows(IllegalStateException.class, () -> new Samples().percentile(50));
    assertThrows(IllegalStateException.class, () -> new Samples().min());
    assertThrows(IllegalArgumentException.class, () -> of(1).percentile(0));
    assertThrows(IllegalArgumentException.class, () -> of(1).percentile(100.1));
  }
}
