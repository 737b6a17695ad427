package org.talkingpiece.floor;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.talkingpiece.floor.FloorEvent.FloorConfigured;
import org.talkingpiece.floor.FloorEvent.FloorGiven;
import org.talkingpiece.floor.FloorEvent.HandLowered;
import org.talkingpiece.floor.FloorEvent.HandRaised;
import org.talkingpiece.floor.FloorEvent.ModeChanged;
import org.talkingpiece.floor.FloorEvent.ParticipantLeft;
import org.talkingpiece.floor.FloorEvent.Passed;
import org.talkingpiece.floor.FloorEvent.QueueMoved;
import org.talkingpiece.floor.FloorEvent.QueueRemoved;
import org.talkingpiece.floor.FloorEvent.QueueVisibilitySet;
import org.talkingpiece.floor.FloorEvent.RoundFinished;
import org.talkingpiece.floor.FloorEvent.RoundJoined;
import org.talkingpiece.floor.FloorEvent.RoundSecondPass;
import org.talkingpiece.floor.FloorEvent.RoundSkipped;
import org.talkingpiece.floor.FloorEvent.RoundStarted;
import org.talkingpiece.floor.FloorEvent.TimerPaused;
import org.talkingpiece.floor.FloorEvent.TimerResumed;
import org.talkingpiece.floor.FloorEvent.TurnEnded;
import org.talkingpiece.floor.FloorEvent.TurnExtended;
import org.talkingpiece.floor.FloorEvent.TurnLimitSet;
import org.talkingpiece.shared.Actor;

/**
 * The floor of one session: who has it, the queue of hands, the go-around, the turn timer, and every
 * turn so far.
 *
 * <p><b>Threading:</b> not thread-safe. A floor belongs to exactly one session owner and is used from
 * that owner's thread only (its event loop); nothing here blocks, starts threads or reads a clock.
 * Time comes in as {@code now}, in epoch milliseconds from the owner's clock.
 *
 * <p><b>Event sourcing:</b> the methods that return events ({@link #decide}, {@link #configureFor},
 * {@link #tick}, {@link #recoverAfterRestart}) check and plan but change nothing; the owner stores the
 * events and then passes each to {@link #apply}. Applying the same events to a new floor rebuilds the
 * same state, so a restart replays the log and then calls {@link #recoverAfterRestart}. Each plan is
 * worked out on a copy of this floor with every event applied as it is planned, so an event that
 * {@code decide} returns is one that {@code apply} accepts.
 */
public final class Floor {
  private final Random random;
  private final TurnLog log;
  private final HandQueue queue;
  private final Round round;
  private FloorSettings settings;

  /** A floor that shuffles rounds with a fresh random source. */
  public Floor() {
    this(new Random());
  }

  /** A floor that shuffles rounds with {@code random} (a seeded one makes tests repeatable). */
  public Floor(Random random) {
    this.random = random;
    this.log = new TurnLog();
    this.queue = new HandQueue();
    this.round = new Round();
  }

  private Floor(Floor other) {
    this.random = other.random;
    this.log = other.log.copy();
    this.queue = other.queue.copy();
    this.round = other.round.copy();
    this.settings = other.settings;
  }

  /**
   * The events that set the floor up for a new activity: the open turn ends ({@code ended}), a running
   * round stops, hands from the last activity are cleared, and {@code settings} apply.
   */
  public List<FloorEvent> configureFor(FloorSettings settings, long now) {
    Decision d = new Decision(copy(), null, now);
    Moves.endTurn(d, "ended", now);
    if (d.floor().round.active()) {
      d.emit(new RoundFinished("stopped"));
    }
    d.emit(new FloorConfigured(settings));
    return d.events();
  }

  /**
   * The events {@code cmd} from {@code actor} leads to, or an AppException: FORBIDDEN for the wrong
   * person, WRONG_STATE when the floor is not in a state for it, NOT_FOUND for an unknown participant,
   * INVALID_INPUT for a bad value. An empty list means there is nothing to do (a hand already up).
   * Changes nothing.
   */
  public List<FloorEvent> decide(FloorCommand cmd, Actor actor, Roster roster, long now) {
    Decision d = new Decision(copy(), roster, now);
    Rules.decide(cmd, actor, d);
    return d.events();
  }

  /**
   * The events due by {@code now}: a removed participant leaves the queue, the round and the floor; a
   * late joiner joins a round still in its first pass; a turn past a hard limit ends ({@code expired},
   * closed at its deadline) and the next speaker gets the floor. Call it when {@link #nextDeadline()}
   * comes and after any change to the roster. Changes nothing.
   */
  public List<FloorEvent> tick(Roster roster, long now) {
    Decision d = new Decision(copy(), roster, now);
    if (settings != null) {
      Moves.reconcile(d);
      Moves.expire(d);
    }
    return d.events();
  }

  /** When {@link #tick} next has something to do by time alone: the hard deadline of the open turn. */
  public OptionalLong nextDeadline() {
    TurnTimer timer = timer();
    if (timer == null || timer.overtime() != Overtime.HARD) {
      return OptionalLong.empty();
    }
    return timer.deadline();
  }

  /**
   * After a restart (the log replayed into this floor): the turn that was open when the server
   * stopped ends at {@code lastAliveAt}, the last time the server was known to be alive
   * ({@code restart}). Nobody has the floor afterwards; a round waits for the facilitator's next.
   */
  public List<FloorEvent> recoverAfterRestart(long lastAliveAt) {
    Decision d = new Decision(copy(), null, lastAliveAt);
    Moves.endTurn(d, "restart", lastAliveAt);
    return d.events();
  }

  /** Changes the floor by one event from the log. Deterministic; never fails for a decided event. */
  public void apply(FloorEvent event) {
    if (event instanceof FloorConfigured e) {
      settings = e.settings();
      queue.clear();
      round.reset();
    } else if (event instanceof HandRaised e) {
      queue.raise(e.participantId(), e.at());
    } else if (event instanceof HandLowered e) {
      queue.lower(e.participantId());
    } else if (event instanceof QueueRemoved e) {
      queue.lower(e.participantId());
    } else if (event instanceof QueueMoved e) {
      queue.move(e.participantId(), e.toIndex());
    } else if (event instanceof FloorGiven e) {
      log.start(e);
      queue.lower(e.speakerId());
      round.given(e.speakerId());
    } else if (event instanceof TurnEnded e) {
      log.close(e.turn());
      round.turnEnded(e.turn().speakerId());
    } else if (event instanceof Passed e) {
      log.withdraw(e.participantId());
      round.passed(e.participantId());
    } else if (event instanceof TurnExtended e) {
      log.extend(e.seconds());
    } else if (event instanceof TimerPaused e) {
      log.pause(e.at());
    } else if (event instanceof TimerResumed e) {
      log.resume(e.at());
    } else if (event instanceof ModeChanged e) {
      settings = configured().withMode(e.mode());
      queue.reorder(e.queueOrder());
    } else if (event instanceof TurnLimitSet e) {
      settings = configured().withLimit(e.seconds(), e.overtime(), e.warnSeconds());
    } else if (event instanceof QueueVisibilitySet e) {
      settings = configured().withQueueNames(e.showNames());
    } else if (event instanceof RoundStarted e) {
      round.start(e);
    } else if (event instanceof RoundJoined e) {
      round.joined(e.participantId());
    } else if (event instanceof RoundSkipped e) {
      round.skipped(e.participantId(), e.reason());
    } else if (event instanceof RoundSecondPass e) {
      round.secondPass(e.order());
    } else if (event instanceof RoundFinished e) {
      round.finished(e.how());
    } else if (event instanceof ParticipantLeft e) {
      queue.lower(e.participantId());
      round.left(e.participantId());
    }
  }

  /** Every turn of the session in the order they started, the open one (if any) last. */
  public List<Turn> turns() {
    return log.all();
  }

  /** The settings of the current activity; empty until the first activity is configured. */
  public Optional<FloorSettings> settings() {
    return Optional.ofNullable(settings);
  }

  /** Who has the floor: a participant id, {@link Turn#FACILITATOR}, or empty. */
  public Optional<String> speakerId() {
    Turn open = log.open();
    return open == null ? Optional.empty() : Optional.of(open.speakerId());
  }

  /**
   * Everything the facilitator's console shows about the floor: {@code serverNow, activityId, mode,
   * turnLimitSeconds, overtime, warnSeconds, showQueueNames}; {@code speaker} ({@code id, name, reason,
   * startedAt, paused, limitMillis, deadline, warnAt, overtime, spokenMillis}, and {@code remainingMillis}
   * while paused) or null; {@code queue} in calling order ({@code id, name, present, raisedAt, turns,
   * airtimeMillis, reason} where reason explains a progressive place, e.g. "first time speaking");
   * {@code round} ({@code active, finished, pass, secondPass, current, order: [{id, name, present,
   * status}], upNext, secondChance}) or null. Times are epoch milliseconds: screens count down from
   * {@code deadline}.
   */
  public JsonObject facilitatorView(Roster roster, long now) {
    return FloorViews.facilitator(this, roster, now);
  }

  /**
   * What one participant's screen shows: {@code serverNow, activityId, mode, showQueueNames};
   * {@code speaker} ({@code name, you}, and the same clock fields as the facilitator's) or null;
   * {@code youHaveTheFloor, canPass, canRaiseHand, handRaised, queuePosition} (1-based, or null)
   * {@code queueLength}; {@code queue: [{name, you}]} only when names are shown; {@code round}
   * ({@code active, finished, pass, secondPass, yourStatus, placesBeforeYou}, and {@code order: [{name,
   * you, status}]} when names are shown) or null. Never anyone's airtime or turn count.
   */
  public JsonObject participantView(Roster roster, String participantId, long now) {
    return FloorViews.participant(this, roster, participantId, now);
  }

  Floor copy() {
    return new Floor(this);
  }

  Random random() {
    return random;
  }

  TurnLog log() {
    return log;
  }

  HandQueue queue() {
    return queue;
  }

  Round round() {
    return round;
  }

  /** The settings, or {@code null} before the first activity. */
  FloorSettings current() {
    return settings;
  }

  /** The open turn's countdown, or {@code null} when nobody has the floor. */
  TurnTimer timer() {
    Turn open = log.open();
    return open == null || settings == null ? null : TurnTimer.of(open, settings, log.extendedMillis());
  }

  private FloorSettings configured() {
    if (settings == null) {
      throw new IllegalStateException("the floor has no activity yet");
    }
    return settings;
  }
}
