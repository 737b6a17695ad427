package org.talkingpiece.web;

/**
 * A token bucket: {@code perSecond} frames a second on average, bursts up to twice that. Not
 * thread-safe: one per socket, used on that socket's event loop.
 */
final class RateLimiter {
  private final double perMilli;
  private final double capacity;
  private double tokens;
  private long last;

  RateLimiter(int perSecond, long now) {
    this.perMilli = perSecond / 1000.0;
    this.capacity = perSecond * 2.0;
    this.tokens = capacity;
    this.last = now;
  }

  boolean tryAcquire(long now) {
    tokens = Math.min(capacity, tokens + (now - last) * perMilli);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
