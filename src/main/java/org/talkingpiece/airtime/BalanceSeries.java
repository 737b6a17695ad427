package org.talkingpiece.airtime;

import java.util.ArrayList;
import java.util.List;
import org.talkingpiece.floor.Turn;

/**
 * Balance over time: the balance recomputed from the session's start to its end at a regular step,
 * each point over the participants present at that moment. Pure and thread-safe.
 */
public final class BalanceSeries {
  /** Points are this far apart unless the session is so long that more than {@link #MAX_POINTS} result. */
  static final long STEP_MS = 30_000;
  /** Enough for a smooth line on paper; a longer session gets a coarser step (a multiple of 30 s). */
  static final int MAX_POINTS = 720;

  private BalanceSeries() {}

  /** The step used between {@code from} and {@code to}. */
  public static long step(long from, long to) {
    long span = Math.max(0, to - from);
    long steps = Math.max(1, -Math.floorDiv(-span, STEP_MS * MAX_POINTS)); // ⌈span / (STEP·MAX)⌉
    return STEP_MS * steps;
  }

  /**
   * Points at {@code from + step}, {@code from + 2·step}, … and always one at {@code to}; empty when the
   * session never started ({@code from < 0}). No point at {@code from} itself: nobody has spoken then, so
   * it would always read 100.
   *
   * @param now the current time, where open turns stop counting
   */
  public static List<BalancePoint> of(List<Turn> turns, List<Member> members, long from, long to, long now) {
    List<BalancePoint> points = new ArrayList<>();
    if (from < 0 || to < from) {
      return points;
    }
    long step = step(from, to);
    for (long t = from + step; t < to; t += step) {
      points.add(point(turns, members, from, t, now));
    }
    points.add(point(turns, members, from, to, now));
    return points;
  }

  private static BalancePoint point(List<Turn> turns, List<Member> members, long from, long t, long now) {
    AirtimeSnapshot s = AirtimeProjection.compute(
        turns, Population.at(members, t), t, now, turn -> true, GroupParity.MIN_K, List.of());
    return new BalancePoint(t, t - from, s.balance(), s.voicesHeard().count(), s.voicesHeard().of());
  }
}
