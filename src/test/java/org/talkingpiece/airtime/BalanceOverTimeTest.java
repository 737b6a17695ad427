package org.talkingpiece.airtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.airtime.Fixtures.member;
import static org.talkingpiece.airtime.Fixtures.spoke;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.Turn;

@DisplayName("Report: balance over time and per activity")
class BalanceOverTimeTest {

  @Test
  @DisplayName("the balance line follows the session every 30 seconds up to its end")
  void balanceEveryThirtySeconds() {
    // p1 speaks 0–60 s, p2 speaks 60–120 s; the session runs 0–120 s.
    List<Turn> turns = List.of(spoke("p1", 0, 60), spoke("p2", 60, 120));
    List<BalancePoint> points = BalanceSeries.of(turns, List.of(member("p1"), member("p2")), 0, 120_000, 120_000);
    // t=30:  [30, 0]  → G = 60/(2·2·30) = 0.5   → 50, 1 voice
    // t=60:  [60, 0]  → 50; p2's turn starts at 60 s, so 2 voices
    // t=90:  [60, 30] → G = 60/(2·2·90) = 1/6  → round(83.3) = 83
    // t=120: [60, 60] → 100
    assertThat(points).containsExactly(
        new BalancePoint(30_000, 30_000, 50, 1, 2),
        new BalancePoint(60_000, 60_000, 50, 2, 2),
        new BalancePoint(90_000, 90_000, 83, 2, 2),
        new BalancePoint(120_000, 120_000, 100, 2, 2));
  }

  @Test
  @DisplayName("a session that ends between steps still gets a final point at its end")
  void finalPointAtEnd() {
    List<BalancePoint> points = BalanceSeries.of(List.of(spoke("p1", 0, 40)), List.of(member("p1"), member("p2")),
        0, 45_000, 45_000);
    assertThat(points).extracting(BalancePoint::at).containsExactly(30_000L, 45_000L);
  }

  @Test
  @DisplayName("a turn that spans a point counts only its part before that point")
  void turnSpanningAPoint() {
    List<BalancePoint> points = BalanceSeries.of(List.of(spoke("p1", 0, 20), spoke("p2", 20, 60)),
        List.of(member("p1"), member("p2")), 0, 60_000, 60_000);
    // t=30: [20, 10] → G = 20/(2·2·30) = 1/6 → 83
    assertThat(points.get(0).balance()).isEqualTo(83);
  }

  @Test
  @DisplayName("long sessions keep the line readable with a coarser step, and a session never started has none")
  void stepAndEmpty() {
    assertThat(BalanceSeries.step(0, 6 * 3600_000L)).isEqualTo(30_000);
    assertThat(BalanceSeries.step(0, 7 * 3600_000L)).isEqualTo(60_000);
    assertThat(BalanceSeries.of(List.of(), List.of(member("p1")), -1, 1000, 1000)).isEmpty();
  }

  @Test
  @DisplayName("each activity shows its own airtime, turns and balance; unlisted activities are not lost")
  void perActivity() {
    List<Turn> turns = List.of(
        spoke(Turn.FACILITATOR, "intro", 0, 60), spoke("p1", "intro", 60, 90),
        spoke("p2", "round", 100, 130), spoke("p1", "round", 130, 160),
        spoke("p2", "extra", 200, 210));
    List<ActivityInfo> agenda = List.of(
        new ActivityInfo("intro", "Welcome", 0, 95_000), new ActivityInfo("round", "Opening round", 95_000, 190_000));
    List<ActivityAirtime> out = ActivityBreakdown.of(turns, List.of(member("p1"), member("p2")), agenda, 300_000);

    assertThat(out).extracting(ActivityAirtime::id).containsExactly("intro", "round", "extra");
    AirtimeSnapshot intro = out.get(0).figures();
    assertThat(intro.facilitator()).isEqualTo(new AirtimeSnapshot.FacilitatorAirtime(60_000, 1));
    assertThat(intro.totalAirtimeMs()).isEqualTo(30_000);
    assertThat(intro.balance()).isEqualTo(50); // [30, 0]
    assertThat(intro.voicesHeard()).isEqualTo(new AirtimeSnapshot.VoicesHeard(1, 2));
    AirtimeSnapshot round = out.get(1).figures();
    assertThat(round.participant("p1").orElseThrow().airtimeMs()).isEqualTo(30_000);
    assertThat(round.participant("p2").orElseThrow().turns()).isEqualTo(1);
    assertThat(round.balance()).isEqualTo(100);
    assertThat(out.get(2).title()).isEqualTo("extra");
    assertThat(out.get(2).figures().totalAirtimeMs()).isEqualTo(10_000);
    assertThat(out).allSatisfy(a -> assertThat(a.figures().groupParity().categories()).isEmpty());
  }

  @Test
  @DisplayName("someone who joined after an activity ended is not counted as silent in it")
  void laterJoinerNotSilentInEarlierActivity() {
    List<Member> members = List.of(member("p1"), Member.of("late", "Late", 200_000));
    List<ActivityAirtime> out = ActivityBreakdown.of(List.of(spoke("p1", "intro", 0, 30)), members,
        List.of(new ActivityInfo("intro", "Welcome", 0, 60_000)), 300_000);
    assertThat(out.get(0).figures().voicesHeard()).isEqualTo(new AirtimeSnapshot.VoicesHeard(1, 1));
    assertThat(out.get(0).figures().balance()).isEqualTo(100);
  }
}
