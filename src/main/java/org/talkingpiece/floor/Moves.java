package org.talkingpiece.floor;

import java.util.ArrayList;
import java.util.List;
import org.talkingpiece.floor.FloorEvent.FloorGiven;
import org.talkingpiece.floor.FloorEvent.ParticipantLeft;
import org.talkingpiece.floor.FloorEvent.RoundFinished;
import org.talkingpiece.floor.FloorEvent.RoundJoined;
import org.talkingpiece.floor.FloorEvent.RoundSecondPass;
import org.talkingpiece.floor.FloorEvent.RoundSkipped;
import org.talkingpiece.floor.FloorEvent.TurnEnded;

/**
 * The steps the floor takes on its own, shared by commands, ticks, new activities and restarts: end
 * the open turn, move the round on, call the next hand, let a removed participant go.
 */
final class Moves {
  private Moves() {}

  static void endTurn(Decision d, String how, long at) {
    Turn open = d.floor().log().open();
    if (open != null) {
      d.emit(new TurnEnded(open.endedAt(at, how)));
    }
  }

  static void give(Decision d, String speakerId, String reason) {
    FloorSettings s = d.floor().current();
    d.emit(new FloorGiven(speakerId, s.activityId(), s.mode(), d.now(), reason));
  }

  /**
   * After a turn ended or was passed. A running round moves on by itself: the talking piece passes to
   * the next person. In a queue the facilitator calls the next hand, except when {@code callNextHand}
   * (after a hard limit, or the facilitator's "next").
   */
  static void carryOn(Decision d, boolean callNextHand) {
    if (d.floor().round().active()) {
      advanceRound(d);
    } else if (callNextHand && d.floor().current().mode() != FloorMode.OPEN) {
      String next = nextHand(d);
      if (next != null) {
        give(d, next, "queue");
      }
    }
  }

  /** The first raised hand, in this mode's order, of someone present; {@code null} when none. */
  static String nextHand(Decision d) {
    Floor f = d.floor();
    for (String id : f.queue().idsInOrder(f.current().mode(), f.log(), d.now())) {
      if (d.roster().isPresent(id)) {
        return id;
      }
    }
    return null;
  }

  /**
   * Gives the floor to the next person in the round who is here, skipping those who are not; then the
   * extra pass, then the end. Does nothing while someone holds the floor.
   */
  static void advanceRound(Decision d) {
    Round round = d.floor().round();
    while (round.active() && d.floor().log().open() == null) {
      lateJoiners(d);
      List<String> pending = round.pending();
      if (pending.isEmpty()) {
        List<String> again = round.secondChance().stream().filter(id -> !d.roster().isRemoved(id)).toList();
        if (round.hasSecondPass() && !round.inSecondPass() && !again.isEmpty()) {
          d.emit(new RoundSecondPass(again));
        } else {
          d.emit(new RoundFinished("completed"));
        }
        continue;
      }
      String next = pending.get(0);
      if (d.roster().isRemoved(next)) {
        d.emit(new RoundSkipped(next, "removed"));
      } else if (!d.roster().isPresent(next)) {
        d.emit(new RoundSkipped(next, "absent"));
      } else {
        give(d, next, "round");
      }
    }
  }

  /**
   * Rule for late joiners: someone who joined after the round started, and was not left out of it on
   * purpose, goes to the end of the first pass while the first pass is still going. Once the extra
   * pass has begun or the round is over, they wait for the next round (or raise a hand).
   */
  static void lateJoiners(Decision d) {
    Round round = d.floor().round();
    if (!round.active() || round.inSecondPass()) {
      return;
    }
    for (String id : d.roster().joinOrder()) {
      if (!round.knows(id) && !d.roster().isRemoved(id)) {
        d.emit(new RoundJoined(id));
      }
    }
  }

  /**
   * Lets go of participants the session removed: out of the floor ({@code removed}), the queue and the
   * round. A round whose speaker was removed moves on.
   */
  static void reconcile(Decision d) {
    Floor f = d.floor();
    List<String> involved = new ArrayList<>(f.queue().ids());
    f.speakerId().ifPresent(involved::add);
    involved.addAll(f.round().pending());
    involved.addAll(f.round().secondChance());
    for (String id : involved.stream().distinct().toList()) {
      if (!Turn.FACILITATOR.equals(id) && d.roster().isRemoved(id)) {
        removeParticipant(d, id);
      }
    }
    lateJoiners(d);
  }

  private static void removeParticipant(Decision d, String id) {
    Floor f = d.floor();
    boolean held = f.speakerId().filter(id::equals).isPresent();
    boolean waiting = f.queue().contains(id) || f.round().involves(id);
    if (held) {
      endTurn(d, "removed", d.now());
    }
    if (held || waiting) {
      d.emit(new ParticipantLeft(id));
    }
    if (held && f.round().active()) {
      advanceRound(d);
    }
  }

  /** A turn past its hard limit ends at its deadline, and the next speaker gets the floor. */
  static void expire(Decision d) {
    TurnTimer timer = d.floor().timer();
    if (timer != null && timer.expiredAt(d.now())) {
      endTurn(d, "expired", timer.deadline().getAsLong());
      carryOn(d, true);
    }
  }
}
