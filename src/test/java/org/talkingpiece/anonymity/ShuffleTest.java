package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShuffleTest {

  @Test
  @DisplayName("A batch comes out in a random order: the same seed gives the same order, not the arrival order")
  void seeded() {
    List<Integer> arrival = IntStream.range(0, 10).boxed().toList();
    List<Integer> a = Shuffle.shuffled(arrival, new SplittableRandom(42));
    List<Integer> b = Shuffle.shuffled(arrival, new SplittableRandom(42));
    List<Integer> c = Shuffle.shuffled(arrival, new SplittableRandom(7));
    assertThat(a).containsExactlyInAnyOrderElementsOf(arrival).isNotEqualTo(arrival).isEqualTo(b);
    assertThat(c).isNotEqualTo(a);
  }
}
