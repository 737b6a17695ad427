package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.store.Database;

/**
 * The list of sessions (collection {@code sessions}): join codes, who facilitates, status for
 * listings, and which node owns each live session. The log is the truth about a session; this is
 * an index over it that the owner keeps up to date. Thread-safe.
 */
public final class SessionDirectory {
  static final String COLLECTION = "sessions";
  private final Database db;

  public SessionDirectory(Database db) {
    this.db = db;
  }

  public Future<Void> createIndexes() {
    return db.mongo().createIndexWithOptions(COLLECTION, new JsonObject().put("joinCode", 1),
            new IndexOptions().unique(true).name("join_code"))
        .compose(v -> db.mongo().createIndex(COLLECTION, new JsonObject().put("facilitatorAccountId", 1)))
        .compose(v -> db.mongo().createIndex(COLLECTION, new JsonObject().put("status", 1)));
  }

  /** An entry as listed to its facilitator. */
  public record Entry(String id, String joinCode, String status, String facilitatorAccountId,
      String moduleSlug, int moduleVersion, String title, long createdAt, long endedAt) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("joinCode", JoinCodes.display(joinCode)).put("status", status)
          .put("module", moduleSlug).put("moduleVersion", moduleVersion).put("title", title)
          .put("createdAt", createdAt).put("endedAt", endedAt < 0 ? null : endedAt);
    }
  }

  /** Adds a session; fails with CONFLICT when its join code is taken (the caller draws another). */
  public Future<Void> add(Entry e) {
    JsonObject doc = new JsonObject().put("_id", e.id()).put("joinCode", e.joinCode()).put("status", e.status())
        .put("facilitatorAccountId", e.facilitatorAccountId()).put("moduleSlug", e.moduleSlug())
        .put("moduleVersion", e.moduleVersion()).put("title", e.title()).put("createdAt", e.createdAt())
        .put("endedAt", -1L).put("aliveAt", e.createdAt());
    return db.mongo().insert(COLLECTION, doc)
        .recover(err -> Future.failedFuture(MongoEventStore.isDuplicate(err)
            ? new AppException(ErrorCode.CONFLICT, "join code taken") : Database.unavailable(err)))
        .compose(id -> db.durable());
  }

  public Future<Entry> byCode(String joinCode) {
    return one(new JsonObject().put("joinCode", joinCode));
  }

  public Future<Entry> get(String sessionId) {
    return one(new JsonObject().put("_id", sessionId));
  }

  private Future<Entry> one(JsonObject query) {
    return db.mongo().findOne(COLLECTION, query, null)
        .recover(e -> Future.failedFuture(Database.unavailable(e)))
        .compose(doc -> doc == null
            ? Future.failedFuture(AppException.notFound("There is no session with that code"))
            : Future.succeededFuture(entry(doc)));
  }

  public Future<List<Entry>> forFacilitator(String accountId) {
    return db.mongo().findWithOptions(COLLECTION, new JsonObject().put("facilitatorAccountId", accountId),
            new FindOptions().setSort(new JsonObject().put("createdAt", -1)).setLimit(200))
        .recover(e -> Future.failedFuture(Database.unavailable(e)))
        .map(docs -> docs.stream().map(SessionDirectory::entry).toList());
  }

  public Future<Void> setStatus(String sessionId, SessionStatus status, long endedAt) {
    return db.mongo().updateCollection(COLLECTION, new JsonObject().put("_id", sessionId),
        new JsonObject().put("$set", new JsonObject().put("status", status.wire()).put("endedAt", endedAt))).mapEmpty();
  }

  /** Sessions still running (lobby or live), to be rebuilt after a start. */
  public Future<List<String>> running() {
    return db.mongo().findWithOptions(COLLECTION,
            new JsonObject().put("status", new JsonObject().put("$in", new JsonArray().add("lobby").add("live"))),
            new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(d -> d.getString("_id")).toList());
  }

  /** Running sessions whose owner's lease has run out: a node died or let them go. */
  public Future<List<String>> orphans(long now) {
    JsonObject query = new JsonObject()
        .put("status", new JsonObject().put("$in", new JsonArray().add("lobby").add("live")))
        .put("$or", new JsonArray()
            .add(new JsonObject().put("owner", new JsonObject().put("$exists", false)))
            .add(new JsonObject().put("owner.until", new JsonObject().put("$lt", now))));
    return db.mongo().findWithOptions(COLLECTION, query, new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(d -> d.getString("_id")).toList());
  }

  /**
   * Takes ownership of a session for {@code leaseMs} when nobody holds it, its lease has run out, or
   * {@code node} holds it already. Completes with the time the session was last known alive, or
   * fails with CONFLICT when another node holds it.
   */
  public Future<Long> claim(String sessionId, String node, long now, long leaseMs, boolean force) {
    JsonObject query = new JsonObject().put("_id", sessionId);
    if (!force) {
      query.put("$or", new JsonArray()
          .add(new JsonObject().put("owner", new JsonObject().put("$exists", false)))
          .add(new JsonObject().put("owner.until", new JsonObject().put("$lt", now)))
          .add(new JsonObject().put("owner.node", node)));
    }
    JsonObject update = new JsonObject().put("$set", new JsonObject()
        .put("owner", new JsonObject().put("node", node).put("until", now + leaseMs)));
    return db.mongo().findOneAndUpdate(COLLECTION, query, update)
        .recover(e -> Future.failedFuture(Database.unavailable(e)))
        .compose(before -> before == null
            ? Future.failedFuture(new AppException(ErrorCode.CONFLICT, "Another node owns this session"))
            : Future.succeededFuture(before.getLong("aliveAt", before.getLong("createdAt"))));
  }

  /** Extends the leases this node holds and records that its sessions are alive now. */
  public Future<Void> renew(String node, List<String> sessionIds, long now, long leaseMs) {
    if (sessionIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return db.mongo().updateCollectionWithOptions(COLLECTION,
        new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(sessionIds))).put("owner.node", node),
        new JsonObject().put("$set", new JsonObject().put("owner.until", now + leaseMs).put("aliveAt", now)),
        new UpdateOptions().setMulti(true)).mapEmpty();
  }

  public Future<Void> release(String sessionId, String node) {
    return db.mongo().updateCollection(COLLECTION, new JsonObject().put("_id", sessionId).put("owner.node", node),
        new JsonObject().put("$unset", new JsonObject().put("owner", ""))).mapEmpty();
  }

  public Future<Void> delete(String sessionId) {
    return db.mongo().removeDocuments(COLLECTION, new JsonObject().put("_id", sessionId))
        .recover(e -> Future.failedFuture(Database.unavailable(e))).mapEmpty();
  }

  private static Entry entry(JsonObject d) {
    return new Entry(d.getString("_id"), d.getString("joinCode"), d.getString("status"),
        d.getString("facilitatorAccountId"), d.getString("moduleSlug"), d.getInteger("moduleVersion", 1),
        d.getString("title"), d.getLong("createdAt", 0L), d.getLong("endedAt", -1L));
  }
}
