package org.talkingpiece.anonymity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/** Fisher-Yates with an injected generator, so tests can seed it and production can use a strong one. */
final class Shuffle {
  private Shuffle() {}

  static <T> List<T> shuffled(List<T> items, RandomGenerator random) {
    List<T> out = new ArrayList<>(items);
    for (int i = out.size() - 1; i > 0; i--) {
      Collections.swap(out, i, random.nextInt(i + 1));
    }
    return List.copyOf(out);
  }
}
