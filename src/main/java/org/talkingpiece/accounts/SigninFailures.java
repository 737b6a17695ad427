package org.talkingpiece.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * {@link Lockout} state per username in MongoDB (collection {@code signin_failures}, {@code _id} =
 * normalised username), so every node applies the same limits. Failures are counted for unknown
 * usernames too, which keeps the lockout from revealing which usernames exist.
 *
 * <p>Updates are compare-and-set on a {@code version} field, so concurrent failures on several nodes
 * are all counted. Old records are deleted by a TTL index on {@code expiresAt}.
 */
final class SigninFailures {
  static final String COLLECTION = "signin_failures";
  private static final int ATTEMPTS = 5;

  private final MongoClient mongo;

  SigninFailures(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> init() {
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("expiresAt", 1),
            new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expires_ttl"))
        .recover(MongoDocs::storageFailure);
  }

  /** The current state for a username ({@link Lockout#NONE} when there is none). */
  Future<Lockout> get(String username) {
    return read(username).map(Versioned::lockout);
  }

  /** Counts one failure at {@code now} and returns the new state (locked when this was the fifth). */
  Future<Lockout> recordFailure(String username, Instant now) {
    return recordFailure(username, now, ATTEMPTS);
  }

  /** Forgets every failure for the username (after a successful sign-in). */
  Future<Void> clear(String username) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", username))
        .recover(MongoDocs::storageFailure)
        .mapEmpty();
  }

  private Future<Lockout> recordFailure(String username, Instant now, int attemptsLeft) {
    if (attemptsLeft == 0) {
      return Future.failedFuture(new AppException(ErrorCode.RATE_LIMITED,
          "Too many sign-ins for this username at once; please wait a moment and try again."));
    }
    return read(username).compose(current -> {
      Lockout next = current.lockout().afterFailure(now);
      return write(username, current.version(), next, now)
          .compose(written -> written ? Future.succeededFuture(next) : recordFailure(username, now, attemptsLeft - 1));
    });
  }

  private record Versioned(Lockout lockout, long version) {}

  private Future<Versioned> read(String username) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", username), null)
        .recover(MongoDocs::storageFailure)
        .map(doc -> doc == null ? new Versioned(Lockout.NONE, 0)
            : new Versioned(new Lockout(doc.getInteger("failures", 0), MongoDocs.instant(doc, "windowStart"),
                doc.getInteger("locks", 0), MongoDocs.instant(doc, "lockedUntil")), doc.getLong("version", 0L)));
  }

  /** Writes the state if nobody else wrote since {@code version} was read; false when someone did. */
  private Future<Boolean> write(String username, long version, Lockout state, Instant now) {
    JsonObject fields = new JsonObject()
        .put("failures", state.failures())
        .put("windowStart", state.windowStart() == null ? null : MongoDocs.date(state.windowStart()))
        .put("locks", state.locks())
        .put("lockedUntil", state.lockedUntil() == null ? null : MongoDocs.date(state.lockedUntil()))
        .put("version", version + 1)
        .put("expiresAt", MongoDocs.date(state.forgetAt(now)));
    if (version == 0) {
      return mongo.insert(COLLECTION, fields.put("_id", username))
          .map(id -> true)
          .recover(e -> MongoDocs.duplicateKey(e) ? Future.succeededFuture(false) : MongoDocs.storageFailure(e));
    }
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", username).put("version", version),
            new JsonObject().put("$set", fields))
        .map(r -> r.getDocMatched() == 1)
        .recover(MongoDocs::storageFailure);
  }
}
