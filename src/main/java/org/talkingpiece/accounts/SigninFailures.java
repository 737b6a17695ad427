package org.talkingpiece.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.talkingpiece.accounts.Lockout.Claim;
import org.talkingpiece.accounts.Lockout.Rules;

/**
 * {@link Lockout} state in MongoDB (collection {@code signin_failures}), one record per {@link Key}, so
 * every node applies the same limits. Attempts are counted for unknown usernames too, which keeps the
 * lockout from revealing which usernames exist.
 *
 * <p>Every attempt is claimed atomically before its password is checked. The common case is one
 * conditional {@code $inc} that matches only while the window is open, the key is not locked and the
 * claim is not the last one allowed; everything else (first attempt, a new window, the claim that
 * locks) reads the record, applies {@link Lockout#claim} and writes it back only if the record's
 * {@code version} has not moved (compare-and-set), retrying a few times. No interleaving of attempts
 * on any number of nodes lets more than {@link Rules#maxAttempts} attempts through per window. Old
 * records are deleted by a TTL index on {@code expiresAt}.
 */
final class SigninFailures {
  static final String COLLECTION = "signin_failures";
  private static final int CAS_TRIES = 10;
  /** Stored for "none" so that range filters on the dates always have a value to compare. */
  private static final Instant NEVER = Instant.EPOCH;

  private final MongoClient mongo;

  SigninFailures(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** What attempts are counted under: the record's id, the username it concerns (if any) and its rules. */
  record Key(String id, String username, Rules rules) {
    static Key pair(String username, String address) {
      return new Key("p:" + username + " " + address, username, Lockout.PAIR);
    }

    static Key address(String address) {
      return new Key("a:" + address, null, Lockout.ADDRESS);
    }

    static Key username(String username) {
      return new Key("u:" + username, username, Lockout.USERNAME);
    }
  }

  Future<Void> init() {
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("expiresAt", 1),
            new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expires_ttl"))
        .compose(v -> mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("username", 1),
            new IndexOptions().name("username")))
        .recover(MongoDocs::storageFailure);
  }

  /** Claims one attempt under the key at {@code now}: granted (counted) or refused (locked). */
  Future<Claim> claim(Key key, Instant now) {
    JsonObject open = new JsonObject()
        .put("_id", key.id())
        .put("attempts", new JsonObject().put("$lt", key.rules().maxAttempts() - 1))
        .put("windowStart", new JsonObject().put("$gt", MongoDocs.date(now.minus(key.rules().window()))))
        .put("lockedUntil", new JsonObject().put("$lte", MongoDocs.date(now)));
    JsonObject count = new JsonObject()
        .put("$inc", new JsonObject().put("attempts", 1).put("version", 1))
        .put("$set", new JsonObject().put("expiresAt", MongoDocs.date(now.plus(Lockout.MEMORY))));
    return mongo.updateCollection(COLLECTION, open, count)
        .recover(MongoDocs::storageFailure)
        .compose(r -> r.getDocModified() == 1 || r.getDocMatched() == 1
            ? Future.succeededFuture(granted())
            : claimSlowly(key, now, CAS_TRIES));
  }

  /** Gives one counted attempt back (a successful sign-in should not use up an address's allowance). */
  Future<Void> refund(Key key) {
    return mongo.updateCollection(COLLECTION,
            new JsonObject().put("_id", key.id()).put("attempts", new JsonObject().put("$gt", 0)),
            new JsonObject().put("$inc", new JsonObject().put("attempts", -1).put("version", 1)))
        .recover(MongoDocs::storageFailure)
        .mapEmpty();
  }

  /** Forgets every attempt under the key (a successful sign-in for that username from that address). */
  Future<Void> clear(Key key) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", key.id()))
        .recover(MongoDocs::storageFailure)
        .mapEmpty();
  }

  /** Lifts every lock and forgets every attempt that concerns the username, from every address (admin). */
  Future<Void> unlock(String username) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("username", username))
        .recover(MongoDocs::storageFailure)
        .mapEmpty();
  }

  /** Which of the usernames are locked at {@code now}, from at least one address or from everywhere. */
  Future<Set<String>> locked(Collection<String> usernames, Instant now) {
    JsonObject query = new JsonObject()
        .put("username", new JsonObject().put("$in", new JsonArray(usernames.stream().toList())))
        .put("lockedUntil", new JsonObject().put("$gt", MongoDocs.date(now)));
    return mongo.find(COLLECTION, query)
        .recover(MongoDocs::storageFailure)
        .map(docs -> {
          Set<String> names = new HashSet<>();
          docs.forEach(d -> names.add(d.getString("username")));
          return names;
        });
  }

  private static Claim granted() {
    return new Claim.Granted(null, false);
  }

  private Future<Claim> claimSlowly(Key key, Instant now, int triesLeft) {
    if (triesLeft == 0) {
      // So many attempts at once on one key that none of ours got through: refusing is the safe answer.
      return Future.succeededFuture(new Claim.Refused(new Lockout(0, null, 0, now.plusSeconds(60))));
    }
    return read(key).compose(current -> {
      Claim claim = current.lockout().claim(key.rules(), now);
      if (claim instanceof Claim.Refused) {
        return Future.succeededFuture(claim);
      }
      Lockout next = ((Claim.Granted) claim).next();
      return write(key, current.version(), next, now)
          .compose(written -> written ? Future.succeededFuture(claim) : claimSlowly(key, now, triesLeft - 1));
    });
  }

  private record Versioned(Lockout lockout, long version) {}

  private Future<Versioned> read(Key key) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", key.id()), null)
        .recover(MongoDocs::storageFailure)
        .map(doc -> doc == null ? new Versioned(Lockout.NONE, 0)
            : new Versioned(new Lockout(doc.getInteger("attempts", 0), orNull(MongoDocs.instant(doc, "windowStart")),
                doc.getInteger("locks", 0), orNull(MongoDocs.instant(doc, "lockedUntil"))),
                doc.getLong("version", 0L)));
  }

  /** Writes the state if nobody else wrote since {@code version} was read; false when someone did. */
  private Future<Boolean> write(Key key, long version, Lockout state, Instant now) {
    JsonObject fields = new JsonObject()
        .put("attempts", state.attempts())
        .put("windowStart", MongoDocs.date(state.windowStart() == null ? NEVER : state.windowStart()))
        .put("locks", state.locks())
        .put("lockedUntil", MongoDocs.date(state.lockedUntil() == null ? NEVER : state.lockedUntil()))
        .put("version", version + 1)
        .put("expiresAt", MongoDocs.date(state.forgetAt(now)));
    if (key.username() != null) {
      fields.put("username", key.username());
    }
    if (version == 0) {
      return mongo.insert(COLLECTION, fields.put("_id", key.id()))
          .map(id -> true)
          .recover(e -> MongoDocs.duplicateKey(e) ? Future.succeededFuture(false) : MongoDocs.storageFailure(e));
    }
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", key.id()).put("version", version),
            new JsonObject().put("$set", fields))
        .map(r -> r.getDocMatched() == 1)
        .recover(MongoDocs::storageFailure);
  }

  private static Instant orNull(Instant stored) {
    return stored == null || stored.equals(NEVER) ? null : stored;
  }
}
