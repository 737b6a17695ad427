package org.talkingpiece.floor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.talkingpiece.floor.FloorCommand.EndRound;
import org.talkingpiece.floor.FloorCommand.EndTurn;
import org.talkingpiece.floor.FloorCommand.Extend;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.LowerHand;
import org.talkingpiece.floor.FloorCommand.MoveInQueue;
import org.talkingpiece.floor.FloorCommand.Next;
import org.talkingpiece.floor.FloorCommand.Pass;
import org.talkingpiece.floor.FloorCommand.PauseTimer;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.RemoveFromQueue;
import org.talkingpiece.floor.FloorCommand.ResumeTimer;
import org.talkingpiece.floor.FloorCommand.SetQueueVisibility;
import org.talkingpiece.floor.FloorCommand.SetTurnLimit;
import org.talkingpiece.floor.FloorCommand.StartRound;
import org.talkingpiece.floor.FloorCommand.SwitchMode;
import org.talkingpiece.floor.FloorCommand.Yield;
import org.talkingpiece.floor.FloorEvent.HandLowered;
import org.talkingpiece.floor.FloorEvent.HandRaised;
import org.talkingpiece.floor.FloorEvent.ModeChanged;
import org.talkingpiece.floor.FloorEvent.Passed;
import org.talkingpiece.floor.FloorEvent.QueueMoved;
import org.talkingpiece.floor.FloorEvent.QueueRemoved;
import org.talkingpiece.floor.FloorEvent.QueueVisibilitySet;
import org.talkingpiece.floor.FloorEvent.RoundFinished;
import org.talkingpiece.floor.FloorEvent.RoundStarted;
import org.talkingpiece.floor.FloorEvent.TimerPaused;
import org.talkingpiece.floor.FloorEvent.TimerResumed;
import org.talkingpiece.floor.FloorEvent.TurnExtended;
import org.talkingpiece.floor.FloorEvent.TurnLimitSet;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;

/**
 * Who may do what to the floor, and in which state. Participants raise and lower their own hand, and
 * yield or pass when they hold the floor; everything else is the facilitator's. Passing is always
 * possible for whoever holds the floor and never counts as a turn.
 */
final class Rules {
  private Rules() {}

  static void decide(FloorCommand cmd, Actor actor, Decision d) {
    Floor f = d.floor();
    if (f.current() == null) {
      throw AppException.wrongState("the floor opens when an activity starts");
    }
    if (!actor.isFacilitator()) {
      requireMember(actor.participantId(), d);
    }
    if (cmd instanceof RaiseHand) {
      raiseHand(participant(actor, "raise a hand"), d);
    } else if (cmd instanceof LowerHand) {
      String me = participant(actor, "lower a hand");
      if (f.queue().contains(me)) {
        d.emit(new HandLowered(me));
      }
    } else if (cmd instanceof Yield) {
      requireHolder(actor, d, "only the person who has the floor can yield it");
      Moves.endTurn(d, "yielded", d.now());
      Moves.carryOn(d, false);
    } else if (cmd instanceof Pass) {
      if (actor.isFacilitator()) {
        throw AppException.forbidden("only a participant passes; the facilitator ends the turn or yields");
      }
      requireHolder(actor, d, "it is not your turn, so there is nothing to pass");
      d.emit(new Passed(actor.participantId(), d.now()));
      Moves.carryOn(d, false);
    } else {
      facilitatorOnly(actor, cmd);
      facilitatorCommand(cmd, d);
    }
  }

  private static void facilitatorCommand(FloorCommand cmd, Decision d) {
    Floor f = d.floor();
    if (cmd instanceof GiveFloor c) {
      giveFloor(c.speakerId(), d);
    } else if (cmd instanceof Next) {
      next(d);
    } else if (cmd instanceof EndTurn) {
      requireOpenTurn(d);
      Moves.endTurn(d, "ended", d.now());
      Moves.carryOn(d, false);
    } else if (cmd instanceof Extend c) {
      TurnTimer timer = requireTimer(d);
      if (!timer.timed()) {
        throw AppException.wrongState("this turn has no time limit to extend");
      }
      d.emit(new TurnExtended(c.seconds()));
    } else if (cmd instanceof PauseTimer) {
      if (requireTimer(d).paused()) {
        throw AppException.wrongState("the timer is already paused");
      }
      d.emit(new TimerPaused(d.now()));
    } else if (cmd instanceof ResumeTimer) {
      if (!requireTimer(d).paused()) {
        throw AppException.wrongState("the timer is not paused");
      }
      d.emit(new TimerResumed(d.now()));
    } else if (cmd instanceof SwitchMode c) {
      switchMode(c.mode(), d);
    } else if (cmd instanceof SetTurnLimit c) {
      FloorSettings s = f.current();
      d.emit(new TurnLimitSet(c.seconds(), c.overtime() != null ? c.overtime() : s.overtime(),
          c.warnSeconds() != null ? c.warnSeconds() : s.warnSeconds()));
    } else if (cmd instanceof SetQueueVisibility c) {
      if (c.showNames() != f.current().showQueueNames()) {
        d.emit(new QueueVisibilitySet(c.showNames()));
      }
    } else if (cmd instanceof MoveInQueue c) {
      moveInQueue(c, d);
    } else if (cmd instanceof RemoveFromQueue c) {
      requireKnown(c.participantId(), d);
      requireInQueue(c.participantId(), d);
      d.emit(new QueueRemoved(c.participantId()));
    } else if (cmd instanceof StartRound c) {
      startRound(c, d);
    } else if (cmd instanceof EndRound) {
      if (!f.round().active()) {
        throw AppException.wrongState("no round is going");
      }
      d.emit(new RoundFinished("stopped"));
    }
  }

  private static void raiseHand(String me, Decision d) {
    Floor f = d.floor();
    if (f.current().mode() == FloorMode.OPEN) {
      throw AppException.wrongState("hands are not used on the open floor: the facilitator gives the floor");
    }
    if (f.speakerId().filter(me::equals).isPresent()) {
      throw AppException.wrongState("you have the floor");
    }
    if (!f.queue().contains(me)) {
      d.emit(new HandRaised(me, d.now()));
    }
  }

  /** Open mode: tapping the speaker again ends their turn; tapping someone else hands it over. */
  private static void giveFloor(String to, Decision d) {
    Floor f = d.floor();
    if (!Turn.FACILITATOR.equals(to)) {
      requireKnown(to, d);
    }
    if (f.speakerId().filter(to::equals).isPresent()) {
      if (f.current().mode() != FloorMode.OPEN) {
        throw AppException.wrongState("that person already has the floor");
      }
      Moves.endTurn(d, "ended", d.now());
      return;
    }
    Moves.endTurn(d, "given", d.now());
    Moves.give(d, to, "given");
  }

  private static void next(Decision d) {
    Floor f = d.floor();
    if (f.round().active()) {
      Moves.endTurn(d, "next", d.now());
      Moves.advanceRound(d);
      return;
    }
    switch (f.current().mode()) {
      case OPEN -> throw AppException.wrongState("the open floor has no queue: give the floor to someone");
      case ROUND -> throw AppException.wrongState("no round is going: start a round first");
      default -> {
        String next = Moves.nextHand(d);
        if (next == null) {
          throw AppException.wrongState("nobody who is here is waiting in the queue");
        }
        Moves.endTurn(d, "next", d.now());
        Moves.give(d, next, "queue");
      }
    }
  }

  /** Leaving progressive mode keeps the stack's order as the queue's, so nobody loses their place. */
  private static void switchMode(FloorMode mode, Decision d) {
    Floor f = d.floor();
    FloorMode from = f.current().mode();
    if (mode == from) {
      return;
    }
    if (f.round().active()) {
      d.emit(new RoundFinished("stopped"));
    }
    d.emit(new ModeChanged(mode, f.queue().idsInOrder(from, f.log(), d.now())));
  }

  private static void moveInQueue(MoveInQueue c, Decision d) {
    Floor f = d.floor();
    if (f.current().mode() == FloorMode.PROGRESSIVE) {
      throw AppException.wrongState("the progressive stack orders itself: give the floor directly,"
          + " or switch to queue mode to reorder by hand");
    }
    requireKnown(c.participantId(), d);
    requireInQueue(c.participantId(), d);
    if (c.toIndex() >= f.queue().size()) {
      throw AppException.invalid("move-in-queue: toIndex must be less than " + f.queue().size());
    }
    d.emit(new QueueMoved(c.participantId(), c.toIndex()));
  }

  private static void startRound(StartRound c, Decision d) {
    Floor f = d.floor();
    FloorSettings s = f.current();
    if (f.round().active()) {
      throw AppException.wrongState("a round is already going: end it first");
    }
    RoundOrder order = c.order() != null ? c.order() : s.roundOrder();
    if (order == RoundOrder.ARRANGED && c.arranged().isEmpty()) {
      throw AppException.invalid("start-round: arranged must list the participants in order");
    }
    List<String> everyone = d.roster().joinOrder().stream().filter(id -> !d.roster().isRemoved(id)).toList();
    List<String> inOrder = new ArrayList<>(order == RoundOrder.ARRANGED ? c.arranged() : everyone);
    for (String id : inOrder) {
      requireKnown(id, d);
    }
    if (inOrder.isEmpty()) {
      throw AppException.wrongState("nobody has joined yet");
    }
    if (order == RoundOrder.SHUFFLED) {
      Collections.shuffle(inOrder, f.random());
    }
    List<String> leftOut = everyone.stream().filter(id -> !inOrder.contains(id)).toList();
    Moves.endTurn(d, "ended", d.now());
    if (s.mode() != FloorMode.ROUND) {
      d.emit(new ModeChanged(FloorMode.ROUND, f.queue().idsInOrder(s.mode(), f.log(), d.now())));
    }
    d.emit(new RoundStarted(inOrder, c.secondPass() != null ? c.secondPass() : s.secondPass(), leftOut));
    Moves.advanceRound(d);
  }

  private static String participant(Actor actor, String what) {
    if (actor.isFacilitator()) {
      throw AppException.forbidden("only a participant can " + what);
    }
    return actor.participantId();
  }

  private static void facilitatorOnly(Actor actor, FloorCommand cmd) {
    if (!actor.isFacilitator()) {
      String what = cmd instanceof GiveFloor ? "give the floor"
          : cmd instanceof EndTurn ? "end someone's turn" : "do that";
      throw AppException.forbidden("only the facilitator can " + what);
    }
  }

  private static void requireHolder(Actor actor, Decision d, String refusal) {
    String holder = d.floor().speakerId().orElse(null);
    String me = actor.isFacilitator() ? Turn.FACILITATOR : actor.participantId();
    if (holder == null && actor.isFacilitator()) {
      throw AppException.wrongState("nobody has the floor");
    }
    if (!me.equals(holder)) {
      throw AppException.forbidden(refusal);
    }
  }

  private static void requireOpenTurn(Decision d) {
    if (d.floor().log().open() == null) {
      throw AppException.wrongState("nobody has the floor");
    }
  }

  private static TurnTimer requireTimer(Decision d) {
    TurnTimer timer = d.floor().timer();
    if (timer == null) {
      throw AppException.wrongState("nobody has the floor");
    }
    return timer;
  }

  private static void requireMember(String participantId, Decision d) {
    if (!d.roster().contains(participantId)) {
      throw AppException.notFound("you are not a participant of this session");
    }
    if (d.roster().isRemoved(participantId)) {
      throw AppException.forbidden("you were removed from this session");
    }
  }

  private static void requireKnown(String participantId, Decision d) {
    if (!d.roster().contains(participantId)) {
      throw AppException.notFound("no participant with that id in this session");
    }
    if (d.roster().isRemoved(participantId)) {
      throw AppException.wrongState("that participant was removed from this session");
    }
  }

  private static void requireInQueue(String participantId, Decision d) {
    if (!d.floor().queue().contains(participantId)) {
      throw AppException.wrongState("that participant is not in the queue");
    }
  }
}
