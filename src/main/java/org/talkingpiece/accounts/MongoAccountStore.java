package org.talkingpiece.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.MongoClientUpdateResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.store.Database;

/**
 * Accounts in the {@code accounts} collection:
 * {@code {_id, username, roles: ["admin", ...], disabled, createdAt: date, passwordHash}}.
 */
final class MongoAccountStore implements AccountStore {
  static final String COLLECTION = "accounts";

  private final Database db;
  private final MongoClient mongo;

  MongoAccountStore(Database db) {
    this.db = db;
    this.mongo = db.mongo();
  }

  @Override
  public Future<Void> init() {
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("username", 1),
            new IndexOptions().unique(true).name("username_unique"))
        .recover(MongoDocs::storageFailure);
  }

  @Override
  public Future<Account> insert(Account account, String passwordHash) {
    JsonObject doc = toDoc(account).put("passwordHash", passwordHash);
    return mongo.insert(COLLECTION, doc)
        .recover(e -> MongoDocs.duplicateKey(e)
            ? Future.failedFuture(new AppException(ErrorCode.CONFLICT,
                "username '" + account.username() + "' is already taken"))
            : MongoDocs.storageFailure(e))
        .compose(id -> db.durable())
        .map(v -> account);
  }

  @Override
  public Future<Optional<Account>> byId(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(MongoAccountStore::fromDoc))
        .recover(MongoDocs::storageFailure);
  }

  @Override
  public Future<Optional<Credentials>> credentials(String username) {
    return mongo.findOne(COLLECTION, new JsonObject().put("username", username), null)
        .map(doc -> Optional.ofNullable(doc)
            .map(d -> new Credentials(fromDoc(d), d.getString("passwordHash"))))
        .recover(MongoDocs::storageFailure);
  }

  @Override
  public Future<List<Account>> list() {
    FindOptions sorted = new FindOptions().setSort(new JsonObject().put("username", 1))
        .setFields(new JsonObject().put("passwordHash", 0));
    return mongo.findWithOptions(COLLECTION, new JsonObject(), sorted)
        .map(docs -> docs.stream().map(MongoAccountStore::fromDoc).toList())
        .recover(MongoDocs::storageFailure);
  }

  @Override
  public Future<Account> setDisabled(String id, boolean disabled) {
    return update(id, new JsonObject().put("disabled", disabled));
  }

  @Override
  public Future<Account> setPasswordHash(String id, String passwordHash) {
    return update(id, new JsonObject().put("passwordHash", passwordHash));
  }

  @Override
  public Future<Boolean> hasEnabledAdmin() {
    return mongo.count(COLLECTION, new JsonObject().put("roles", Role.ADMIN.code()).put("disabled", false))
        .map(n -> n > 0)
        .recover(MongoDocs::storageFailure);
  }

  private Future<Account> update(String id, JsonObject set) {
    JsonObject query = new JsonObject().put("_id", id);
    return mongo.updateCollection(COLLECTION, query, new JsonObject().put("$set", set))
        .recover(MongoDocs::storageFailure)
        .compose(r -> found(r, id))
        .compose(v -> db.durable())
        .compose(v -> byId(id))
        .map(Optional::orElseThrow);
  }

  private static Future<Void> found(MongoClientUpdateResult r, String id) {
    return r.getDocMatched() == 0
        ? Future.failedFuture(AppException.notFound("No account with id " + id))
        : Future.succeededFuture();
  }

  private static JsonObject toDoc(Account a) {
    JsonArray roles = new JsonArray();
    a.sortedRoles().forEach(r -> roles.add(r.code()));
    return new JsonObject()
        .put("_id", a.id())
        .put("username", a.username())
        .put("roles", roles)
        .put("disabled", a.disabled())
        .put("createdAt", MongoDocs.date(a.createdAt()));
  }

  static Account fromDoc(JsonObject doc) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object code : doc.getJsonArray("roles", new JsonArray())) {
      Role.fromCode(String.valueOf(code)).ifPresent(roles::add);
    }
    return new Account(doc.getString("_id"), doc.getString("username"), roles,
        doc.getBoolean("disabled", false), MongoDocs.instant(doc, "createdAt"));
  }
}
