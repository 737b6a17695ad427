package org.talkingpiece.anonymity;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;

/**
 * Where anonymous input lives: items, rolls, upvoters, poll tallies and signal counts, in separate
 * collections and in shapes that hold no participant id, name, token, connection, time or arrival
 * order (see docs/anonymity.md for the document shapes and why).
 *
 * <p>Each change is written without transactions yet never half-applied: a roll slot is claimed first
 * with a conditional update and given back if the content cannot be written; the content and any
 * release it completes are one single-document update.
 *
 * <p>Threading: called by a session owner on its event loop; the returned futures complete on the
 * caller's context. Changes of one prompt must be applied one at a time, in the order their
 * {@link Step}s were made. Failures are {@link org.talkingpiece.shared.AppException}s whose messages
 * never contain content.
 */
public interface AnonymousStore {

  /**
   * @param keyDir {@code KEY_DIR}: where the held keys of waiting items live (never in the database)
   */
  static AnonymousStore create(MongoClient mongo, java.nio.file.Path keyDir) {
    return new MongoAnonymousStore(mongo, keyDir);
  }

  /** For tests and tools: held keys go to a fresh private directory, gone with the machine's temp files. */
  static AnonymousStore create(MongoClient mongo) {
    try {
      return create(mongo, java.nio.file.Files.createTempDirectory("tp-keys-"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Creates the indexes (by session, for loading and deleting a session). Idempotent. */
  Future<Void> init();

  /** Creates an open, empty prompt; does nothing if it exists already (its settings stay as they were). */
  Future<Void> openPrompt(PromptRef prompt, PromptSettings settings);

  /**
   * Writes what a pure rule decided.
   *
   * @return fails with conflict (no slot, second vote, key reused), wrong-state (prompt closed or
   *     never opened), not-found (nothing to withdraw or moderate) or storage-unavailable
   */
  Future<Void> apply(PromptRef prompt, PromptChange change);

  Future<Optional<StoredPrompt>> load(PromptRef prompt);

  /** Every prompt of a session, in no particular order. */
  Future<List<StoredPrompt>> loadSession(String sessionId);

  Future<SignalCounts> loadSignals(String sessionId);

  Future<Void> applySignal(String sessionId, SignalChange change);

  /** What the session's screens show; {@link ScreenState#empty()} when nothing was saved yet. */
  Future<ScreenState> loadScreen(String sessionId);

  /** Replaces what the session's screens show. */
  Future<Void> saveScreen(String sessionId, ScreenState screen);

  /** Removes every item, roll, tally, signal count and screen of the session. */
  Future<Void> deleteSession(String sessionId);
}
