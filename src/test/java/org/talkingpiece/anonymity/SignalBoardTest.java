package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignalBoardTest {
  private static final ParticipantRef ANA = ParticipantRef.stored("ana");
  private static final ParticipantRef BEN = ParticipantRef.stored("ben");

  @Test
  @DisplayName("The facilitator sees at once how many people tapped ouch, and nothing else")
  void countsAtOnce() {
    SignalBoard board = SignalBoard.empty();
    board = board.tap(SignalKind.OUCH, ANA).orElseThrow().next();
    board = board.tap(SignalKind.OUCH, BEN).orElseThrow().next();
    board = board.tap(SignalKind.PAUSE, ANA).orElseThrow().next();
    assertThat(board.counts().unseen(SignalKind.OUCH)).isEqualTo(2);
    assertThat(board.counts().total(SignalKind.PAUSE)).isEqualTo(1);
    assertThat(board.toString()).doesNotContain("ana", "ben");
  }

  @Test
  @DisplayName("Tapping ouch again before the facilitator acknowledges does not inflate the count")
  void oncePerPersonUntilAcknowledged() {
    SignalBoard board = SignalBoard.empty().tap(SignalKind.OUCH, ANA).orElseThrow().next();
    assertThat(board.tap(SignalKind.OUCH, ANA)).isEmpty();
    assertThat(board.isPending(SignalKind.OUCH, ANA)).isTrue();

    SignalBoard.SignalStep ack = board.acknowledge(SignalKind.OUCH);
    assertThat(ack.change()).isEqualTo(new SignalChange(SignalKind.OUCH, true));
    board = ack.next();
    assertThat(board.counts().unseen(SignalKind.OUCH)).isZero();
    assertThat(board.counts().total(SignalKind.OUCH)).isEqualTo(1);

    SignalBoard.SignalStep again = board.tap(SignalKind.OUCH, ANA).orElseThrow();
    assertThat(again.change()).isEqualTo(new SignalChange(SignalKind.OUCH, false));
    assertThat(again.next().counts().unseen(SignalKind.OUCH)).isEqualTo(1);
    assertThat(again.next().counts().total(SignalKind.OUCH)).isEqualTo(2);
  }

  @Test
  @DisplayName("Acknowledging ouch leaves pause waiting")
  void kindsAreSeparate() {
    SignalBoard board = SignalBoard.empty().tap(SignalKind.OUCH, ANA).orElseThrow().next()
        .tap(SignalKind.PAUSE, BEN).orElseThrow().next().acknowledge(SignalKind.OUCH).next();
    assertThat(board.counts().unseen(SignalKind.PAUSE)).isEqualTo(1);
    assertThat(board.isPending(SignalKind.PAUSE, BEN)).isTrue();
  }
}
