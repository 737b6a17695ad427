package org.talkingpiece.anonymity;

import static org.talkingpiece.anonymity.MongoAnonymousStore.arrayFilter;
import static org.talkingpiece.anonymity.MongoAnonymousStore.byId;
import static org.talkingpiece.anonymity.PromptDocs.PROMPTS;
import static org.talkingpiece.anonymity.PromptDocs.VOTERS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * Writes an upvote or its withdrawal: first the voters roll {@code {voters: [{q, r}]}} (sorted by ref,
 * conditional, so a second vote is refused), then the question's total and any released snapshot in
 * the prompt document. If the second write fails the first is undone.
 */
final class VoteWriter {
  private final MongoClient mongo;

  VoteWriter(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> apply(String id, PromptChange.VoteChanged c) {
    JsonObject entry = new JsonObject().put("q", c.questionId()).put("r", c.who().value());
    JsonObject hasVoted = new JsonObject().put("$elemMatch", entry);
    JsonObject add = new JsonObject().put("$push", new JsonObject().put("voters",
        MongoAnonymousStore.sortedPush(entry, new JsonObject().put("r", 1).put("q", 1))));
    JsonObject remove = new JsonObject().put("$pull", new JsonObject().put("voters", entry));
    Future<Void> roll = c.up()
        ? mongo.updateCollection(VOTERS, byId(id).put("voters", new JsonObject().put("$not", hasVoted)), add)
            .compose(r -> MongoAnonymousStore.expectMatch(r,
                () -> new AppException(ErrorCode.CONFLICT, "You have already voted for this question.")))
        : mongo.updateCollection(VOTERS, byId(id).put("voters", hasVoted), remove)
            .compose(r -> MongoAnonymousStore.expectMatch(r,
                () -> new AppException(ErrorCode.CONFLICT, "You have not voted for this question.")));
    return roll.compose(v -> total(id, c).recover(err -> mongo.updateCollection(VOTERS, byId(id), c.up() ? remove : add)
        .transform(ignored -> Future.failedFuture(err))));
  }

  private Future<Void> total(String id, PromptChange.VoteChanged c) {
    JsonObject update = new JsonObject().put("$inc", new JsonObject().put("items.$[q].votes", c.up() ? 1 : -1));
    c.shownVotes().ifPresent(snapshot -> {
      JsonObject shown = new JsonObject();
      new java.util.TreeMap<>(snapshot).forEach(shown::put);
      update.put("$set", new JsonObject().put("shownVotes", shown));
    });
    return mongo.updateCollectionWithOptions(PROMPTS, byId(id).put("open", true).put("items.id", c.questionId()),
            update, arrayFilter("q.id", c.questionId()))
        .compose(r -> MongoAnonymousStore.expectMatch(r, () -> AppException.wrongState("This question board is closed.")));
  }
}
