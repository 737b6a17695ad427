package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.store.Database;

/**
 * Deletes every session created more than the retention period ago ({@code RETENTION_DAYS}, SPEC "Safety
 * defaults"): once shortly after start, then every hour. Each session goes through
 * {@link SessionService#delete}, so its log, tokens, directory entry and every feature's data go with it,
 * and a session still running is closed first. The log says how many were deleted, never which or what.
 *
 * <p>Threading: timers and sweeps run on this verticle's event loop; a sweep that is still running when
 * the next is due makes that one skip. With several nodes each runs its own sweeper; deleting a session
 * twice is harmless. A sweep takes at most {@link #BATCH} sessions, so a large backlog drains over
 * several sweeps instead of loading the database all at once.
 */
public final class RetentionSweeper extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);
  /** How often the sweeper looks for expired sessions. */
  public static final Duration EVERY = Duration.ofHours(1);
  /** The first sweep after start: soon, but after start-up's own work has settled. */
  public static final Duration FIRST_AFTER = Duration.ofMinutes(1);
  static final int BATCH = 500;

  /** Finds the ids of sessions created before a moment, at most {@code limit} of them. */
  @FunctionalInterface
  public interface Expired {
    Future<List<String>> createdBefore(long cutoffMillis, int limit);
  }

  /** Deletes one session and everything in it. */
  @FunctionalInterface
  public interface Deleter {
    Future<Void> delete(String sessionId);
  }

  private final Expired expired;
  private final Deleter deleter;
  private final Duration retention;
  private final InstantSource clock;
  private final Duration firstAfter;
  private final Duration every;
  private boolean sweeping;
  private long firstTimer = -1;
  private long periodicTimer = -1;

  /**
   * @param retention sessions created longer ago than this are deleted
   * @param clock the time sweeps compare creation times with
   * @param firstAfter the delay before the first sweep
   * @param every the time between sweeps
   */
  public RetentionSweeper(Expired expired, Deleter deleter, Duration retention, InstantSource clock,
      Duration firstAfter, Duration every) {
    if (retention.isNegative() || every.isZero() || every.isNegative() || firstAfter.isNegative()) {
      throw new IllegalArgumentException("retention and delays must not be negative, and the period must be positive");
    }
    this.expired = expired;
    this.deleter = deleter;
    this.retention = retention;
    this.clock = clock;
    this.firstAfter = firstAfter;
    this.every = every;
  }

  /** The production sweeper: the session directory, {@link SessionService#delete}, hourly. */
  public static RetentionSweeper create(Database db, SessionService sessions, Duration retention, InstantSource clock) {
    return new RetentionSweeper(expiredIn(db), sessions::delete, retention, clock, FIRST_AFTER, EVERY);
  }

  /** Expired sessions as the session directory lists them, by their creation time. */
  public static Expired expiredIn(Database db) {
    return new SessionDirectory(db)::createdBefore;
  }

  @Override
  public Future<?> start() {
    firstTimer = vertx.setTimer(Math.max(1, firstAfter.toMillis()), id -> sweep());
    periodicTimer = vertx.setPeriodic(Math.max(1, firstAfter.toMillis()) + every.toMillis(), every.toMillis(),
        id -> sweep());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(firstTimer);
    vertx.cancelTimer(periodicTimer);
    return Future.succeededFuture();
  }

  /**
   * Deletes what has expired by now; completes with how many sessions were deleted (0 when a sweep was
   * already running). A session that fails to delete is left for the next sweep; the sweep carries on.
   * Call it on this verticle's context (the timers do), or, in tests, on a verticle that is not deployed.
   */
  public Future<Integer> sweep() {
    if (sweeping) {
      return Future.succeededFuture(0);
    }
    sweeping = true;
    long cutoff = clock.millis() - retention.toMillis();
    return expired.createdBefore(cutoff, BATCH)
        .compose(this::deleteAll)
        .onSuccess(this::report)
        .onFailure(e -> LOG.warn("Retention: could not look for expired sessions: {}", e.getMessage()))
        .onComplete(done -> sweeping = false);
  }

  /** Deletes one after another, so a backlog never floods the database. */
  private Future<Integer> deleteAll(List<String> ids) {
    int[] counts = new int[2]; // deleted, failed
    Future<Void> chain = Future.succeededFuture();
    for (String id : ids) {
      chain = chain.compose(v -> deleter.delete(id)
          .onSuccess(x -> counts[0]++)
          .otherwise(e -> {
            counts[1]++;
            return null;
          }));
    }
    return chain.map(v -> {
      if (counts[1] > 0) {
        LOG.warn("Retention: {} expired session(s) could not be deleted; the next sweep tries again", counts[1]);
      }
      return counts[0];
    });
  }

  private void report(int deleted) {
    if (deleted > 0) {
      LOG.info("Retention: deleted {} session(s) created more than {} days ago", deleted, retention.toDays());
    }
  }
}
