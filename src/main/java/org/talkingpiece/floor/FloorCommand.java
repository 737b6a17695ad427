package org.talkingpiece.floor;

import java.util.List;
import java.util.Objects;
import org.talkingpiece.shared.AppException;

/**
 * Something a person asks of the floor. Values are checked when a command is built (INVALID_INPUT);
 * who may send it and in which state is checked by {@link Floor#decide}. Build commands from outside
 * input with {@link FloorCommands#parse}.
 */
public sealed interface FloorCommand {

  /** Participant: put my hand up. */
  record RaiseHand() implements FloorCommand {}

  /** Participant: take my hand down. */
  record LowerHand() implements FloorCommand {}

  /** Facilitator: give the floor to a participant, or to {@link Turn#FACILITATOR}. */
  record GiveFloor(String speakerId) implements FloorCommand {
    public GiveFloor {
      if (speakerId == null || speakerId.isBlank()) {
        throw AppException.invalid("give-floor: participantId must be a non-empty string");
      }
    }
  }

  /** Facilitator: end the current turn (if any) and give the floor to the next in the queue or round. */
  record Next() implements FloorCommand {}

  /** Facilitator: end the current turn. */
  record EndTurn() implements FloorCommand {}

  /** Whoever holds the floor: I am done. */
  record Yield() implements FloorCommand {}

  /** Whoever holds the floor: I would rather not speak. Never counted as a turn. */
  record Pass() implements FloorCommand {}

  /** Facilitator: add time to the current turn. */
  record Extend(int seconds) implements FloorCommand {
    public static final int MAX_SECONDS = 900;

    public Extend {
      if (seconds < 1 || seconds > MAX_SECONDS) {
        throw AppException.invalid("extend: seconds must be between 1 and " + MAX_SECONDS);
      }
    }
  }

  /** Facilitator: freeze the countdown and the speaker's airtime. */
  record PauseTimer() implements FloorCommand {}

  /** Facilitator: let the countdown run again. */
  record ResumeTimer() implements FloorCommand {}

  /** Facilitator: change how the floor is handed out. */
  record SwitchMode(FloorMode mode) implements FloorCommand {
    public SwitchMode {
      Objects.requireNonNull(mode, "mode");
    }
  }

  /**
   * Facilitator: change the turn limit (0 = none), what happens at the limit, and the warning. A
   * {@code null} overtime or warning keeps the current one.
   */
  record SetTurnLimit(int seconds, Overtime overtime, Integer warnSeconds) implements FloorCommand {
    public SetTurnLimit {
      FloorSettings.checkLimit("set-turn-limit: seconds", seconds);
      if (warnSeconds != null) {
        FloorSettings.checkWarn("set-turn-limit: warnSeconds", warnSeconds);
      }
    }
  }

  /** Facilitator: whether participants see the names in the queue or only their own place. */
  record SetQueueVisibility(boolean showNames) implements FloorCommand {}

  /** Facilitator: move someone to {@code toIndex} (0-based) in the queue. */
  record MoveInQueue(String participantId, int toIndex) implements FloorCommand {
    public MoveInQueue {
      if (participantId == null || participantId.isBlank()) {
        throw AppException.invalid("move-in-queue: participantId must be a non-empty string");
      }
      if (toIndex < 0) {
        throw AppException.invalid("move-in-queue: toIndex must not be negative");
      }
    }
  }

  /** Facilitator: take someone out of the queue. */
  record RemoveFromQueue(String participantId) implements FloorCommand {
    public RemoveFromQueue {
      if (participantId == null || participantId.isBlank()) {
        throw AppException.invalid("remove-from-queue: participantId must be a non-empty string");
      }
    }
  }

  /**
   * Facilitator: start a go-around. {@code order} and {@code secondPass} may be {@code null} to use the
   * activity's settings; {@code arranged} is the order for {@link RoundOrder#ARRANGED} and must be
   * empty otherwise.
   */
  record StartRound(RoundOrder order, List<String> arranged, Boolean secondPass) implements FloorCommand {
    public StartRound {
      arranged = arranged == null ? List.of() : List.copyOf(arranged);
      if (order == RoundOrder.ARRANGED && arranged.isEmpty()) {
        throw AppException.invalid("start-round: arranged must list the participants in order");
      }
      if (order != RoundOrder.ARRANGED && !arranged.isEmpty()) {
        throw AppException.invalid("start-round: arranged is only used with order 'arranged'");
      }
      if (arranged.size() != arranged.stream().distinct().count()) {
        throw AppException.invalid("start-round: arranged lists someone twice");
      }
    }

    /** A round with the activity's order and second-pass setting. */
    public static StartRound withDefaults() {
      return new StartRound(null, List.of(), null);
    }
  }

  /** Facilitator: stop the go-around before everyone had their turn. */
  record EndRound() implements FloorCommand {}
}
