package org.talkingpiece.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.accounts.Lockout.Claim;

class LockoutTest {
  static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

  private static Lockout claim(Lockout state, Instant at, int times) {
    for (int i = 0; i < times; i++) {
      Claim c = state.claim(Lockout.PAIR, at);
      assertThat(c).as("claim %d", i + 1).isInstanceOf(Claim.Granted.class);
      state = ((Claim.Granted) c).next();
    }
    return state;
  }

  @Test
  @DisplayName("Four attempts leave the key open; claiming the fifth within 15 minutes locks it for one minute")
  void fifthAttemptLocks() {
    Lockout four = claim(Lockout.NONE, T0, 4);
    assertThat(four.lockedAt(T0)).isFalse();
    Claim fifth = four.claim(Lockout.PAIR, T0.plus(Duration.ofMinutes(14)));
    assertThat(((Claim.Granted) fifth).locking()).isTrue();
    Lockout five = ((Claim.Granted) fifth).next();
    assertThat(five.lockedAt(T0.plus(Duration.ofMinutes(14)))).isTrue();
    assertThat(five.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(five.claim(Lockout.PAIR, T0.plus(Duration.ofMinutes(14)))).isInstanceOf(Claim.Refused.class);
    assertThat(five.lockedAt(T0.plus(Duration.ofMinutes(15)))).isFalse();
  }

  @Test
  @DisplayName("Attempts more than 15 minutes apart start a new count")
  void windowSlides() {
    Lockout four = claim(Lockout.NONE, T0, 4);
    Lockout later = ((Claim.Granted) four.claim(Lockout.PAIR, T0.plus(Duration.ofMinutes(15)))).next();
    assertThat(later.attempts()).isEqualTo(1);
    assertThat(later.lockedUntil()).isNull();
  }

  @Test
  @DisplayName("Each further lock lasts twice as long, up to 30 minutes")
  void doubling() {
    assertThat(Lockout.lockLength(Lockout.PAIR, 1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(Lockout.lockLength(Lockout.PAIR, 2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(Lockout.lockLength(Lockout.PAIR, 5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(Lockout.lockLength(Lockout.PAIR, 6)).isEqualTo(Duration.ofMinutes(30));
    assertThat(Lockout.lockLength(Lockout.PAIR, 1000)).isEqualTo(Duration.ofMinutes(30));

    Lockout first = claim(Lockout.NONE, T0, 5);
    Instant afterFirst = first.lockedUntil();
    Lockout second = claim(first, afterFirst, 5);
    assertThat(Duration.between(afterFirst, second.lockedUntil())).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  @DisplayName("An address allows thirty attempts and a username a hundred from everywhere before they lock")
  void otherKeys() {
    Lockout state = Lockout.NONE;
    for (int i = 1; i < 30; i++) {
      state = ((Claim.Granted) state.claim(Lockout.ADDRESS, T0)).next();
    }
    assertThat(state.lockedAt(T0)).isFalse();
    Claim last = state.claim(Lockout.ADDRESS, T0);
    assertThat(((Claim.Granted) last).locking()).isTrue();
    assertThat(Lockout.lockLength(Lockout.USERNAME, 1)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  @DisplayName("The wait is told in whole minutes, rounded up")
  void waitText() {
    Lockout locked = claim(Lockout.NONE, T0, 5);
    assertThat(locked.waitText(T0)).isEqualTo("1 minute");
    Lockout longer = new Lockout(0, null, 3, T0.plus(Duration.ofSeconds(181)));
    assertThat(longer.waitText(T0)).isEqualTo("4 minutes");
  }

  @Test
  @DisplayName("A record is kept a day past its last attempt or lock")
  void forgetting() {
    Lockout locked = claim(Lockout.NONE, T0, 5);
    assertThat(locked.forgetAt(T0)).isEqualTo(locked.lockedUntil().plus(Duration.ofDays(1)));
    assertThat(claim(Lockout.NONE, T0, 1).forgetAt(T0)).isEqualTo(T0.plus(Duration.ofDays(1)));
  }
}
