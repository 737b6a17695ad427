package org.talkingpiece.session;

import io.vertx.core.Future;
import java.util.List;

/**
 * A session's log. Appending a commit whose {@code seq} already exists fails with
 * {@code ErrorCode.CONFLICT} (someone else owns the session); a database that does not answer fails
 * with {@code ErrorCode.STORAGE_UNAVAILABLE}. An appended commit is durable when the future completes.
 */
public interface EventStore {
  Future<Void> append(Commit commit);

  /** Every commit of a session in order. */
  Future<List<Commit>> load(String sessionId);

  Future<Void> deleteSession(String sessionId);
}
