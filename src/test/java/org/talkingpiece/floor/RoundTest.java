package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorCommand.EndRound;
import org.talkingpiece.floor.FloorCommand.EndTurn;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.Next;
import org.talkingpiece.floor.FloorCommand.Pass;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.StartRound;
import org.talkingpiece.floor.FloorCommand.SwitchMode;
import org.talkingpiece.floor.FloorCommand.Yield;
import org.talkingpiece.floor.FloorEvent.FloorGiven;
import org.talkingpiece.floor.FloorEvent.ParticipantLeft;
import org.talkingpiece.floor.FloorEvent.Passed;
import org.talkingpiece.floor.FloorEvent.RoundFinished;
import org.talkingpiece.floor.FloorEvent.RoundJoined;
import org.talkingpiece.floor.FloorEvent.RoundSecondPass;
import org.talkingpiece.floor.FloorEvent.RoundSkipped;
import org.talkingpiece.floor.FloorEvent.RoundStarted;
import org.talkingpiece.shared.ErrorCode;

@DisplayName("Go-around rounds")
class RoundTest {
  private final FloorHarness h = FloorHarness.of(FloorMode.ROUND, "ana", "ben", "cy");

  private static StartRound join(boolean secondPass) {
    return new StartRound(RoundOrder.JOIN, List.of(), secondPass);
  }

  private FloorGiven given(String id) {
    return new FloorGiven(id, "act-1", FloorMode.ROUND, h.now, "round");
  }

  @Test
  @DisplayName("the floor passes person to person in join order, then the round is over")
  void joinOrder() {
    assertThat(h.facilitator(join(false))).containsExactly(
        new RoundStarted(List.of("ana", "ben", "cy"), false, List.of()), given("ana"));
    h.later(20_000);
    assertThat(h.participant("ana", new Yield())).endsWith(given("ben"));
    h.later(20_000);
    h.participant("ben", new Yield());
    h.later(20_000);
    assertThat(h.participant("cy", new Yield())).endsWith(new RoundFinished("completed"));

    assertThat(h.speaker()).isNull();
    assertThat(h.floor.turns()).extracting(Turn::speakerId).containsExactly("ana", "ben", "cy");
    assertThat(h.floor.turns()).allSatisfy(t -> assertThat(t.mode()).isEqualTo("round"));
  }

  @Test
  @DisplayName("a pass moves the round on, counts as no turn, and the passer gets one more chance at the end")
  void passAndSecondPass() {
    h.facilitator(join(true));
    h.later(3_000);
    assertThat(h.participant("ana", new Pass())).containsExactly(new Passed("ana", h.now), given("ben"));
    h.participant("ben", new Yield());
    assertThat(h.participant("cy", new Yield())).containsExactly(
        h.log.get(h.log.size() - 3), new RoundSecondPass(List.of("ana")), given("ana"));
    h.later(10_000);
    h.participant("ana", new Yield());

    assertThat(h.view().getJsonObject("round").getBoolean("active")).isFalse();
    assertThat(h.floor.turns()).extracting(Turn::speakerId).containsExactly("ben", "cy", "ana");
  }

  @Test
  @DisplayName("passing again in the extra pass ends the round: there is no third chance")
  void passTwice() {
    h.facilitator(join(true));
    h.participant("ana", new Pass());
    h.participant("ben", new Pass());
    h.participant("cy", new Yield());
    assertThat(h.upNext()).containsExactly("ben");
    assertThat(h.speaker()).isEqualTo("ana");

    h.participant("ana", new Pass());
    assertThat(h.participant("ben", new Pass())).endsWith(new RoundFinished("completed"));
    assertThat(h.floor.turns()).extracting(Turn::speakerId).containsExactly("cy");
  }

  @Test
  @DisplayName("without the extra pass, those who passed are not asked again")
  void noSecondPass() {
    h.facilitator(join(false));
    h.participant("ana", new Pass());
    h.participant("ben", new Yield());

    assertThat(h.participant("cy", new Yield())).endsWith(new RoundFinished("completed"));
  }

  @Test
  @DisplayName("someone disconnected or stepped out is skipped, and asked again in the extra pass once back")
  void absentSkippedThenAskedAgain() {
    h.roster.disconnect("ben");
    h.facilitator(join(true));

    assertThat(h.participant("ana", new Yield())).containsSubsequence(
        new RoundSkipped("ben", "absent"), given("cy"));
    h.roster.reconnect("ben");
    assertThat(h.participant("cy", new Yield())).containsSubsequence(
        new RoundSecondPass(List.of("ben")), given("ben"));
  }

  @Test
  @DisplayName("someone still away in the extra pass is skipped again and the round finishes")
  void stillAbsent() {
    h.roster.disconnect("cy");
    h.facilitator(join(true));
    h.participant("ana", new Yield());

    assertThat(h.participant("ben", new Yield())).containsSubsequence(
        new RoundSkipped("cy", "absent"), new RoundSecondPass(List.of("cy")), new RoundSkipped("cy", "absent"),
        new RoundFinished("completed"));
  }

  @Test
  @DisplayName("a round where nobody is here finishes at once")
  void nobodyHere() {
    List.of("ana", "ben", "cy").forEach(h.roster::disconnect);

    List<FloorEvent> events = h.facilitator(join(false));

    assertThat(events).endsWith(new RoundFinished("completed"));
    assertThat(h.speaker()).isNull();
  }

  @Test
  @DisplayName("someone who joins during the first pass goes to the end of it")
  void lateJoiner() {
    h.facilitator(join(false));
    h.roster.join("dee");

    assertThat(h.tick()).containsExactly(new RoundJoined("dee"));
    assertThat(h.upNext()).containsExactly("ben", "cy", "dee");
    h.participant("ana", new Yield());
    h.participant("ben", new Yield());
    assertThat(h.participant("cy", new Yield())).endsWith(given("dee"));
  }

  @Test
  @DisplayName("a late joiner is picked up when the round moves on, even without a tick")
  void lateJoinerWithoutTick() {
    h.facilitator(join(false));
    h.participant("ana", new Yield());
    h.participant("ben", new Yield());
    h.roster.join("dee");

    assertThat(h.participant("cy", new Yield())).containsSubsequence(new RoundJoined("dee"), given("dee"));
  }

  @Test
  @DisplayName("someone who joins during the extra pass waits for the next round")
  void lateJoinerAfterFirstPass() {
    h.facilitator(join(true));
    h.participant("ana", new Pass());
    h.participant("ben", new Yield());
    h.participant("cy", new Yield());
    h.roster.join("dee");

    assertThat(h.tick()).isEmpty();
    assertThat(h.participant("ana", new Yield())).endsWith(new RoundFinished("completed"));
  }

  @Test
  @DisplayName("someone the facilitator left out of an arranged round is not added as a late joiner")
  void arrangedLeftOut() {
    assertThat(h.facilitator(new StartRound(RoundOrder.ARRANGED, List.of("cy", "ana"), false)))
        .startsWith(new RoundStarted(List.of("cy", "ana"), false, List.of("ben")));

    assertThat(h.tick()).isEmpty();
    h.participant("cy", new Yield());
    assertThat(h.participant("ana", new Yield())).endsWith(new RoundFinished("completed"));
  }

  @Test
  @DisplayName("a shuffled order is decided once, recorded, and holds everyone")
  void shuffled() {
    FloorHarness many = FloorHarness.of(FloorMode.ROUND, "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");
    RoundStarted started = (RoundStarted) many.facilitator(
        new StartRound(RoundOrder.SHUFFLED, List.of(), false)).get(0);

    assertThat(started.order()).containsExactlyInAnyOrder("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8")
        .isNotEqualTo(List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"));
    assertThat(many.speaker()).isEqualTo(started.order().get(0));
    assertThat(many.rebuilt().facilitatorView(many.roster, many.now)).isEqualTo(many.view());
  }

  @Test
  @DisplayName("someone removed while waiting leaves the round and never gets the floor")
  void removedWhileWaiting() {
    h.facilitator(join(true));
    h.roster.remove("ben");

    assertThat(h.tick()).containsExactly(new ParticipantLeft("ben"));
    assertThat(h.participant("ana", new Yield())).endsWith(given("cy"));
  }

  @Test
  @DisplayName("removing the speaker ends their turn and the next person gets the floor")
  void removedSpeaker() {
    h.facilitator(join(false));
    h.later(7_000);
    h.roster.remove("ana");

    List<FloorEvent> events = h.tick();

    assertThat(events).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("TurnEnded", "ParticipantLeft", "FloorGiven");
    assertThat(h.floor.turns().get(0).endedHow()).isEqualTo("removed");
    assertThat(h.floor.turns().get(0).durationAt(h.now)).isEqualTo(7_000);
    assertThat(h.speaker()).isEqualTo("ben");
    assertThat(h.tick()).isEmpty();
  }

  @Test
  @DisplayName("someone removed without a tick is skipped when their turn comes and not asked again")
  void removedSkippedWithoutTick() {
    h.facilitator(join(true));
    h.roster.remove("ben");

    assertThat(h.participant("ana", new Yield())).containsSubsequence(new RoundSkipped("ben", "removed"), given("cy"));
    assertThat(h.view().getJsonObject("round").getJsonArray("secondChance")).isEmpty();
    assertThat(h.participant("cy", new Yield())).endsWith(new RoundFinished("completed"));
  }

  @Test
  @DisplayName("someone who passed and was then removed is not asked again")
  void removedAfterPassing() {
    h.facilitator(join(true));
    h.participant("ana", new Pass());
    h.roster.remove("ana");
    h.tick();
    h.participant("ben", new Yield());

    assertThat(h.participant("cy", new Yield())).endsWith(new RoundFinished("completed"));
  }

  @Test
  @DisplayName("the facilitator's next ends the turn and moves the round on")
  void nextInRound() {
    h.facilitator(join(false));
    h.later(5_000);

    h.facilitator(new Next());

    assertThat(h.speaker()).isEqualTo("ben");
    assertThat(h.floor.turns().get(0).endedHow()).isEqualTo("next");
  }

  @Test
  @DisplayName("ending a turn in a round moves the round on")
  void endTurnInRound() {
    h.facilitator(join(false));

    h.facilitator(new EndTurn());

    assertThat(h.speaker()).isEqualTo("ben");
  }

  @Test
  @DisplayName("given the floor out of order, a waiting person uses their place and the round carries on from before")
  void givenOutOfOrder() {
    FloorHarness four = FloorHarness.of(FloorMode.ROUND, "ana", "ben", "cy", "dee");
    four.facilitator(join(false));

    four.facilitator(new GiveFloor("cy"));
    assertThat(four.upNext()).containsExactly("ben", "dee");
    four.participant("cy", new Yield());

    assertThat(four.speaker()).isEqualTo("ben");
    four.participant("ben", new Yield());
    assertThat(four.speaker()).isEqualTo("dee");
  }

  @Test
  @DisplayName("the facilitator speaking in the middle of a round does not use anyone's place")
  void facilitatorInterjects() {
    h.facilitator(join(false));
    h.participant("ana", new Yield());

    h.facilitator(new GiveFloor(Turn.FACILITATOR));
    assertThat(h.upNext()).containsExactly("cy");
    h.participant("ben", new RaiseHand());
    h.facilitator(new Yield());

    assertThat(h.speaker()).isEqualTo("cy");
  }

  @Test
  @DisplayName("a second round cannot start while one is going; the facilitator can stop it")
  void stopRound() {
    h.facilitator(join(false));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(join(false)));

    assertThat(h.facilitator(new EndRound())).containsExactly(new RoundFinished("stopped"));
    assertThat(h.speaker()).isEqualTo("ana");
    h.participant("ana", new Yield());
    assertThat(h.speaker()).isNull();
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new Next()));
    h.refused(ErrorCode.WRONG_STATE, () -> h.facilitator(new EndRound()));
  }

  @Test
  @DisplayName("starting a round from a discussion switches to round mode and ends the current turn")
  void startFromDiscussion() {
    FloorHarness d = FloorHarness.of(FloorMode.PROGRESSIVE, "ana", "ben");
    d.facilitator(new GiveFloor("ben"));

    List<FloorEvent> events = d.facilitator(join(false));

    assertThat(events).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("TurnEnded", "ModeChanged", "RoundStarted", "FloorGiven");
    assertThat(d.view().getString("mode")).isEqualTo("round");
    assertThat(d.speaker()).isEqualTo("ana");
  }

  @Test
  @DisplayName("switching away from round mode stops the round")
  void switchingStopsRound() {
    h.facilitator(join(false));

    assertThat(h.facilitator(new SwitchMode(FloorMode.QUEUE))).startsWith(new RoundFinished("stopped"));
    h.participant("ana", new Yield());
    assertThat(h.speaker()).isNull();
  }

  @Test
  @DisplayName("an arranged round naming someone unknown or removed is refused")
  void arrangedRefused() {
    h.refused(ErrorCode.NOT_FOUND,
        () -> h.facilitator(new StartRound(RoundOrder.ARRANGED, List.of("ana", "zed"), false)));
    h.roster.remove("ben");
    h.refused(ErrorCode.WRONG_STATE,
        () -> h.facilitator(new StartRound(RoundOrder.ARRANGED, List.of("ben"), false)));
  }

  @Test
  @DisplayName("with the activity's defaults, a round starts in join order with the extra pass")
  void defaults() {
    assertThat(h.facilitator(StartRound.withDefaults()))
        .startsWith(new RoundStarted(List.of("ana", "ben", "cy"), true, List.of()));
  }
}
