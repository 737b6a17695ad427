package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

@DisplayName("Who may do what")
class PermissionsTest {
  private final FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.SOFT, "ana", "ben", "cy");

  @Test
  @DisplayName("a participant cannot end or yield someone else's turn")
  void notSomeoneElsesTurn() {
    h.facilitator(new GiveFloor("ana"));

    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("ben", new EndTurn()));
    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("ben", new Yield()));
    assertThat(h.speaker()).isEqualTo("ana");
  }

  @Test
  @DisplayName("a participant cannot give themselves, or anyone, the floor")
  void cannotTakeTheFloor() {
    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("ben", new GiveFloor("ben")));
    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("ben", new GiveFloor("cy")));
    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("ben", new Next()));
    assertThat(h.speaker()).isNull();
  }

  @Test
  @DisplayName("a participant cannot pass when it is not their turn")
  void passOnlyOnYourTurn() {
    FloorHarness r = FloorHarness.of(FloorMode.ROUND, "ana", "ben");
    r.facilitator(StartRound.withDefaults());

    r.refused(ErrorCode.FORBIDDEN, () -> r.participant("ben", new Pass()));
    r.refused(ErrorCode.FORBIDDEN, () -> r.facilitator(new Pass()));
    r.participant("ana", new Pass());
    assertThat(r.speaker()).isEqualTo("ben");
  }

  @Test
  @DisplayName("with nobody speaking, yielding or passing is refused")
  void nobodySpeaking() {
    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("ana", new Yield()));
    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("ana", new Pass()));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new Yield()));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new EndTurn()));
  }

  static Stream<FloorCommand> facilitatorCommands() {
    return Stream.of(new GiveFloor("ana"), new Next(), new EndTurn(), new Extend(30), new PauseTimer(),
        new ResumeTimer(), new SwitchMode(FloorMode.OPEN), new SetTurnLimit(0, null, null),
        new SetQueueVisibility(false), new MoveInQueue("ana", 0), new RemoveFromQueue("ana"),
        StartRound.withDefaults(), new EndRound());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("facilitatorCommands")
  @DisplayName("facilitator-only commands from a participant are refused, even from the speaker")
  void facilitatorOnly(FloorCommand cmd) {
    h.participant("ana", new RaiseHand());
    h.facilitator(new GiveFloor("ben"));

    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("ben", cmd));
    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("cy", cmd));
  }

  @Test
  @DisplayName("the facilitator has no hand to raise")
  void facilitatorHasNoHand() {
    h.refused(ErrorCode.FORBIDDEN, () -> h.facilitator(new RaiseHand()));
    h.refused(ErrorCode.FORBIDDEN, () -> h.facilitator(new LowerHand()));
  }

  @Test
  @DisplayName("someone removed from the session, or never in it, cannot touch the floor")
  void removedOrUnknown() {
    h.roster.remove("cy");

    h.refused(ErrorCode.FORBIDDEN, () -> h.participant("cy", new RaiseHand()));
    h.refused(ErrorCode.NOT_FOUND, () -> h.participant("zed", new RaiseHand()));
    h.refused(ErrorCode.NOT_FOUND, () -> h.facilitator(new GiveFloor("zed")));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new GiveFloor("cy")));
  }

  @Test
  @DisplayName("before any activity starts the floor is closed")
  void closedBeforeActivity() {
    Floor floor = new Floor();
    TestRoster roster = new TestRoster().join("ana");

    assertThatThrownBy(() -> floor.decide(new RaiseHand(), Actor.participant("ana"), roster, 1L))
        .isInstanceOfSatisfying(AppException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_STATE));
    assertThat(floor.tick(roster, 1L)).isEmpty();
    assertThat(floor.facilitatorView(roster, 1L).getValue("mode")).isNull();
  }

  @Test
  @DisplayName("deciding a command changes nothing until its events are applied")
  void decideChangesNothing() {
    h.participant("ben", new RaiseHand());
    h.facilitator(new GiveFloor("ana"));
    var before = h.view();

    List<FloorEvent> planned = h.floor.decide(new Next(), Actor.facilitator(), h.roster, h.now + 5);

    assertThat(planned).hasSize(2);
    assertThat(h.view()).isEqualTo(before);
    assertThat(h.speaker()).isEqualTo("ana");
  }
}
