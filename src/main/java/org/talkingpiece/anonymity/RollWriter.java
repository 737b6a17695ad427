package org.talkingpiece.anonymity;

import static org.talkingpiece.anonymity.MongoAnonymousStore.arrayFilter;
import static org.talkingpiece.anonymity.MongoAnonymousStore.byId;
import static org.talkingpiece.anonymity.PromptDocs.ROLLS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * Claims and gives back slots in a prompt's roll document {@code {entries: [{r, n}]}}, whose entries
 * stay sorted by ref. Every write is conditional, so two racing claims can never take more than
 * {@code perPerson} slots between them.
 */
final class RollWriter {
  private final MongoClient mongo;

  RollWriter(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Takes one slot for {@code who}: adds one to an entry still under the limit, or adds a new entry.
   *
   * @return fails with conflict when {@code who} has no slot left, wrong-state when there is no roll
   */
  Future<Void> claim(String id, ParticipantRef who, int limit) {
    JsonObject underLimit = byId(id).put("entries", new JsonObject().put("$elemMatch",
        new JsonObject().put("r", who.value()).put("n", new JsonObject().put("$lt", limit))));
    JsonObject absent = byId(id).put("entries.r", new JsonObject().put("$ne", who.value()));
    JsonObject push = new JsonObject().put("$push", new JsonObject().put("entries",
        MongoAnonymousStore.sortedPush(new JsonObject().put("r", who.value()).put("n", 1), new JsonObject().put("r", 1))));
    return mongo.updateCollectionWithOptions(ROLLS, underLimit, inc(1), arrayFilter("e.r", who.value()))
        .compose(r -> r.getDocMatched() == 1 ? Future.succeededFuture(true)
            : mongo.updateCollection(ROLLS, absent, push).map(p -> p.getDocMatched() == 1))
        .compose(claimed -> claimed ? Future.succeededFuture() : whyNot(id, limit));
  }

  /** Gives one of {@code who}'s slots back; removes the entry when it was the last. No-op without one. */
  Future<Void> giveBack(String id, ParticipantRef who) {
    JsonObject aboveOne = byId(id).put("entries", new JsonObject().put("$elemMatch",
        new JsonObject().put("r", who.value()).put("n", new JsonObject().put("$gt", 1))));
    JsonObject pull = new JsonObject().put("$pull", new JsonObject().put("entries",
        new JsonObject().put("r", who.value()).put("n", new JsonObject().put("$lte", 1))));
    return mongo.updateCollectionWithOptions(ROLLS, aboveOne, inc(-1), arrayFilter("e.r", who.value()))
        .compose(r -> r.getDocMatched() == 1 ? Future.succeededFuture() : mongo.updateCollection(ROLLS, byId(id), pull))
        .mapEmpty();
  }

  private Future<Void> whyNot(String id, int limit) {
    return mongo.count(ROLLS, byId(id)).compose(n -> Future.failedFuture(n == 0
        ? AppException.wrongState("This prompt is not open.")
        : new AppException(ErrorCode.CONFLICT, limit == 1
            ? "You have already answered here."
            : "You have already sent " + limit + " answers here, the most allowed.")));
  }

  private static JsonObject inc(int by) {
    return new JsonObject().put("$inc", new JsonObject().put("entries.$[e].n", by));
  }
}
