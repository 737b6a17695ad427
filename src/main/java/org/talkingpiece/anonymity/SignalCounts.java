package org.talkingpiece.anonymity;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the facilitator sees of signals: for each kind, how many were sent in the session and how many
 * are not yet acknowledged. Nothing else exists to show: no names, no times.
 */
public record SignalCounts(Map<SignalKind, Integer> total, Map<SignalKind, Integer> unseen) {
  public SignalCounts {
    total = Map.copyOf(total);
    unseen = Map.copyOf(unseen);
  }

  public static SignalCounts none() {
    Map<SignalKind, Integer> zero = new EnumMap<>(SignalKind.class);
    for (SignalKind k : SignalKind.values()) {
      zero.put(k, 0);
    }
    return new SignalCounts(zero, zero);
  }

  public int total(SignalKind kind) {
    return total.getOrDefault(kind, 0);
  }

  public int unseen(SignalKind kind) {
    return unseen.getOrDefault(kind, 0);
  }
}
