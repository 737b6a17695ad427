package org.talkingpiece.floor;

import java.util.List;
import java.util.Objects;
import org.talkingpiece.session.SessionEvent;

/**
 * Every fact about the floor that goes into the session log. {@link Floor#decide} produces them,
 * {@link Floor#apply} folds them, {@link FloorEventCodec} stores them. Anything decided by chance or by
 * the clock (a shuffled order, the time a turn ended) is inside the event, so folding is deterministic.
 *
 * <p>Turns: {@link FloorGiven} opens one; {@link TurnEnded} carries the whole closed {@link Turn} (who,
 * mode, start, end, paused time, how it ended); {@link Passed} withdraws the open turn, because a pass is
 * never counted as a turn and never adds airtime.
 */
public sealed interface FloorEvent extends SessionEvent {

  /** A new activity starts: its settings replace the old ones, and the queue and any round are cleared. */
  record FloorConfigured(FloorSettings settings) implements FloorEvent {
    public FloorConfigured {
      Objects.requireNonNull(settings, "settings");
    }
  }

  record HandRaised(String participantId, long at) implements FloorEvent {}

  record HandLowered(String participantId) implements FloorEvent {}

  /** The facilitator moved someone to {@code toIndex} (0-based) in the queue. */
  record QueueMoved(String participantId, int toIndex) implements FloorEvent {}

  /** The facilitator took someone out of the queue. */
  record QueueRemoved(String participantId) implements FloorEvent {}

  /**
   * Someone gets the floor, which opens a turn. The speaker leaves the queue if their hand was up.
   *
   * @param speakerId a participant id or {@link Turn#FACILITATOR}
   * @param reason why: {@code given} (the facilitator chose them), {@code queue} (next in the queue or
   *     progressive stack), {@code round} (their place in the go-around came up)
   */
  record FloorGiven(String speakerId, String activityId, FloorMode mode, long at, String reason)
      implements FloorEvent {}

  /** The open turn ended; {@code turn} is that turn, closed. */
  record TurnEnded(Turn turn) implements FloorEvent {
    public TurnEnded {
      if (turn == null || turn.isOpen()) {
        throw new IllegalArgumentException("a TurnEnded event carries a closed turn");
      }
    }
  }

  /** The current turn's limit grows by {@code seconds}. */
  record TurnExtended(int seconds) implements FloorEvent {}

  record TimerPaused(long at) implements FloorEvent {}

  record TimerResumed(long at) implements FloorEvent {}

  /**
   * The facilitator switched mode. {@code queueOrder} is the queue as it stood when they switched
   * (the progressive order when leaving progressive mode), so the people waiting keep their places.
   */
  record ModeChanged(FloorMode mode, List<String> queueOrder) implements FloorEvent {
    public ModeChanged {
      queueOrder = List.copyOf(queueOrder);
    }
  }

  /** The facilitator changed the turn limit; it applies to the current turn too. */
  record TurnLimitSet(int seconds, Overtime overtime, int warnSeconds) implements FloorEvent {}

  /** Whether participants see names in the queue, or only their own place. */
  record QueueVisibilitySet(boolean showNames) implements FloorEvent {}

  /**
   * The speaker passed: their open turn is withdrawn (no turn counted, no airtime). In a round they
   * may get the floor again in the extra pass.
   */
  record Passed(String participantId, long at) implements FloorEvent {}

  /**
   * A go-around starts.
   *
   * @param order who gets the floor, in order (already shuffled or arranged)
   * @param secondPass whether those who passed or were skipped get one more chance at the end
   * @param leftOut participants who had joined but whom the facilitator left out of an arranged order;
   *     they are not late joiners
   */
  record RoundStarted(List<String> order, boolean secondPass, List<String> leftOut) implements FloorEvent {
    public RoundStarted {
      order = List.copyOf(order);
      leftOut = List.copyOf(leftOut);
    }
  }

  /** A late joiner goes to the end of the round's first pass. */
  record RoundJoined(String participantId) implements FloorEvent {}

  /** The round went past someone: {@code absent} (disconnected or stepped out) or {@code removed}. */
  record RoundSkipped(String participantId, String reason) implements FloorEvent {}

  /** The first pass is over; those who passed or were skipped get one more chance, in this order. */
  record RoundSecondPass(List<String> order) implements FloorEvent {
    public RoundSecondPass {
      order = List.copyOf(order);
    }
  }

  /** The round is over: {@code completed} or {@code stopped} (by the facilitator or a new activity). */
  record RoundFinished(String how) implements FloorEvent {}

  /** A participant was removed from the session: they leave the queue and the round. */
  record ParticipantLeft(String participantId) implements FloorEvent {}
}
