package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorCommand.Extend;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.PauseTimer;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.ResumeTimer;
import org.talkingpiece.floor.FloorCommand.SetTurnLimit;
import org.talkingpiece.floor.FloorCommand.StartRound;
import org.talkingpiece.floor.FloorCommand.Yield;
import org.talkingpiece.floor.FloorEvent.FloorGiven;
import org.talkingpiece.shared.ErrorCode;

@DisplayName("Turn timer")
class TurnTimerTest {

  @Test
  @DisplayName("a soft limit lets the turn go on; screens are told it is over time")
  void softOvertime() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.SOFT, "ana", "ben");
    h.participant("ben", new RaiseHand());
    h.facilitator(new GiveFloor("ana"));
    long started = h.now;

    assertThat(h.floor.nextDeadline()).isEmpty();
    h.later(59_999);
    assertThat(speaker(h).getBoolean("overtime")).isFalse();
    h.later(31_000);

    assertThat(h.tick()).isEmpty();
    assertThat(h.speaker()).isEqualTo("ana");
    assertThat(speaker(h).getBoolean("overtime")).isTrue();
    assertThat(speaker(h).getLong("deadline")).isEqualTo(started + 60_000);
    assertThat(PublicFloor.of(h.floor, h.roster, h.now).getJsonObject("speaker").getBoolean("overtime")).isTrue();
  }

  @Test
  @DisplayName("a hard limit ends the turn exactly at the deadline and the next hand gets the floor")
  void hardExpiry() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.HARD, "ana", "ben");
    h.participant("ben", new RaiseHand());
    h.facilitator(new GiveFloor("ana"));
    long started = h.now;

    assertThat(h.floor.nextDeadline()).hasValue(started + 60_000);
    h.later(59_999);
    assertThat(h.tick()).isEmpty();
    h.later(4);

    assertThat(h.tick()).endsWith(new FloorGiven("ben", "act-1", FloorMode.QUEUE, h.now, "queue"));
    Turn ended = h.floor.turns().get(0);
    assertThat(ended.endedHow()).isEqualTo("expired");
    assertThat(ended.endedAt()).isEqualTo(started + 60_000);
    assertThat(ended.durationAt(h.now)).isEqualTo(60_000);
    assertThat(h.floor.nextDeadline()).hasValue(h.now + 60_000);
  }

  @Test
  @DisplayName("a hard limit in a round gives the floor to the next person in the round")
  void hardExpiryInRound() {
    FloorHarness h = FloorHarness.timed(FloorMode.ROUND, 30, Overtime.HARD, "ana", "ben");
    h.facilitator(StartRound.withDefaults());
    h.later(30_000);

    h.tick();

    assertThat(h.speaker()).isEqualTo("ben");
    assertThat(h.floor.turns().get(0).endedHow()).isEqualTo("expired");
  }

  @Test
  @DisplayName("pause and resume leave paused time out of the turn and push the deadline back, to the millisecond")
  void pauseArithmetic() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.HARD, "ana");
    h.facilitator(new GiveFloor("ana"));
    long started = h.now;
    h.later(10_001);
    h.facilitator(new PauseTimer());

    assertThat(h.floor.nextDeadline()).isEmpty();
    assertThat(speaker(h).getBoolean("paused")).isTrue();
    assertThat(speaker(h).getValue("deadline")).isNull();
    h.later(500_000);
    assertThat(h.tick()).isEmpty();
    assertThat(speaker(h).getLong("remainingMillis")).isEqualTo(49_999);
    h.facilitator(new ResumeTimer());

    assertThat(h.floor.nextDeadline()).hasValue(started + 500_000 + 60_000);
    h.later(7);
    assertThat(h.floor.turns().get(0).durationAt(h.now)).isEqualTo(10_008);
    h.later(49_992);
    h.tick();
    Turn ended = h.floor.turns().get(0);
    assertThat(ended.endedAt()).isEqualTo(started + 560_000);
    assertThat(ended.pausedMillis()).isEqualTo(500_000);
    assertThat(ended.durationAt(h.now)).isEqualTo(60_000);
  }

  @Test
  @DisplayName("a turn ended while paused counts only the time spoken before the pause")
  void endWhilePaused() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.SOFT, "ana");
    h.facilitator(new GiveFloor("ana"));
    h.later(12_345);
    h.facilitator(new PauseTimer());
    h.later(20_000);

    h.participant("ana", new Yield());

    Turn ended = h.floor.turns().get(0);
    assertThat(ended.pausedMillis()).isEqualTo(20_000);
    assertThat(ended.pausedSince()).isEqualTo(-1);
    assertThat(ended.durationAt(h.now + 1_000_000)).isEqualTo(12_345);
  }

  @Test
  @DisplayName("extending adds to the current turn only, paused or not")
  void extend() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.HARD, "ana", "ben");
    h.facilitator(new GiveFloor("ana"));
    long started = h.now;
    h.facilitator(new Extend(30));
    h.later(1_000);
    h.facilitator(new PauseTimer());
    h.facilitator(new Extend(15));
    assertThat(speaker(h).getLong("remainingMillis")).isEqualTo(104_000);
    h.later(2_000);
    h.facilitator(new ResumeTimer());

    assertThat(h.floor.nextDeadline()).hasValue(started + 2_000 + 105_000);
    assertThat(speaker(h).getLong("limitMillis")).isEqualTo(105_000);
    h.facilitator(new GiveFloor("ben"));
    assertThat(h.floor.nextDeadline()).hasValue(h.now + 60_000);
  }

  @Test
  @DisplayName("extending a soft turn that is over time gives it time again")
  void extendOvertime() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.SOFT, "ana");
    h.facilitator(new GiveFloor("ana"));
    h.later(70_000);
    h.facilitator(new Extend(20));

    assertThat(speaker(h).getBoolean("overtime")).isFalse();
    assertThat(speaker(h).getLong("deadline")).isEqualTo(h.now + 10_000);
  }

  @Test
  @DisplayName("the warning comes warnSeconds before the deadline")
  void warning() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.SOFT, "ana");
    h.facilitator(new GiveFloor("ana"));

    assertThat(speaker(h).getLong("warnAt")).isEqualTo(h.now + 50_000);
    assertThat(PublicFloor.of(h.floor, h.roster, h.now).getJsonObject("speaker").getLong("warnAt")).isEqualTo(h.now + 50_000);
  }

  @Test
  @DisplayName("a new turn limit applies to the current turn too, keeping its extension")
  void setLimitMidTurn() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.SOFT, "ana");
    h.facilitator(new GiveFloor("ana"));
    h.facilitator(new Extend(10));

    h.facilitator(new SetTurnLimit(120, Overtime.HARD, null));

    assertThat(h.floor.nextDeadline()).hasValue(h.now + 130_000);
    assertThat(h.view().getInteger("warnSeconds")).isEqualTo(10);
    h.facilitator(new SetTurnLimit(0, null, null));
    assertThat(h.floor.nextDeadline()).isEmpty();
    assertThat(speaker(h).getLong("limitMillis")).isZero();
    assertThat(h.view().getString("overtime")).isEqualTo("hard");
  }

  @Test
  @DisplayName("pausing twice, resuming a running timer, or timing nobody is refused")
  void wrongStates() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 0, Overtime.SOFT, "ana");
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new PauseTimer()));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new Extend(10)));
    h.facilitator(new GiveFloor("ana"));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new Extend(10)));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new ResumeTimer()));
    h.facilitator(new PauseTimer());
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new PauseTimer()));
  }

  private static JsonObject speaker(FloorHarness h) {
    return h.view().getJsonObject("speaker");
  }
}
