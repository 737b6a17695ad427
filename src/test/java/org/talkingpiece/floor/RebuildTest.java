package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorCommand.EndTurn;
import org.talkingpiece.floor.FloorCommand.Extend;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.MoveInQueue;
import org.talkingpiece.floor.FloorCommand.Next;
import org.talkingpiece.floor.FloorCommand.Pass;
import org.talkingpiece.floor.FloorCommand.PauseTimer;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.ResumeTimer;
import org.talkingpiece.floor.FloorCommand.SetQueueVisibility;
import org.talkingpiece.floor.FloorCommand.SetTurnLimit;
import org.talkingpiece.floor.FloorCommand.StartRound;
import org.talkingpiece.floor.FloorCommand.SwitchMode;
import org.talkingpiece.floor.FloorCommand.Yield;

@DisplayName("Rebuilding from the log")
class RebuildTest {
  private final FloorHarness h = FloorHarness.timed(FloorMode.ROUND, 60, Overtime.HARD, "ana", "ben", "cy", "dee");

  @Test
  @DisplayName("a floor rebuilt from the log at any point equals the live one, through a whole workshop")
  void rebuildEqualsLive() {
    List<Runnable> steps = List.of(
        () -> h.facilitator(new StartRound(RoundOrder.SHUFFLED, List.of(), true)),
        () -> h.later(12_000),
        () -> h.facilitator(new Extend(30)),
        () -> h.facilitator(new PauseTimer()),
        () -> h.later(3_000),
        () -> h.facilitator(new ResumeTimer()),
        () -> h.participant(h.speaker(), new Yield()),
        () -> h.roster.disconnect(h.upNext().get(0)),
        () -> h.participant(h.speaker(), new Pass()),
        () -> h.roster.join("eve"),
        () -> h.tick(),
        () -> h.later(61_000),
        () -> h.tick(),
        () -> h.roster.remove(h.speaker()),
        () -> h.tick(),
        () -> h.facilitator(new Next()),
        () -> h.configure(FloorHarness.settings(FloorMode.PROGRESSIVE, 120, Overtime.SOFT)),
        () -> h.roster.reconnect("ana"),
        () -> h.roster.reconnect("ben"),
        () -> h.roster.reconnect("cy"),
        () -> h.roster.reconnect("dee"),
        () -> present().forEach(id -> h.participant(id, new RaiseHand())),
        () -> h.facilitator(new Next()),
        () -> h.later(20_000),
        () -> h.facilitator(new SwitchMode(FloorMode.QUEUE)),
        () -> h.facilitator(new MoveInQueue(h.queue().get(h.queue().size() - 1), 0)),
        () -> h.facilitator(new SetTurnLimit(30, Overtime.HARD, 5)),
        () -> h.facilitator(new SetQueueVisibility(false)),
        () -> h.later(40_000),
        () -> h.tick(),
        () -> h.facilitator(new GiveFloor(Turn.FACILITATOR)),
        () -> h.later(5_000),
        () -> h.facilitator(new EndTurn()));

    for (Runnable step : steps) {
      step.run();
      Floor rebuilt = h.rebuilt();
      assertThat(rebuilt.facilitatorView(h.roster, h.now)).isEqualTo(h.view());
      assertThat(rebuilt.facilitatorView(h.roster, h.now + 100_000))
          .isEqualTo(h.floor.facilitatorView(h.roster, h.now + 100_000));
      for (String id : h.roster.joinOrder()) {
        assertThat(rebuilt.participantView(h.roster, id, h.now)).isEqualTo(h.viewOf(id));
      }
      assertThat(rebuilt.turns()).isEqualTo(h.floor.turns());
      assertThat(rebuilt.nextDeadline()).isEqualTo(h.floor.nextDeadline());
      assertThat(rebuilt.settings()).isEqualTo(h.floor.settings());
    }
    assertThat(h.floor.turns()).hasSizeGreaterThan(5);
    assertThat(h.log).extracting(FloorEventCodec::typeOf).contains("floor.round-skipped", "floor.round-joined",
        "floor.passed", "floor.participant-left", "floor.round-second-pass", "floor.mode-changed");
  }

  @Test
  @DisplayName("the log survives being written as JSON and read back")
  void rebuildFromStoredJson() {
    h.facilitator(StartRound.withDefaults());
    h.later(10_000);
    h.participant("ana", new Pass());
    h.later(10_000);
    h.participant("ben", new Yield());
    Floor fromJson = new Floor();

    h.log.stream().map(e -> FloorEventCodec.encode(e).encode())
        .map(s -> FloorEventCodec.decode(new io.vertx.core.json.JsonObject(s)))
        .forEach(fromJson::apply);

    assertThat(fromJson.facilitatorView(h.roster, h.now)).isEqualTo(h.view());
    assertThat(fromJson.turns()).isEqualTo(h.floor.turns());
  }

  private List<String> present() {
    return h.roster.joinOrder().stream().filter(h.roster::isPresent).toList();
  }
}
