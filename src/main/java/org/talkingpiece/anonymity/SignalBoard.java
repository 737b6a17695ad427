package org.talkingpiece.anonymity;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Signals ("ouch", "pause") of one session. They carry no content, so they reach the facilitator at
 * once, as counts. Immutable; owned by the session owner, used from its thread only.
 *
 * <p>A participant's tap counts once until the facilitator acknowledges that kind: tapping again in
 * between changes nothing, so the count means "people", and one person cannot flood it. The set of
 * who has an unacknowledged tap lives in memory only, is never stored, shown or logged, and is emptied
 * by the acknowledgement; {@link #counts()} is the only view.
 */
public final class SignalBoard {
  private final SignalCounts counts;
  private final Map<SignalKind, Set<ParticipantRef>> pending;

  private SignalBoard(SignalCounts counts, Map<SignalKind, Set<ParticipantRef>> pending) {
    this.counts = counts;
    this.pending = pending;
  }

  public static SignalBoard empty() {
    return restore(SignalCounts.none());
  }

  /** From the stored counts; after a restart everyone may tap again. */
  public static SignalBoard restore(SignalCounts counts) {
    Map<SignalKind, Set<ParticipantRef>> pending = new EnumMap<>(SignalKind.class);
    for (SignalKind k : SignalKind.values()) {
      pending.put(k, Set.of());
    }
    return new SignalBoard(counts, pending);
  }

  /** What to store, and the board to adopt once stored. */
  public record SignalStep(SignalChange change, SignalBoard next) {}

  /**
   * A participant taps a signal.
   *
   * @param who the participant's ref from {@link ParticipantRefs#forSignals}
   * @return the step, or empty when this person's tap of this kind is still unacknowledged
   */
  public Optional<SignalStep> tap(SignalKind kind, ParticipantRef who) {
    Objects.requireNonNull(who, "who");
    if (pending.get(kind).contains(who)) {
      return Optional.empty();
    }
    Map<SignalKind, Set<ParticipantRef>> nextPending = new EnumMap<>(pending);
    Set<ParticipantRef> refs = new HashSet<>(pending.get(kind));
    refs.add(who);
    nextPending.put(kind, Set.copyOf(refs));
    SignalCounts next = new SignalCounts(bump(counts.total(), kind, 1), bump(counts.unseen(), kind, 1));
    return Optional.of(new SignalStep(new SignalChange(kind, false), new SignalBoard(next, nextPending)));
  }

  /** The facilitator has seen the signals of this kind: unseen goes to zero, the total stays. */
  public SignalStep acknowledge(SignalKind kind) {
    Map<SignalKind, Set<ParticipantRef>> nextPending = new EnumMap<>(pending);
    nextPending.put(kind, Set.of());
    Map<SignalKind, Integer> unseen = bump(counts.unseen(), kind, 0);
    unseen.put(kind, 0);
    return new SignalStep(new SignalChange(kind, true),
        new SignalBoard(new SignalCounts(counts.total(), unseen), nextPending));
  }

  /** Whether this participant's tap is waiting for the facilitator (for their own screen only). */
  public boolean isPending(SignalKind kind, ParticipantRef who) {
    return pending.get(kind).contains(who);
  }

  public SignalCounts counts() {
    return counts;
  }

  private static Map<SignalKind, Integer> bump(Map<SignalKind, Integer> map, SignalKind kind, int by) {
    Map<SignalKind, Integer> next = new EnumMap<>(SignalKind.class);
    next.putAll(map);
    next.merge(kind, by, Integer::sum);
    return next;
  }

  @Override
  public String toString() {
    return "SignalBoard[" + counts + "]";
  }
}
