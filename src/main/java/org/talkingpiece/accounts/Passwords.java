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
import java.util.HashMap;
import java.util.Map;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * bcrypt hashing and checking. Hashing takes a deliberate ~0.25 s at the default cost, so it runs on
 * a small worker pool of its own, never on the event loop.
 *
 * <p>Who may queue for that pool is the part strangers could abuse. There is deliberately no single
 * global limit that, once full, refuses everyone: 80 bad sign-ins would then turn real users away.
 * Instead each sign-in must first be {@linkplain #admit admitted} for its client address:
 * <ul>
 *   <li>one address may hold at most {@link #PER_ADDRESS} sign-ins at a time (queued or being
 *       checked); more from it are refused with RATE_LIMITED, and only it is refused;</li>
 *   <li>once {@link #BUSY} sign-ins are held in all, an address that already holds one gets no
 *       second, so the remaining capacity goes to addresses that have none yet: a real user arriving
 *       during a flood is admitted and waits behind at most a couple of jobs per flooding address;</li>
 *   <li>{@link #MAX_HELD} bounds the memory a flood from very many addresses can take.</li>
 * </ul>
 * Together with the sign-in limits (an address gets 30 attempts in 15 minutes, see {@link Lockout}),
 * one address can keep at most two of the pool's threads busy, and a flood spread over many addresses
 * slows sign-in down (each admitted job waits its turn, first come first served) without refusing
 * anyone who is not flooding. Admin work (creating accounts, setting passwords) is not admitted per
 * address: only signed-in admins can ask for it.
 *
 * <p>Passwords longer than bcrypt's 72-byte limit are pre-hashed with SHA-512 (the library's
 * strategy), so every character counts. Thread-safe.
 */
final class Passwords {
  static final int PER_ADDRESS = 2;
  static final int BUSY = 64;
  static final int MAX_HELD = 1024;
  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
  private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(VERSION);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WorkerExecutor workers;
  private final int cost;
  /** Sign-ins held per client address; guarded by {@code this}. */
  private final Map<String, Integer> held = new HashMap<>();
  private int heldInAll;
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

  /**
   * Admits one sign-in from {@code address} to password checking (see the class comment), or fails
   * RATE_LIMITED. The permit must be released when the sign-in is over, whatever its outcome.
   */
  Future<Permit> admit(String address) {
    synchronized (this) {
      int mine = held.getOrDefault(address, 0);
      if (mine >= PER_ADDRESS || heldInAll >= MAX_HELD || (heldInAll >= BUSY && mine > 0)) {
        return Future.failedFuture(new AppException(ErrorCode.RATE_LIMITED,
            "Too many sign-ins from your network at once; please try again in a few seconds."));
      }
      held.put(address, mine + 1);
      heldInAll++;
    }
    return Future.succeededFuture(new Permit() {
      private boolean released;

      @Override
      public Future<Boolean> verify(String password, String hashOrNull) {
        return Passwords.this.verify(password, hashOrNull);
      }

      @Override
      public void release() {
        synchronized (Passwords.this) {
          if (released) {
            return;
          }
          released = true;
          held.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
          heldInAll--;
        }
      }
    });
  }

  /** Sign-ins held now, in all (for tests). */
  synchronized int held() {
    return heldInAll;
  }

  private static String hashNow(int cost, String password) {
    return new String(BCrypt.with(VERSION, LONG).hash(cost, password.getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8);
  }

  /** Runs on the hashing pool, first come first served (callers are bounded by {@link #admit}). */
  private <T> Future<T> run(Callable<T> job) {
    return workers.executeBlocking(job, false);
  }
}
