package org.talkingpiece.session;

import io.vertx.core.Future;
import java.util.List;

/**
 * A session's log. Appending a commit whose {@code seq} already exists fails with
 * {@code ErrorCode.CONFLICT} (someone else owns the session); a database that does not answer fails
 * with {@code ErrorCode.STORAGE_UNAVAILABLE}. An appended commit is durable when the future completes.
 *
 * <p>A session owner may split the two steps: {@link #write} stores the commit (it is in the log and
 * its {@code seq} is taken), {@link #durable} completes once everything written so far would survive a
 * crash. Commits written while a flush runs share the next one, so a busy session is not held to one
 * disk flush per command.
 */
public interface EventStore {
  /** Writes the commit and waits until it is durable. */
  default Future<Void> append(Commit commit) {
    return write(commit).compose(v -> durable());
  }

  /** Stores the commit in the log; it may not yet survive a crash. */
  Future<Void> write(Commit commit);

  /** Completes once every commit written before this call is durable. */
  default Future<Void> durable() {
    return Future.succeededFuture();
  }

  /** Every commit of a session in order. */
  Future<List<Commit>> load(String sessionId);

  Future<Void> deleteSession(String sessionId);
}
