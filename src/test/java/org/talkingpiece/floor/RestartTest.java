package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.Next;
import org.talkingpiece.floor.FloorCommand.PauseTimer;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.StartRound;
import org.talkingpiece.floor.FloorCommand.Yield;
import org.talkingpiece.floor.FloorEvent.TurnEnded;
import org.talkingpiece.shared.Actor;

@DisplayName("Restart in the middle of a turn")
class RestartTest {

  /** The server stops: a new floor replays the log, as the session does on start. */
  private static Floor restart(FloorHarness h) {
    Floor fresh = h.rebuilt();
    assertThat(fresh.facilitatorView(h.roster, h.now)).isEqualTo(h.view());
    return fresh;
  }

  @Test
  @DisplayName("the open turn is closed at the last moment the server was alive, and the queue carries on")
  void midTurn() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.HARD, "ana", "ben");
    h.participant("ben", new RaiseHand());
    h.facilitator(new GiveFloor("ana"));
    long started = h.now;
    long lastAlive = started + 20_000;
    Floor fresh = restart(h);
    h.later(95_000);

    List<FloorEvent> events = fresh.recoverAfterRestart(lastAlive);

    assertThat(events).containsExactly(
        new TurnEnded(new Turn("ana", "act-1", "queue", started, lastAlive, 0, -1, "restart")));
    events.forEach(fresh::apply);
    assertThat(fresh.speakerId()).isEmpty();
    assertThat(fresh.nextDeadline()).isEmpty();
    assertThat(fresh.turns().get(0).durationAt(h.now)).isEqualTo(20_000);
    assertThat(fresh.tick(h.roster, h.now)).isEmpty();

    fresh.decide(new Next(), Actor.facilitator(), h.roster, h.now).forEach(fresh::apply);
    assertThat(fresh.speakerId()).hasValue("ben");
    assertThat(fresh.nextDeadline()).hasValue(h.now + 60_000);
  }

  @Test
  @DisplayName("a turn paused when the server stopped keeps its paused time out")
  void pausedAtRestart() {
    FloorHarness h = FloorHarness.timed(FloorMode.QUEUE, 60, Overtime.SOFT, "ana");
    h.facilitator(new GiveFloor("ana"));
    h.later(8_000);
    h.facilitator(new PauseTimer());
    Floor fresh = restart(h);

    List<FloorEvent> events = fresh.recoverAfterRestart(h.now + 30_000);
    events.forEach(fresh::apply);

    Turn closed = fresh.turns().get(0);
    assertThat(closed.endedHow()).isEqualTo("restart");
    assertThat(closed.pausedMillis()).isEqualTo(30_000);
    assertThat(closed.durationAt(h.now + 999_999)).isEqualTo(8_000);
  }

  @Test
  @DisplayName("in a round, nobody holds the floor after a restart and next carries on with the following person")
  void midRound() {
    FloorHarness h = FloorHarness.of(FloorMode.ROUND, "ana", "ben", "cy");
    h.facilitator(StartRound.withDefaults());
    h.later(5_000);
    h.participant("ana", new Yield());
    h.later(5_000);
    Floor fresh = restart(h);

    fresh.recoverAfterRestart(h.now).forEach(fresh::apply);

    assertThat(fresh.speakerId()).isEmpty();
    assertThat(fresh.facilitatorView(h.roster, h.now).getJsonObject("round").getBoolean("active")).isTrue();
    fresh.decide(new Next(), Actor.facilitator(), h.roster, h.now).forEach(fresh::apply);
    assertThat(fresh.speakerId()).hasValue("cy");
    assertThat(fresh.turns()).extracting(Turn::endedHow).containsExactly("yielded", "restart", null);
  }

  @Test
  @DisplayName("with nobody speaking, a restart changes nothing")
  void nothingOpen() {
    FloorHarness h = FloorHarness.of(FloorMode.QUEUE, "ana");
    h.participant("ana", new RaiseHand());

    assertThat(restart(h).recoverAfterRestart(h.now)).isEmpty();
  }

  @Test
  @DisplayName("a clock that went backwards never closes a turn before it started")
  void clockBackwards() {
    FloorHarness h = FloorHarness.of(FloorMode.QUEUE, "ana");
    h.facilitator(new GiveFloor("ana"));

    List<FloorEvent> events = restart(h).recoverAfterRestart(h.now - 5_000);

    assertThat(((TurnEnded) events.get(0)).turn().endedAt()).isEqualTo(h.now);
  }
}
