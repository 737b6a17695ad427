package org.talkingpiece.airtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.talkingpiece.floor.Turn;

/**
 * Airtime figures from a session's turns, exactly as SPEC "Airtime: exact definitions" states them.
 *
 * <p>Pure: the time comes in as {@code now} (from the caller's injected clock) and nothing is kept
 * between calls, so any thread may call it. Rules applied:
 * <ul>
 *   <li>participants are the members who joined by {@code now} and were not removed;
 *   <li>turns by the facilitator ({@link Turn#FACILITATOR}) count only in the facilitator's own figures;
 *   <li>turns by removed or unknown speakers count nowhere;
 *   <li>an open turn counts up to {@code now}, paused time left out ({@link Turn#durationAt(long)}).
 * </ul>
 */
public final class AirtimeProjection {
  private AirtimeProjection() {}

  /**
   * The figures at {@code now}.
   *
   * @param turns every turn of the session so far, any order
   * @param members everyone who joined, removed ones included (they are left out here)
   * @param k the session's anonymity threshold (at least {@link GroupParity#MIN_K})
   * @param categories the facilitator's self-identification categories, in order; empty for none
   * @throws org.talkingpiece.shared.AppException {@code invalid-input} for k below the minimum or a
   *     participant listed twice
   */
  public static AirtimeSnapshot at(
      List<Turn> turns, List<Member> members, long now, int k, List<String> categories) {
    GroupParity.requireK(k);
    Population.requireUniqueIds(members);
    return compute(turns, Population.at(members, now), now, now, turn -> true, k, categories);
  }

  /**
   * The figures for {@code present} up to {@code upTo}, counting only turns {@code include} accepts.
   * The building block of {@link #at}, the balance series and the per-activity breakdown.
   */
  static AirtimeSnapshot compute(
      List<Turn> turns, List<Member> present, long upTo, long now,
      Predicate<Turn> include, int k, List<String> categories) {
    Objects.requireNonNull(turns, "turns");
    Tally tally = Tally.of(turns, upTo, now, include);
    int n = present.size();
    long[] airtime = new long[n];
    long total = 0;
    int totalTurns = 0;
    int heard = 0;
    for (int i = 0; i < n; i++) {
      String id = present.get(i).participantId();
      airtime[i] = tally.airtime(id);
      total = Math.addExact(total, airtime[i]);
      totalTurns += tally.turns(id);
      heard += tally.turns(id) > 0 ? 1 : 0;
    }
    List<AirtimeSnapshot.ParticipantAirtime> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Member m = present.get(i);
      int count = tally.turns(m.participantId());
      rows.add(new AirtimeSnapshot.ParticipantAirtime(
          m.participantId(), m.name(), airtime[i], count,
          AirtimeMath.share(airtime[i], total), AirtimeMath.mean(airtime[i], count)));
    }
    return new AirtimeSnapshot(
        upTo, rows, total, totalTurns,
        AirtimeMath.gini(airtime), AirtimeMath.balance(airtime),
        new AirtimeSnapshot.VoicesHeard(heard, n),
        new AirtimeSnapshot.FacilitatorAirtime(tally.airtime(Turn.FACILITATOR), tally.turns(Turn.FACILITATOR)),
        GroupParity.compute(present, airtime, total, k, List.copyOf(new LinkedHashSet<>(categories))));
  }
}
