package org.talkingpiece.anonymity;

import static org.talkingpiece.anonymity.PromptDocs.PROMPTS;
import static org.talkingpiece.anonymity.PromptDocs.ROLLS;
import static org.talkingpiece.anonymity.PromptDocs.SCREENS;
import static org.talkingpiece.anonymity.PromptDocs.SIGNALS;
import static org.talkingpiece.anonymity.PromptDocs.VOTERS;

import com.mongodb.MongoException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.MongoClientUpdateResult;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * {@link AnonymousStore} over the Vert.x MongoDB client; works on the embedded server and on MongoDB
 * 4.4 or later (it uses arrayFilters, {@code $push} with {@code $sort} and {@code $[]}).
 *
 * <p>Against order leaks: a dump lists documents in insertion order, so items are not documents of
 * their own. Each prompt's items live in one document, in an array kept sorted by random id
 * ({@code $push} + {@code $each} + {@code $sort}); the roll and the upvoters are one document per
 * prompt with arrays sorted by ref. Position in the database therefore says nothing about when
 * anything was written, and the i-th item cannot be matched with the i-th roll entry.
 */
final class MongoAnonymousStore implements AnonymousStore {
  private final MongoClient mongo;
  private final RollWriter rolls;
  private final HeldKeys heldKeys;

  MongoAnonymousStore(MongoClient mongo, java.nio.file.Path keyDir) {
    this.mongo = mongo;
    this.rolls = new RollWriter(mongo);
    this.heldKeys = new HeldKeys(keyDir);
  }

  @Override
  public Future<Void> init() {
    JsonObject bySession = new JsonObject().put("sessionId", 1);
    return Future.join(List.of(PROMPTS, ROLLS, VOTERS, SIGNALS, SCREENS).stream()
            .map(c -> mongo.createIndex(c, bySession)).toList())
        .<Void>mapEmpty().recover(MongoAnonymousStore::storageFailure);
  }

  @Override
  public Future<Void> openPrompt(PromptRef prompt, PromptSettings settings) {
    String id = PromptDocs.docId(prompt);
    UpdateOptions upsert = new UpdateOptions().setUpsert(true);
    Future<?> roll = mongo.updateCollectionWithOptions(ROLLS, byId(id),
        setOnInsert(PromptDocs.base(prompt).put("entries", new JsonArray())), upsert);
    Future<?> voters = settings.kind() != PromptKind.QUESTIONS ? roll
        : roll.compose(v -> mongo.updateCollectionWithOptions(VOTERS, byId(id),
            setOnInsert(PromptDocs.base(prompt).put("voters", new JsonArray())), upsert));
    // The prompt document comes last: once it exists, its roll (and voters) exist too.
    return voters.compose(v -> mongo.updateCollectionWithOptions(PROMPTS, byId(id),
            setOnInsert(PromptDocs.newPrompt(prompt, settings)), upsert))
        .<Void>mapEmpty().recover(MongoAnonymousStore::storageFailure);
  }

  @Override
  public Future<Void> apply(PromptRef prompt, PromptChange change) {
    String id = PromptDocs.docId(prompt);
    Future<Void> applied;
    if (change instanceof PromptChange.ItemAdded c) {
      applied = rolls.claim(id, c.who(), c.perPerson()).compose(v -> withClaimGivenBack(id, c.who(), addItem(id, c)));
    } else if (change instanceof PromptChange.ItemWithdrawn c) {
      applied = withdraw(id, c);
    } else if (change instanceof PromptChange.QuestionModerated c) {
      applied = moderate(id, c);
    } else if (change instanceof PromptChange.VoteChanged c) {
      applied = new VoteWriter(mongo).apply(id, c);
    } else if (change instanceof PromptChange.PollAnswered c) {
      applied = rolls.claim(id, c.who(), 1).compose(v -> withClaimGivenBack(id, c.who(), tally(id, c)));
    } else if (change instanceof PromptChange.OpenChanged c) {
      applied = mongo.updateCollection(PROMPTS, byId(id), new JsonObject().put("$set", new JsonObject().put("open", c.open())))
          .compose(r -> expectMatch(r, () -> AppException.notFound("There is no such prompt.")));
    } else {
      throw new IllegalArgumentException("unknown change " + change);
    }
    return applied.recover(MongoAnonymousStore::storageFailure);
  }

  /**
   * An item that waits is stored only sealed under the prompt's held key, padded to the prompt's seal
   * size, in {@code held} (sorted by a random slot id). An item released with this change, and every
   * waiting item released with it, is written in plain text in the same single-document update that
   * drops their seals; once nothing waits, the held key is erased.
   */
  private Future<Void> addItem(String id, PromptChange.ItemAdded c) {
    return mongo.findOne(PROMPTS, byId(id), new JsonObject().put("settings", 1).put("held", 1).put("open", 1))
        .compose(doc -> doc == null || !doc.getBoolean("open", false)
            ? Future.failedFuture(AppException.wrongState("This prompt is closed."))
            : c.release().isEmpty() ? hold(id, doc, c.item()) : release(id, doc, c));
  }

  private Future<Void> hold(String id, JsonObject doc, AnonItem item) {
    int size = HeldKeys.sealSize(PromptDocs.settings(doc.getJsonObject("settings")));
    return heldKeys.getOrCreate(id).compose(key -> {
      JsonObject push = new JsonObject().put("held", sortedPush(sealed(key, item, size), new JsonObject().put("s", 1)));
      return mongo.updateCollection(PROMPTS, byId(id).put("open", true), new JsonObject().put("$push", push))
          .compose(r -> expectMatch(r, () -> AppException.wrongState("This prompt is closed.")));
    });
  }

  private Future<Void> release(String id, JsonObject doc, PromptChange.ItemAdded c) {
    int size = HeldKeys.sealSize(PromptDocs.settings(doc.getJsonObject("settings")));
    java.util.Set<String> released = java.util.Set.copyOf(c.release());
    boolean newReleased = released.contains(c.item().id());
    return openHeld(id, doc).compose(held -> (newReleased ? Future.<byte[]>succeededFuture(null) : heldKeys.getOrCreate(id))
        .compose(key -> {
          List<AnonItem> plain = new ArrayList<>();
          JsonArray keep = new JsonArray();
          held.forEach(h -> {
            if (released.contains(h.item().id())) {
              plain.add(h.item());
            } else {
              keep.add(h.stored());
            }
          });
          if (newReleased) {
            plain.add(c.item());
          } else {
            keep.add(sealed(key, c.item(), size));
          }
          List<JsonObject> keepSorted = new ArrayList<>();
          keep.forEach(o -> keepSorted.add((JsonObject) o));
          keepSorted.sort(java.util.Comparator.comparing(o -> o.getString("s")));
          JsonArray items = new JsonArray();
          plain.stream().sorted(java.util.Comparator.comparing(AnonItem::id)).forEach(i -> items.add(PromptDocs.item(i)));
          JsonObject update = new JsonObject()
              .put("$set", new JsonObject().put("held", new JsonArray(new ArrayList<>(keepSorted))))
              .put("$push", new JsonObject()
                  .put("items", new JsonObject().put("$each", items).put("$sort", new JsonObject().put("id", 1)))
                  .put("batches", new JsonArray(c.release())));
          return mongo.updateCollection(PROMPTS, byId(id).put("open", true), update)
              .compose(r -> expectMatch(r, () -> AppException.wrongState("This prompt is closed.")))
              .compose(v -> keepSorted.isEmpty() ? heldKeys.erase(id).otherwiseEmpty() : Future.succeededFuture());
        }));
  }

  private static JsonObject sealed(byte[] key, AnonItem item, int size) {
    return new JsonObject().put("s", org.talkingpiece.shared.Ids.random()).put("b", HeldKeys.seal(key, PromptDocs.item(item), size));
  }

  /** A waiting item as opened, with its stored (sealed) entry. */
  private record Held(AnonItem item, JsonObject stored) {}

  /** Opens the prompt's waiting items; none if its held key is lost (they can then never be released). */
  private Future<List<Held>> openHeld(String id, JsonObject doc) {
    JsonArray held = doc.getJsonArray("held", new JsonArray());
    if (held.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return heldKeys.find(id).map(key -> {
      List<Held> out = new ArrayList<>();
      if (key == null) {
        return out;
      }
      for (Object o : held) {
        JsonObject entry = (JsonObject) o;
        try {
          JsonObject i = HeldKeys.open(key, entry.getString("b"));
          out.add(new Held(new AnonItem(i.getString("id"), i.getString("text"), i.getString("key")), entry));
        } catch (java.security.GeneralSecurityException | RuntimeException unreadable) {
          // sealed under a key that is gone: it can never be released
        }
      }
      return out;
    });
  }

  private Future<Void> whyNotAdded(String id) {
    return mongo.findOne(PROMPTS, byId(id), new JsonObject().put("open", 1)).compose(doc -> Future.failedFuture(
        doc == null || !doc.getBoolean("open", false)
            ? AppException.wrongState("This prompt is closed.")
            : new AppException(ErrorCode.CONFLICT, "This withdrawal key is already used; reload the page.")));
  }

  private Future<Void> tally(String id, PromptChange.PollAnswered c) {
    JsonObject inc = new JsonObject().put("tally.respondents", 1);
    c.choices().forEach(choice -> inc.put("tally.counts." + choice, 1));
    JsonObject update = new JsonObject().put("$inc", inc);
    c.shown().ifPresent(shown -> update.put("$set", new JsonObject().put("shown", PromptDocs.counts(shown))));
    return mongo.updateCollection(PROMPTS, byId(id).put("open", true), update)
        .compose(r -> expectMatch(r, () -> AppException.wrongState("This poll is closed.")));
  }

  /**
   * Deletes the item (and its place in its batch, its released vote total and its upvoters), then
   * gives the writer's roll slot back. Once the item is gone the rest is tidying: if it fails, the
   * slot stays taken, which is the safe direction, and the withdrawal still counts as done.
   */
  private Future<Void> withdraw(String id, PromptChange.ItemWithdrawn c) {
    JsonObject filter = byId(id).put("items", new JsonObject().put("$elemMatch",
        new JsonObject().put("id", c.itemId()).put("key", c.keyHash())));
    JsonObject update = new JsonObject()
        .put("$pull", new JsonObject().put("items", new JsonObject().put("id", c.itemId())).put("batches.$[]", c.itemId()))
        .put("$unset", new JsonObject().put("shownVotes." + c.itemId(), ""));
    return mongo.updateCollection(PROMPTS, filter, update)
        .compose(r -> r.getDocMatched() > 0 ? Future.<Void>succeededFuture() : withdrawHeld(id, c))
        .compose(v -> Future.join(rolls.giveBack(id, c.who()), mongo.updateCollection(VOTERS, byId(id),
                new JsonObject().put("$pull", new JsonObject().put("voters", new JsonObject().put("q", c.itemId())))))
            .<Void>mapEmpty().otherwiseEmpty());
  }

  /** Takes back an item that is still waiting: its seal goes, and the held key too if nothing else waits. */
  private Future<Void> withdrawHeld(String id, PromptChange.ItemWithdrawn c) {
    return mongo.findOne(PROMPTS, byId(id), new JsonObject().put("held", 1))
        .compose(doc -> doc == null ? Future.succeededFuture(List.<Held>of()) : openHeld(id, doc))
        .compose(held -> {
          Held found = held.stream().filter(h -> h.item().id().equals(c.itemId())
              && java.util.Objects.equals(h.item().keyHash(), c.keyHash())).findFirst().orElse(null);
          if (found == null) {
            return Future.failedFuture(AppException.notFound("There is nothing to take back: it was already removed."));
          }
          String slot = found.stored().getString("s");
          return mongo.updateCollection(PROMPTS, byId(id), new JsonObject().put("$pull",
                  new JsonObject().put("held", new JsonObject().put("s", slot))))
              .compose(r -> expectMatch(r, () -> AppException.notFound("There is nothing to take back: it was already removed.")))
              .compose(v -> held.size() == 1 ? heldKeys.erase(id).otherwiseEmpty() : Future.succeededFuture());
        });
  }

  private Future<Void> moderate(String id, PromptChange.QuestionModerated c) {
    QuestionFlags f = c.flags();
    JsonObject set = new JsonObject().put("items.$[q].approved", f.approved()).put("items.$[q].hidden", f.hidden())
        .put("items.$[q].pinned", f.pinned()).put("items.$[q].answered", f.answered());
    return mongo.updateCollectionWithOptions(PROMPTS, byId(id).put("items.id", c.questionId()),
            new JsonObject().put("$set", set), arrayFilter("q.id", c.questionId()))
        .compose(r -> expectMatch(r, () -> AppException.notFound("There is no such question.")));
  }

  /** Runs {@code write}; if it fails, gives the roll slot just claimed back, then fails the same way. */
  private Future<Void> withClaimGivenBack(String id, ParticipantRef who, Future<Void> write) {
    return write.recover(err -> rolls.giveBack(id, who).transform(ignored -> Future.failedFuture(err)));
  }

  @Override
  public Future<Optional<StoredPrompt>> load(PromptRef prompt) {
    JsonObject q = byId(PromptDocs.docId(prompt));
    return mongo.findOne(PROMPTS, q, null).compose(doc -> doc == null
            ? Future.succeededFuture(Optional.<StoredPrompt>empty())
            : Future.all(mongo.findOne(ROLLS, q, null), mongo.findOne(VOTERS, q, null), openHeld(q.getString("_id"), doc))
                .map(all -> Optional.of(PromptDocs.decode(prompt, doc, all.resultAt(0), all.resultAt(1),
                    all.<List<Held>>resultAt(2).stream().map(Held::item).toList()))))
        .recover(MongoAnonymousStore::storageFailure);
  }

  @Override
  public Future<List<StoredPrompt>> loadSession(String sessionId) {
    JsonObject q = new JsonObject().put("sessionId", sessionId);
    return Future.all(mongo.find(PROMPTS, q), mongo.find(ROLLS, q), mongo.find(VOTERS, q)).compose(all -> {
      Map<String, JsonObject> rollsById = byDocId(all.resultAt(1));
      Map<String, JsonObject> votersById = byDocId(all.resultAt(2));
      List<Future<StoredPrompt>> out = new ArrayList<>();
      for (JsonObject doc : all.<List<JsonObject>>resultAt(0)) {
        String id = doc.getString("_id");
        out.add(openHeld(id, doc).map(held -> PromptDocs.decode(PromptDocs.promptRef(doc), doc, rollsById.get(id),
            votersById.get(id), held.stream().map(Held::item).toList())));
      }
      return Future.all(out).map(f -> List.copyOf(f.<StoredPrompt>list()));
    }).recover(MongoAnonymousStore::storageFailure);
  }

  @Override
  public Future<SignalCounts> loadSignals(String sessionId) {
    return mongo.findOne(SIGNALS, byId(PromptDocs.signalsId(sessionId)), null).map(doc -> {
      if (doc == null) {
        return SignalCounts.none();
      }
      Map<SignalKind, Integer> total = new HashMap<>();
      Map<SignalKind, Integer> unseen = new HashMap<>();
      for (SignalKind k : SignalKind.values()) {
        total.put(k, doc.getJsonObject("total", new JsonObject()).getInteger(k.wire(), 0));
        unseen.put(k, doc.getJsonObject("unseen", new JsonObject()).getInteger(k.wire(), 0));
      }
      return new SignalCounts(total, unseen);
    }).recover(MongoAnonymousStore::storageFailure);
  }

  @Override
  public Future<Void> applySignal(String sessionId, SignalChange change) {
    String kind = change.kind().wire();
    JsonObject update = change.acknowledged()
        ? new JsonObject().put("$set", new JsonObject().put("unseen." + kind, 0))
        : new JsonObject().put("$inc", new JsonObject().put("total." + kind, 1).put("unseen." + kind, 1));
    update.put("$setOnInsert", new JsonObject().put("sessionId", sessionId));
    return mongo.updateCollectionWithOptions(SIGNALS, byId(PromptDocs.signalsId(sessionId)), update,
            new UpdateOptions().setUpsert(true))
        .<Void>mapEmpty().recover(MongoAnonymousStore::storageFailure);
  }

  @Override
  public Future<ScreenState> loadScreen(String sessionId) {
    return mongo.findOne(SCREENS, byId(PromptDocs.screenId(sessionId)), null)
        .map(doc -> doc == null ? ScreenState.empty() : PromptDocs.screen(sessionId, doc))
        .recover(MongoAnonymousStore::storageFailure);
  }

  @Override
  public Future<Void> saveScreen(String sessionId, ScreenState screen) {
    JsonObject doc = PromptDocs.screen(sessionId, screen);
    doc.remove("_id");
    return mongo.updateCollectionWithOptions(SCREENS, byId(PromptDocs.screenId(sessionId)),
            new JsonObject().put("$set", doc), new UpdateOptions().setUpsert(true))
        .<Void>mapEmpty().recover(MongoAnonymousStore::storageFailure);
  }

  @Override
  public Future<Void> deleteSession(String sessionId) {
    JsonObject q = new JsonObject().put("sessionId", sessionId);
    return mongo.findWithOptions(PROMPTS, q, new io.vertx.ext.mongo.FindOptions().setFields(new JsonObject().put("_id", 1)))
        .compose(docs -> Future.join(docs.stream().map(d -> heldKeys.erase(d.getString("_id"))).toList()).otherwiseEmpty())
        .compose(v -> Future.all(List.of(PROMPTS, ROLLS, VOTERS, SIGNALS, SCREENS).stream()
            .map(c -> mongo.removeDocuments(c, q)).toList()))
        .<Void>mapEmpty().recover(MongoAnonymousStore::storageFailure);
  }

  static JsonObject byId(String id) {
    return new JsonObject().put("_id", id);
  }

  static JsonObject sortedPush(JsonObject element, JsonObject sort) {
    return new JsonObject().put("$each", new JsonArray().add(element)).put("$sort", sort);
  }

  static UpdateOptions arrayFilter(String path, Object value) {
    return new UpdateOptions().setArrayFilters(new JsonArray().add(new JsonObject().put(path, value)));
  }

  static Future<Void> expectMatch(MongoClientUpdateResult r, java.util.function.Supplier<AppException> otherwise) {
    return r.getDocMatched() > 0 ? Future.succeededFuture() : Future.failedFuture(otherwise.get());
  }

  /**
   * Store failures become storage-unavailable without the driver's message or cause: a driver message
   * can quote the document being written, and a log line must never hold anonymous content.
   */
  static <T> Future<T> storageFailure(Throwable e) {
    if (e instanceof AppException) {
      return Future.failedFuture(e);
    }
    String detail = e instanceof MongoException m ? " " + m.getCode() : "";
    return Future.failedFuture(new AppException(ErrorCode.STORAGE_UNAVAILABLE,
        "Anonymous input could not be stored or read (" + e.getClass().getSimpleName() + detail + "); try again."));
  }

  private static JsonObject setOnInsert(JsonObject doc) {
    JsonObject fields = doc.copy();
    fields.remove("_id");
    return new JsonObject().put("$setOnInsert", fields);
  }

  private static Map<String, JsonObject> byDocId(List<JsonObject> docs) {
    Map<String, JsonObject> out = new HashMap<>();
    docs.forEach(d -> out.put(d.getString("_id"), d));
    return out;
  }
}
