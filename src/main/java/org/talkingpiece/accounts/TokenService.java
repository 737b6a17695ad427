package org.talkingpiece.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.store.Database;

/**
 * Sign-in and API tokens for accounts. A token is a random 256-bit secret; the server stores only its
 * SHA-256 hash (collection {@code auth_tokens}: {@code _id} = hash, with the account's id, username,
 * roles and {@code expiresAt}, a date under a TTL index), so a copy of the database holds no usable
 * token.
 *
 * <p>Invariant: a token exists only for an enabled account with the roles it snapshots. Anything that
 * disables an account, changes its roles or its password revokes all of its tokens
 * ({@link #revokeAll}); so {@link #resolve} needs a single lookup by {@code _id} and no second read of
 * the account. Thread-safe; every method may be called from any event loop.
 */
public final class TokenService {
  static final String COLLECTION = "auth_tokens";
  private static final int MAX_TOKEN_LENGTH = 100;

  private final Database db;
  private final MongoClient mongo;
  private final Duration ttl;
  private final InstantSource clock;

  TokenService(Database db, Duration ttl, InstantSource clock) {
    this.db = db;
    this.mongo = db.mongo();
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Creates the TTL index on {@code expiresAt} and the index used to revoke an account's tokens. */
  Future<Void> init() {
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("expiresAt", 1),
            new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expires_ttl"))
        .compose(v -> mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("accountId", 1),
            new IndexOptions().name("account")))
        .recover(MongoDocs::storageFailure);
  }

  /** Issues a token for the account, valid for the configured lifetime; durable before it completes. */
  Future<IssuedToken> issue(Account account) {
    String token = Ids.secret();
    Instant expiresAt = clock.instant().plus(ttl);
    JsonArray roles = new JsonArray();
    account.sortedRoles().forEach(r -> roles.add(r.code()));
    JsonObject doc = new JsonObject()
        .put("_id", hash(token))
        .put("accountId", account.id())
        .put("username", account.username())
        .put("roles", roles)
        .put("accountCreatedAt", MongoDocs.date(account.createdAt()))
        .put("expiresAt", MongoDocs.date(expiresAt));
    return mongo.insert(COLLECTION, doc)
        .recover(MongoDocs::storageFailure)
        .compose(id -> db.durable())
        .map(v -> new IssuedToken(token, expiresAt));
  }

  /**
   * The account a token belongs to: one indexed lookup. Fails UNAUTHENTICATED for a missing, unknown,
   * expired or revoked token (a disabled account's tokens are revoked), STORAGE_UNAVAILABLE when the
   * database does not answer.
   */
  public Future<Account> resolve(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Future.failedFuture(unauthenticated());
    }
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", hash(token)), null)
        .recover(MongoDocs::storageFailure)
        .compose(doc -> {
          if (doc == null || !clock.instant().isBefore(MongoDocs.instant(doc, "expiresAt"))) {
            return Future.failedFuture(unauthenticated());
          }
          return Future.succeededFuture(toAccount(doc));
        });
  }

  /** Revokes one token (signing out); succeeds also when the token is unknown. */
  public Future<Void> revoke(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Future.succeededFuture();
    }
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", hash(token)))
        .recover(MongoDocs::storageFailure)
        .compose(r -> db.durable());
  }

  /** Revokes every token of an account at once (disabling, password or role change). */
  Future<Void> revokeAll(String accountId) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("accountId", accountId))
        .recover(MongoDocs::storageFailure)
        .compose(r -> db.durable());
  }

  private static Account toAccount(JsonObject doc) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object code : doc.getJsonArray("roles", new JsonArray())) {
      Role.fromCode(String.valueOf(code)).ifPresent(roles::add);
    }
    return new Account(doc.getString("accountId"), doc.getString("username"), roles, false,
        MongoDocs.instant(doc, "accountCreatedAt"));
  }

  private static AppException unauthenticated() {
    return new AppException(ErrorCode.UNAUTHENTICATED, "The sign-in token is missing, unknown or expired.");
  }

  /** Hex SHA-256 of the token: what the database stores instead of the token. */
  static String hash(String token) {
    return org.talkingpiece.shared.Hashes.sha256Hex(token);
  }
}
