package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.Next;
import org.talkingpiece.floor.FloorCommand.Pass;
import org.talkingpiece.floor.FloorCommand.PauseTimer;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.ResumeTimer;
import org.talkingpiece.floor.FloorCommand.SwitchMode;
import org.talkingpiece.floor.FloorCommand.Yield;
import org.talkingpiece.floor.FloorEvent.FloorGiven;

@DisplayName("Progressive stack")
class ProgressiveStackTest {
  private final FloorHarness h = FloorHarness.of(FloorMode.PROGRESSIVE, "ana", "ben", "cy", "dee");

  @Test
  @DisplayName("someone speaking for the first time goes ahead of someone who has spoken, though their hand went up later")
  void fewestTurnsFirst() {
    h.speaks("ana", 10_000);
    h.participant("ana", new RaiseHand());
    h.later(1);
    h.participant("ben", new RaiseHand());

    assertThat(h.queue()).containsExactly("ben", "ana");
    assertThat(reasons()).containsExactly("first time speaking", "1 turn so far, 10 s");
  }

  @Test
  @DisplayName("with the same number of turns, the person with less airtime goes first")
  void thenLeastAirtime() {
    h.speaks("ana", 30_000);
    h.speaks("ben", 10_000);
    h.participant("ana", new RaiseHand());
    h.later(1);
    h.participant("ben", new RaiseHand());

    assertThat(h.queue()).containsExactly("ben", "ana");
  }

  @Test
  @DisplayName("two turns beat one turn even with far less airtime")
  void turnsBeforeAirtime() {
    h.speaks("ana", 1_000);
    h.speaks("ana", 1_000);
    h.speaks("ben", 300_000);
    h.participant("ana", new RaiseHand());
    h.participant("ben", new RaiseHand());

    assertThat(h.queue()).containsExactly("ben", "ana");
    assertThat(reasons()).containsExactly("1 turn so far, 5 min", "2 turns so far, 2 s");
  }

  @Test
  @DisplayName("with the same turns and airtime, the earlier hand goes first")
  void thenEarliestHand() {
    h.speaks("ana", 10_000);
    h.speaks("ben", 10_000);
    h.participant("ben", new RaiseHand());
    h.later(1);
    h.participant("ana", new RaiseHand());
    h.participant("cy", new RaiseHand());
    h.participant("dee", new RaiseHand());

    assertThat(h.queue()).containsExactly("cy", "dee", "ben", "ana");
  }

  @Test
  @DisplayName("hands raised in the same millisecond keep first come, first served")
  void sameMillisecondIsStable() {
    h.participant("dee", new RaiseHand());
    h.participant("ben", new RaiseHand());

    assertThat(h.queue()).containsExactly("dee", "ben");
  }

  @Test
  @DisplayName("paused time is not airtime when ranking hands")
  void pausedTimeDoesNotCount() {
    h.facilitator(new GiveFloor("ana"));
    h.later(5_000);
    h.facilitator(new PauseTimer());
    h.later(60_000);
    h.facilitator(new ResumeTimer());
    h.participant("ana", new Yield());
    h.speaks("ben", 6_000);
    h.participant("ben", new RaiseHand());
    h.participant("ana", new RaiseHand());

    assertThat(h.queue()).containsExactly("ana", "ben");
    assertThat(reasons()).containsExactly("1 turn so far, 5 s", "1 turn so far, 6 s");
  }

  @Test
  @DisplayName("passing is not a turn: someone who passed is still speaking for the first time")
  void passDoesNotCount() {
    h.speaks("ben", 1_000);
    h.facilitator(new GiveFloor("ana"));
    h.later(4_000);
    h.participant("ana", new Pass());
    h.participant("ben", new RaiseHand());
    h.participant("ana", new RaiseHand());

    assertThat(h.queue()).containsExactly("ana", "ben");
    assertThat(reasons().get(0)).isEqualTo("first time speaking");
    assertThat(h.floor.turns()).extracting(Turn::speakerId).containsExactly("ben");
  }

  @Test
  @DisplayName("next gives the floor to the top of the stack, who then leaves the queue")
  void nextTakesTheTop() {
    h.speaks("ana", 10_000);
    h.participant("ana", new RaiseHand());
    h.participant("cy", new RaiseHand());

    List<FloorEvent> events = h.facilitator(new Next());

    assertThat(events).containsExactly(new FloorGiven("cy", "act-1", FloorMode.PROGRESSIVE, h.now, "queue"));
    assertThat(h.queue()).containsExactly("ana");
  }

  @Test
  @DisplayName("airtime spoken in minutes reads as minutes and seconds")
  void minutesAndSeconds() {
    h.speaks("ana", 65_400);
    h.speaks("ana", 1_000);
    h.participant("ana", new RaiseHand());

    assertThat(reasons()).containsExactly("2 turns so far, 1 min 6 s");
  }

  @Test
  @DisplayName("switching to a plain queue keeps the order the stack had")
  void switchingKeepsOrder() {
    h.speaks("ana", 10_000);
    h.participant("ana", new RaiseHand());
    h.participant("ben", new RaiseHand());

    h.facilitator(new SwitchMode(FloorMode.QUEUE));
    h.participant("cy", new RaiseHand());

    assertThat(h.queue()).containsExactly("ben", "ana", "cy");
    assertThat(h.rebuilt().facilitatorView(h.roster, h.now)).isEqualTo(h.view());
  }

  private List<String> reasons() {
    return h.view().getJsonArray("queue").stream().map(o -> ((JsonObject) o).getString("reason")).toList();
  }
}
