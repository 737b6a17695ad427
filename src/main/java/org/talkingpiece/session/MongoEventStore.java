package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import com.mongodb.MongoException;
import java.util.ArrayList;
import java.util.List;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.store.Database;

/**
 * The log in MongoDB: collection {@code session_events}, one document per commit with a unique
 * {@code (sessionId, seq)} index, so two owners can never both write the same version.
 */
public final class MongoEventStore implements EventStore {
  static final String COLLECTION = "session_events";
  private final Database db;

  public MongoEventStore(Database db) {
    this.db = db;
  }

  public Future<Void> createIndexes() {
    return db.mongo().createIndexWithOptions(COLLECTION, new JsonObject().put("sessionId", 1).put("seq", 1),
        new IndexOptions().unique(true).name("session_seq"));
  }

  @Override
  public Future<Void> write(Commit commit) {
    JsonArray events = new JsonArray();
    commit.events().forEach(e -> events.add(EventCodec.encode(e)));
    JsonObject doc = new JsonObject()
        .put("_id", commit.sessionId() + ":" + commit.seq())
        .put("sessionId", commit.sessionId())
        .put("seq", commit.seq())
        .put("at", commit.at())
        .put("events", events);
    return db.mongo().insert(COLLECTION, doc)
        .recover(e -> Future.failedFuture(isDuplicate(e)
            ? new AppException(ErrorCode.CONFLICT, "Version " + commit.seq() + " of this session already exists")
            : Database.unavailable(e)))
        .mapEmpty();
  }

  @Override
  public Future<Void> durable() {
    return db.durable().recover(e -> Future.failedFuture(Database.unavailable(e)));
  }

  @Override
  public Future<List<Commit>> load(String sessionId) {
    return db.mongo().findWithOptions(COLLECTION, new JsonObject().put("sessionId", sessionId),
            new FindOptions().setSort(new JsonObject().put("seq", 1)))
        .recover(e -> Future.failedFuture(Database.unavailable(e)))
        .map(docs -> {
          List<Commit> commits = new ArrayList<>(docs.size());
          for (JsonObject doc : docs) {
            List<SessionEvent> events = new ArrayList<>();
            for (Object e : doc.getJsonArray("events")) {
              events.add(EventCodec.decode((JsonObject) e));
            }
            commits.add(new Commit(sessionId, doc.getLong("seq"), doc.getLong("at"), events));
          }
          return commits;
        });
  }

  @Override
  public Future<Void> deleteSession(String sessionId) {
    return db.mongo().removeDocuments(COLLECTION, new JsonObject().put("sessionId", sessionId))
        .recover(e -> Future.failedFuture(Database.unavailable(e)))
        .mapEmpty();
  }

  static boolean isDuplicate(Throwable e) {
    return (e instanceof MongoException m && m.getCode() == 11000)
        || (e.getMessage() != null && e.getMessage().contains("E11000"));
  }
}
