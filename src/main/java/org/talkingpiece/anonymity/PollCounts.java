package org.talkingpiece.anonymity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A poll tally: votes per option key (in option order, zeros included) and the number of people who
 * answered. In multiple choice one respondent can count towards several options.
 */
public record PollCounts(Map<String, Integer> counts, int respondents) {
  public PollCounts {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  static PollCounts zero(PollSpec spec) {
    Map<String, Integer> zeros = new LinkedHashMap<>();
    spec.options().forEach(o -> zeros.put(o.key(), 0));
    return new PollCounts(zeros, 0);
  }
}
