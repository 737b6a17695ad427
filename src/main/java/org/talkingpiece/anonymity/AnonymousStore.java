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

  static AnonymousStore create(MongoClient mongo) {
    return new MongoAnonymousStore(mongo);
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

  /** Removes every item, roll, tally and signal count of the session. */
  Future<Void> deleteSession(String sessionId);
}
