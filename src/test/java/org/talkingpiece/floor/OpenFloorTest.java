package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.Next;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.SwitchMode;
import org.talkingpiece.floor.FloorEvent.FloorGiven;
import org.talkingpiece.shared.ErrorCode;

@DisplayName("Open floor")
class OpenFloorTest {
  private final FloorHarness h = FloorHarness.timed(FloorMode.OPEN, 60, Overtime.HARD, "ana", "ben");

  @Test
  @DisplayName("tapping someone gives them the floor; tapping them again ends their turn")
  void tapTwice() {
    assertThat(h.facilitator(new GiveFloor("ana")))
        .containsExactly(new FloorGiven("ana", "act-1", FloorMode.OPEN, h.now, "given"));
    h.later(12_345);

    h.facilitator(new GiveFloor("ana"));

    assertThat(h.speaker()).isNull();
    Turn turn = h.floor.turns().get(0);
    assertThat(turn.endedHow()).isEqualTo("ended");
    assertThat(turn.durationAt(h.now + 99_999)).isEqualTo(12_345);
  }

  @Test
  @DisplayName("tapping someone else ends the current turn and hands the floor over")
  void tapSomeoneElse() {
    h.facilitator(new GiveFloor("ana"));
    h.later(3_000);

    h.facilitator(new GiveFloor("ben"));

    assertThat(h.speaker()).isEqualTo("ben");
    assertThat(h.floor.turns()).extracting(Turn::speakerId, Turn::endedHow)
        .containsExactly(tuple("ana", "given"),
            tuple("ben", null));
  }

  @Test
  @DisplayName("there are no hands and no next speaker on the open floor")
  void noQueue() {
    h.refused(ErrorCode.WRONG_STATE, () -> h.participant("ana", new RaiseHand()));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new Next()));
  }

  @Test
  @DisplayName("a hard limit ends the turn and nobody else gets the floor")
  void hardLimitOnOpenFloor() {
    h.facilitator(new GiveFloor("ana"));
    h.later(61_000);

    h.tick();

    assertThat(h.speaker()).isNull();
    assertThat(h.floor.turns().get(0).endedHow()).isEqualTo("expired");
  }

  @Test
  @DisplayName("the facilitator can take the floor, and their turn has no countdown")
  void facilitatorTakesFloor() {
    h.facilitator(new GiveFloor(Turn.FACILITATOR));
    h.later(600_000);

    assertThat(h.tick()).isEmpty();
    assertThat(h.speaker()).isEqualTo(Turn.FACILITATOR);
    assertThat(h.view().getJsonObject("speaker").getString("name")).isEqualTo("Facilitator");
    assertThat(h.view().getJsonObject("speaker").getValue("deadline")).isNull();
    assertThat(h.floor.nextDeadline()).isEmpty();
  }

  @Test
  @DisplayName("hands raised before switching to the open floor are still there when the queue comes back")
  void handsSurviveOpenMode() {
    h.facilitator(new SwitchMode(FloorMode.QUEUE));
    h.participant("ben", new RaiseHand());
    h.facilitator(new SwitchMode(FloorMode.OPEN));
    h.facilitator(new SwitchMode(FloorMode.QUEUE));

    assertThat(h.queue()).containsExactly("ben");
  }
}
