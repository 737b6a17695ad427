package org.talkingpiece.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The limits of the bridge guard and the join limiter, with time given rather than waited for. */
@DisplayName("Rate limits")
class RateLimiterTest {

  @Test
  @DisplayName("a socket may burst to twice its rate, then gets one frame back per 1/rate seconds")
  void burstThenRefill() {
    long now = 1_000_000;
    RateLimiter limiter = new RateLimiter(10, now);
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryAcquire(now)).as("frame %d of the burst", i + 1).isTrue();
    }
    assertThat(limiter.tryAcquire(now)).as("the 21st frame at once").isFalse();
    assertThat(limiter.tryAcquire(now + 99)).as("99 ms later: not yet a whole frame").isFalse();
    assertThat(limiter.tryAcquire(now + 100)).as("100 ms later: one frame").isTrue();
    assertThat(limiter.tryAcquire(now + 100)).isFalse();
    assertThat(limiter.tryAcquire(now + 60_000)).as("a quiet minute refills the bucket").isTrue();
  }

  @Test
  @DisplayName("joins: at most the per-minute figure at once, then one more each 60/perMinute seconds")
  void joinsPerMinute() {
    long now = 5_000;
    int perMinute = 3;
    RateLimiter limiter = new RateLimiter(perMinute / 60_000.0, perMinute, now);
    assertThat(limiter.tryAcquire(now)).isTrue();
    assertThat(limiter.tryAcquire(now)).isTrue();
    assertThat(limiter.tryAcquire(now)).isTrue();
    assertThat(limiter.tryAcquire(now + 1_000)).isFalse();
    assertThat(limiter.tryAcquire(now + 19_999)).isFalse();
    assertThat(limiter.tryAcquire(now + 20_000)).isTrue();
  }
}
