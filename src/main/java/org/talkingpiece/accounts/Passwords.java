package org.talkingpiece.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.BCryptFormatter;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import at.favre.lib.crypto.bcrypt.Radix64Encoder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * bcrypt hashing and checking. Hashing takes a deliberate ~0.25 s at the default cost, so it runs on
 * a small worker pool of its own, never on the event loop, and a flood of sign-ins queues there
 * instead of starving other blocking work. Past {@link #MAX_PENDING} queued jobs, new ones are
 * refused with RATE_LIMITED rather than queued for minutes.
 *
 * <p>Passwords longer than bcrypt's 72-byte limit are pre-hashed with SHA-512 (the library's
 * strategy), so every character counts. Thread-safe.
 */
final class Passwords {
  static final int MAX_PENDING = 64;
  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
  private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(VERSION);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WorkerExecutor workers;
  private final int cost;
  private final AtomicInteger pending = new AtomicInteger();
  private final String dummyHash;

  private Passwords(WorkerExecutor workers, int cost, String dummyHash) {
    this.workers = workers;
    this.cost = cost;
    this.dummyHash = dummyHash;
  }

  /**
   * Creates the pool. Nothing is hashed here: the dummy hash unknown usernames are checked against
   * is made of random bytes at the configured cost (see {@link #dummyHash}), so start-up does not
   * spend a bcrypt run on it.
   */
  static Passwords create(Vertx vertx, int cost) {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("tp-password-hash", threads);
    return new Passwords(workers, cost, dummyHash(cost));
  }

  /**
   * A well-formed bcrypt hash at {@code cost} with a random salt and a random digest. Checking any
   * password against it costs exactly as much as against a real hash, and no password matches it
   * (nor is the answer used: {@link #verify} answers false for a missing account anyway).
   */
  static String dummyHash(int cost) {
    byte[] salt = new byte[16];
    byte[] digest = new byte[23];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(digest);
    return new String(new BCryptFormatter.Default(new Radix64Encoder.Default(), StandardCharsets.UTF_8)
        .createHashMessage(new BCrypt.HashData(cost, VERSION, salt, digest)), StandardCharsets.UTF_8);
  }

  /** The bcrypt hash of a password (with its own random salt). */
  Future<String> hash(String password) {
    return run(() -> hashNow(cost, password));
  }

  /**
   * Whether the password matches the hash. With a {@code null} hash (no such account) it still does
   * a full comparison against a dummy hash and answers false, so response times do not reveal which
   * usernames exist.
   */
  Future<Boolean> verify(String password, String hashOrNull) {
    String hash = hashOrNull == null ? dummyHash : hashOrNull;
    return run(() -> BCrypt.verifyer(VERSION, LONG)
            .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified)
        .map(ok -> ok && hashOrNull != null);
  }

  /** A place in the queue for checking one sign-in's password; release it when the sign-in is over. */
  interface Permit {
    /** As {@link Passwords#verify}. */
    Future<Boolean> verify(String password, String hashOrNull);

    void release();
  }

  /** Admits one sign-in from {@code address} to password checking, or fails RATE_LIMITED. */
  Future<Permit> admit(String address) {
    return Future.succeededFuture(new Permit() {
      @Override
      public Future<Boolean> verify(String password, String hashOrNull) {
        return Passwords.this.verify(password, hashOrNull);
      }

      @Override
      public void release() {}
    });
  }

  private static String hashNow(int cost, String password) {
    return new String(BCrypt.with(VERSION, LONG).hash(cost, password.getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8);
  }

  private <T> Future<T> run(Callable<T> job) {
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      return Future.failedFuture(new AppException(ErrorCode.RATE_LIMITED,
          "Too many sign-ins at once; please try again in a few seconds."));
    }
    return workers.executeBlocking(job, false).onComplete(ar -> pending.decrementAndGet());
  }
}
