package org.talkingpiece.shared;

/**
 * A token bucket: {@code perSecond} events a second on average, bursts up to twice that (or
 * {@code burst}). Not thread-safe: one per socket or per caller, used on one event loop.
 */
public final class RateLimiter {
  private final double perMilli;
  private final double capacity;
  private double tokens;
  private long last;

  public RateLimiter(int perSecond, long now) {
    this(perSecond / 1000.0, perSecond * 2.0, now);
  }

  /** {@code perMilli} events a millisecond on average, at most {@code capacity} at once. */
  public RateLimiter(double perMilli, double capacity, long now) {
    this.perMilli = perMilli;
    this.capacity = capacity;
    this.tokens = capacity;
    this.last = now;
  }

  public boolean tryAcquire(long now) {
    tokens = Math.min(capacity, tokens + (now - last) * perMilli);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
