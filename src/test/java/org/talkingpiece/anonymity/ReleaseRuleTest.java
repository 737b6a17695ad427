package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.shared.ErrorCode;

class ReleaseRuleTest {

  @Test
  @DisplayName("A facilitator can choose a threshold of 3 or more, never less")
  void thresholdBounds() {
    assertThat(ReleaseRule.threshold(3).threshold()).isEqualTo(3);
    Fails.with(ErrorCode.INVALID_INPUT, () -> ReleaseRule.threshold(2));
    Fails.with(ErrorCode.INVALID_INPUT, () -> ReleaseRule.threshold(1));
  }

  @Test
  @DisplayName("Nothing is released until k items from k different people exist")
  void firstRelease() {
    ReleaseRule k5 = ReleaseRule.threshold(5);
    assertThat(k5.releases(true, 4, 4)).isFalse();
    assertThat(k5.releases(true, 5, 4)).as("five items from four people").isFalse();
    assertThat(k5.releases(true, 5, 5)).isTrue();
  }

  @Test
  @DisplayName("After the first release, new items come out only in groups of at least k people")
  void laterBatches() {
    ReleaseRule k5 = ReleaseRule.threshold(5);
    assertThat(k5.batchSize()).isEqualTo(5);
    assertThat(k5.releases(false, 1, 1)).isFalse();
    assertThat(k5.releases(false, 4, 4)).isFalse();
    assertThat(k5.releases(false, 6, 4)).isFalse();
    assertThat(k5.releases(false, 5, 5)).isTrue();
  }

  @Test
  @DisplayName("With the immediate notice every item is shown as it arrives")
  void immediate() {
    ReleaseRule now = ReleaseRule.immediateWithNotice();
    assertThat(now.immediate()).isTrue();
    assertThat(now.releases(true, 1, 1)).isTrue();
    assertThat(now.releases(false, 1, 1)).isTrue();
    assertThat(now.releases(false, 0, 0)).isFalse();
  }
}
