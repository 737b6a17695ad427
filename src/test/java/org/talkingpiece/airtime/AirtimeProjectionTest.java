package org.talkingpiece.airtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.talkingpiece.airtime.Fixtures.member;
import static org.talkingpiece.airtime.Fixtures.speaking;
import static org.talkingpiece.airtime.Fixtures.spoke;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.Turn;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

@DisplayName("Airtime panel figures")
class AirtimeProjectionTest {
  private static final List<Member> FOUR = List.of(member("p1"), member("p2"), member("p3"), member("p4"));

  private static AirtimeSnapshot at(List<Turn> turns, List<Member> members, long nowSecond) {
    return AirtimeProjection.at(turns, members, nowSecond * 1000, 5, List.of());
  }

  @Test
  @DisplayName("shows seconds, turns, share and mean turn per person, silent people as zero")
  void perParticipantRows() {
    // p1: 10 s + 20 s; p2: 30 s; p3, p4: nothing. Total 60 s.
    AirtimeSnapshot s = at(List.of(spoke("p1", 0, 10), spoke("p2", 10, 40), spoke("p1", 40, 60)), FOUR, 100);

    AirtimeSnapshot.ParticipantAirtime p1 = s.participant("p1").orElseThrow();
    assertThat(p1.airtimeMs()).isEqualTo(30_000);
    assertThat(p1.turns()).isEqualTo(2);
    assertThat(p1.share()).isEqualTo(0.5);
    assertThat(p1.meanTurnMs()).isEqualTo(15_000);
    assertThat(p1.spoken()).isTrue();
    AirtimeSnapshot.ParticipantAirtime p3 = s.participant("p3").orElseThrow();
    assertThat(p3.airtimeMs()).isZero();
    assertThat(p3.spoken()).isFalse();
    assertThat(s.participants()).extracting(AirtimeSnapshot.ParticipantAirtime::id)
        .containsExactly("p1", "p2", "p3", "p4");
    assertThat(s.totalAirtimeMs()).isEqualTo(60_000);
    assertThat(s.totalTurns()).isEqualTo(3);
    // x = [0, 0, 30, 30] s: ordered pairs differing = 2·2·2 = 8, each 30 → 240; G = 240/(2·4·60) = 0.5
    assertThat(s.gini()).isEqualTo(0.5);
    assertThat(s.balance()).isEqualTo(50);
    assertThat(s.voicesHeard()).isEqualTo(new AirtimeSnapshot.VoicesHeard(2, 4));
  }

  @Test
  @DisplayName("a turn still running counts up to now")
  void openTurnCountsToNow() {
    List<Turn> turns = List.of(spoke("p1", 0, 10), speaking("p2", 20));
    assertThat(at(turns, FOUR, 25).participant("p2").orElseThrow().airtimeMs()).isEqualTo(5_000);
    assertThat(at(turns, FOUR, 50).participant("p2").orElseThrow().airtimeMs()).isEqualTo(30_000);
    assertThat(at(turns, FOUR, 50).participant("p2").orElseThrow().turns()).isEqualTo(1);
  }

  @Test
  @DisplayName("paused time is not airtime, in a finished turn or a paused one")
  void pausedTimeExcluded() {
    Turn finished = new Turn("p1", "a1", "round", 0, 60_000, 15_000, -1, "expired");
    Turn pausedNow = new Turn("p2", "a1", "round", 60_000, -1, 5_000, 80_000, null);
    AirtimeSnapshot s = AirtimeProjection.at(List.of(finished, pausedNow), FOUR, 100_000, 5, List.of());
    assertThat(s.participant("p1").orElseThrow().airtimeMs()).isEqualTo(45_000);
    // 40 s elapsed, 5 s of earlier pause, paused for the last 20 s → 15 s
    assertThat(s.participant("p2").orElseThrow().airtimeMs()).isEqualTo(15_000);
  }

  @Test
  @DisplayName("a removed participant disappears from every figure, turns included")
  void removedExcluded() {
    List<Member> members = List.of(member("p1"), member("p2"),
        new Member("gone", "Gone", 0, true, Map.of()));
    AirtimeSnapshot s = at(List.of(spoke("p1", 0, 30), spoke("gone", 30, 90), spoke("p2", 90, 120)), members, 200);
    assertThat(s.participants()).extracting(AirtimeSnapshot.ParticipantAirtime::id).containsExactly("p1", "p2");
    assertThat(s.totalAirtimeMs()).isEqualTo(60_000);
    assertThat(s.gini()).isEqualTo(0.0);
    assertThat(s.voicesHeard()).isEqualTo(new AirtimeSnapshot.VoicesHeard(2, 2));
    assertThat(s.toFacilitatorJson().encode()).doesNotContain("gone", "Gone");
  }

  @Test
  @DisplayName("someone who joins later counts from when they joined")
  void laterJoiner() {
    List<Member> members = List.of(member("p1"), Member.of("late", "Late", 50_000));
    assertThat(at(List.of(spoke("p1", 0, 10)), members, 40).voicesHeard().of()).isEqualTo(1);
    AirtimeSnapshot after = at(List.of(spoke("p1", 0, 10)), members, 60);
    assertThat(after.voicesHeard()).isEqualTo(new AirtimeSnapshot.VoicesHeard(1, 2));
    assertThat(after.balance()).isEqualTo(50);
  }

  @Test
  @DisplayName("the facilitator's airtime is reported apart and does not move the balance")
  void facilitatorApart() {
    List<Turn> turns = List.of(spoke(Turn.FACILITATOR, 0, 300), spoke("p1", 300, 330), spoke("p2", 330, 360),
        spoke(Turn.FACILITATOR, 360, 400));
    AirtimeSnapshot s = at(turns, List.of(member("p1"), member("p2")), 500);
    assertThat(s.facilitator()).isEqualTo(new AirtimeSnapshot.FacilitatorAirtime(340_000, 2));
    assertThat(s.totalAirtimeMs()).isEqualTo(60_000);
    assertThat(s.totalTurns()).isEqualTo(2);
    assertThat(s.balance()).isEqualTo(100);
    assertThat(s.participant("p1").orElseThrow().share()).isEqualTo(0.5);
    assertThat(s.participants()).extracting(AirtimeSnapshot.ParticipantAirtime::id)
        .doesNotContain(Turn.FACILITATOR);
  }

  @Test
  @DisplayName("before anyone speaks every share is 0 and the balance is 100")
  void nobodySpokeYet() {
    AirtimeSnapshot s = at(List.of(), FOUR, 10);
    assertThat(s.balance()).isEqualTo(100);
    assertThat(s.participants()).allSatisfy(p -> assertThat(p.share()).isZero());
    assertThat(s.voicesHeard()).isEqualTo(new AirtimeSnapshot.VoicesHeard(0, 4));
  }

  @Test
  @DisplayName("a threshold below 3 or a participant listed twice is refused with a clear error")
  void badInputRefused() {
    assertThatThrownBy(() -> AirtimeProjection.at(List.of(), FOUR, 0, 2, List.of()))
        .isInstanceOfSatisfying(AppException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
        .hasMessageContaining("at least 3");
    assertThatThrownBy(() -> at(List.of(), List.of(member("p1"), member("p1")), 0))
        .isInstanceOf(AppException.class).hasMessageContaining("p1");
    assertThatThrownBy(() -> member(Turn.FACILITATOR)).isInstanceOf(AppException.class);
  }
}
