package org.talkingpiece.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LockoutTest {
  static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

  private static Lockout fail(Lockout state, Instant at, int times) {
    for (int i = 0; i < times; i++) {
      state = state.afterFailure(at);
    }
    return state;
  }

  @Test
  @DisplayName("Four failures leave the username open; the fifth within 15 minutes locks it for one minute")
  void fifthFailureLocks() {
    Lockout four = fail(Lockout.NONE, T0, 4);
    assertThat(four.lockedAt(T0)).isFalse();
    Lockout five = four.afterFailure(T0.plus(Duration.ofMinutes(14)));
    assertThat(five.lockedAt(T0.plus(Duration.ofMinutes(14)))).isTrue();
    assertThat(five.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(five.lockedAt(T0.plus(Duration.ofMinutes(15)))).isFalse();
  }

  @Test
  @DisplayName("Failures more than 15 minutes apart start a new count")
  void windowSlides() {
    Lockout four = fail(Lockout.NONE, T0, 4);
    Lockout later = four.afterFailure(T0.plus(Duration.ofMinutes(15)));
    assertThat(later.failures()).isEqualTo(1);
    assertThat(later.lockedUntil()).isNull();
  }

  @Test
  @DisplayName("Each further lock lasts twice as long, up to 30 minutes")
  void doubling() {
    assertThat(Lockout.lockLength(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(Lockout.lockLength(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(Lockout.lockLength(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(Lockout.lockLength(6)).isEqualTo(Duration.ofMinutes(30));
    assertThat(Lockout.lockLength(1000)).isEqualTo(Duration.ofMinutes(30));

    Lockout first = fail(Lockout.NONE, T0, 5);
    Instant afterFirst = first.lockedUntil();
    Lockout second = fail(first, afterFirst, 5);
    assertThat(Duration.between(afterFirst, second.lockedUntil())).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  @DisplayName("The wait is told in whole minutes, rounded up")
  void waitText() {
    Lockout locked = fail(Lockout.NONE, T0, 5);
    assertThat(locked.waitText(T0)).isEqualTo("1 minute");
    Lockout longer = new Lockout(0, null, 3, T0.plus(Duration.ofSeconds(181)));
    assertThat(longer.waitText(T0)).isEqualTo("4 minutes");
  }

  @Test
  @DisplayName("A record is kept a day past its last failure or lock")
  void forgetting() {
    Lockout locked = fail(Lockout.NONE, T0, 5);
    assertThat(locked.forgetAt(T0)).isEqualTo(locked.lockedUntil().plus(Duration.ofDays(1)));
    assertThat(Lockout.NONE.afterFailure(T0).forgetAt(T0)).isEqualTo(T0.plus(Duration.ofDays(1)));
  }
}
