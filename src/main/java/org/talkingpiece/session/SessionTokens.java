package org.talkingpiece.session;

import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.Hashes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.store.Database;

/**
 * Live tokens for the bridge: random secrets handed to a browser once, stored only as a SHA-256
 * hash with the session and role they grant. Any node can resolve them, so a browser may reconnect
 * to any node. Thread-safe.
 */
public final class SessionTokens {
  static final String COLLECTION = "session_tokens";
  private final Database db;

  public SessionTokens(Database db) {
    this.db = db;
  }

  public Future<Void> createIndexes() {
    return db.mongo().createIndex(COLLECTION, new JsonObject().put("sessionId", 1));
  }

  /** Issues a token; completes with the token itself, which is never stored. */
  public Future<String> issue(String sessionId, Actor.Role role, String participantId) {
    String token = Ids.secret();
    JsonObject doc = new JsonObject()
        .put("_id", hash(token))
        .put("sessionId", sessionId)
        .put("role", role.name())
        .put("revoked", false);
    if (participantId != null) {
      doc.put("participantId", participantId);
    }
    return db.mongo().insert(COLLECTION, doc)
        .compose(id -> db.durable())
        .map(v -> token)
        .recover(e -> Future.failedFuture(Database.unavailable(e)));
  }

  /** Resolves a token, failing with UNAUTHENTICATED for an unknown or revoked one. */
  public Future<SessionToken> resolve(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Future.failedFuture(new AppException(ErrorCode.UNAUTHENTICATED, "A valid session token is required"));
    }
    String hash = hash(token);
    return db.mongo().findOne(COLLECTION, new JsonObject().put("_id", hash), null)
        .recover(e -> Future.failedFuture(Database.unavailable(e)))
        .compose(doc -> {
          if (doc == null || doc.getBoolean("revoked", false)) {
            return Future.failedFuture(new AppException(ErrorCode.UNAUTHENTICATED, "This session token is not valid"));
          }
          return Future.succeededFuture(new SessionToken(doc.getString("sessionId"),
              Actor.Role.valueOf(doc.getString("role")), doc.getString("participantId"), hash));
        });
  }

  /** Revokes every token of one participant; completes with the revoked hashes so live sockets can be dropped. */
  public Future<java.util.List<String>> revokeParticipant(String sessionId, String participantId) {
    JsonObject query = new JsonObject().put("sessionId", sessionId).put("participantId", participantId);
    return db.mongo().find(COLLECTION, query)
        .compose(docs -> db.mongo().updateCollectionWithOptions(COLLECTION, query,
                new JsonObject().put("$set", new JsonObject().put("revoked", true)),
                new io.vertx.ext.mongo.UpdateOptions().setMulti(true))
            .compose(r -> db.durable())
            .map(v -> docs.stream().map(d -> d.getString("_id")).toList()))
        .recover(e -> Future.failedFuture(e instanceof AppException ? e : Database.unavailable(e)));
  }

  /** Removes every token of a session (when the session is deleted). */
  public Future<Void> deleteSession(String sessionId) {
    return db.mongo().removeDocuments(COLLECTION, new JsonObject().put("sessionId", sessionId)).mapEmpty();
  }

  static String hash(String token) {
    return Hashes.sha256Hex(token);
  }
}
