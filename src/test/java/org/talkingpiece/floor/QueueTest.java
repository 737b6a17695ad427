package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.LowerHand;
import org.talkingpiece.floor.FloorCommand.MoveInQueue;
import org.talkingpiece.floor.FloorCommand.Next;
import org.talkingpiece.floor.FloorCommand.Pass;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.RemoveFromQueue;
import org.talkingpiece.floor.FloorCommand.Yield;
import org.talkingpiece.floor.FloorEvent.FloorGiven;
import org.talkingpiece.floor.FloorEvent.HandRaised;
import org.talkingpiece.shared.ErrorCode;

@DisplayName("Queue of hands")
class QueueTest {
  private final FloorHarness h = FloorHarness.of(FloorMode.QUEUE, "ana", "ben", "cy", "dee");

  @Test
  @DisplayName("hands are called first come, first served, whoever has spoken more")
  void firstComeFirstServed() {
    h.speaks("cy", 60_000);
    h.participant("cy", new RaiseHand());
    h.later(1);
    h.participant("ana", new RaiseHand());
    h.later(1);
    h.participant("ben", new RaiseHand());

    assertThat(h.queue()).containsExactly("cy", "ana", "ben");
    assertThat(h.facilitator(new Next())).containsExactly(
        new FloorGiven("cy", "act-1", FloorMode.QUEUE, h.now, "queue"));
    assertThat(h.facilitator(new Next())).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("TurnEnded", "FloorGiven");
    assertThat(h.speaker()).isEqualTo("ana");
    assertThat(h.floor.turns()).extracting(Turn::endedHow).containsExactly("ended", "next", null);
  }

  @Test
  @DisplayName("raising a hand twice keeps one place; lowering it leaves the queue")
  void raiseAndLower() {
    assertThat(h.participant("ana", new RaiseHand())).containsExactly(new HandRaised("ana", h.now));
    h.later(1_000);
    assertThat(h.participant("ana", new RaiseHand())).isEmpty();
    h.participant("ben", new RaiseHand());

    h.participant("ana", new LowerHand());

    assertThat(h.queue()).containsExactly("ben");
    assertThat(h.participant("ana", new LowerHand())).isEmpty();
  }

  @Test
  @DisplayName("the facilitator moves someone to the front and takes someone out")
  void moveAndRemove() {
    List.of("ana", "ben", "cy").forEach(id -> h.participant(id, new RaiseHand()));

    h.facilitator(new MoveInQueue("cy", 0));
    assertThat(h.queue()).containsExactly("cy", "ana", "ben");

    h.facilitator(new MoveInQueue("cy", 2));
    assertThat(h.queue()).containsExactly("ana", "ben", "cy");

    h.facilitator(new RemoveFromQueue("ben"));
    assertThat(h.queue()).containsExactly("ana", "cy");
  }

  @Test
  @DisplayName("moving past the end of the queue, or someone not in it, is refused")
  void badMoves() {
    h.participant("ana", new RaiseHand());
    h.participant("ben", new RaiseHand());

    h.refused(ErrorCode.INVALID_INPUT, () -> h.facilitator(new MoveInQueue("ana", 2)));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new MoveInQueue("cy", 0)));
    h.refused(ErrorCode.NOT_FOUND, () -> h.facilitator(new MoveInQueue("zed", 0)));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new RemoveFromQueue("cy")));
    h.refused(ErrorCode.NOT_FOUND, () -> h.facilitator(new RemoveFromQueue("zed")));
  }

  @Test
  @DisplayName("the progressive stack cannot be reordered by hand")
  void noMovingInProgressive() {
    FloorHarness p = FloorHarness.of(FloorMode.PROGRESSIVE, "ana", "ben");
    p.participant("ana", new RaiseHand());
    p.participant("ben", new RaiseHand());

    p.refused(ErrorCode.WRONG_STATE, () -> p.facilitator(new MoveInQueue("ben", 0)));
  }

  @Test
  @DisplayName("next passes over someone who disconnected, who keeps their place for when they are back")
  void nextSkipsAbsent() {
    h.participant("ana", new RaiseHand());
    h.participant("ben", new RaiseHand());
    h.roster.disconnect("ana");

    h.facilitator(new Next());

    assertThat(h.speaker()).isEqualTo("ben");
    assertThat(h.queue()).containsExactly("ana");
  }

  @Test
  @DisplayName("next with nobody waiting is refused and the speaker keeps the floor")
  void nextWithEmptyQueue() {
    h.facilitator(new GiveFloor("ana"));

    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new Next()));
    assertThat(h.speaker()).isEqualTo("ana");
  }

  @Test
  @DisplayName("when a speaker yields, nobody gets the floor until the facilitator calls the next hand")
  void yieldWaitsForFacilitator() {
    h.participant("ben", new RaiseHand());
    h.facilitator(new GiveFloor("ana"));

    h.participant("ana", new Yield());

    assertThat(h.speaker()).isNull();
    assertThat(h.queue()).containsExactly("ben");
  }

  @Test
  @DisplayName("someone called from the queue may pass: no turn is counted and the queue waits")
  void passFromQueue() {
    h.participant("ana", new RaiseHand());
    h.participant("ben", new RaiseHand());
    h.facilitator(new Next());
    h.later(2_000);

    h.participant("ana", new Pass());

    assertThat(h.speaker()).isNull();
    assertThat(h.floor.turns()).isEmpty();
    assertThat(h.queue()).containsExactly("ben");
  }

  @Test
  @DisplayName("the person who has the floor cannot also raise a hand")
  void speakerCannotQueue() {
    h.facilitator(new GiveFloor("ana"));

    h.refused(ErrorCode.WRONG_STATE, () -> h.participant("ana", new RaiseHand()));
  }

  @Test
  @DisplayName("outside the open floor, giving the floor to the speaker again is refused rather than ending their turn")
  void noToggleInQueue() {
    h.facilitator(new GiveFloor("ana"));

    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new GiveFloor("ana")));
    assertThat(h.speaker()).isEqualTo("ana");
  }

  @Test
  @DisplayName("given the floor directly, someone waiting leaves the queue")
  void givenLeavesQueue() {
    h.participant("ana", new RaiseHand());
    h.participant("ben", new RaiseHand());

    h.facilitator(new GiveFloor("ben"));

    assertThat(h.queue()).containsExactly("ana");
  }
}
