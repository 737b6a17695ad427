package org.talkingpiece.accounts;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.talkingpiece.store.Database;

/**
 * Where accounts and their password hashes live. Usernames are stored lower-case and are unique.
 * Every method fails with STORAGE_UNAVAILABLE when the database does not answer. Writes complete only
 * once they are durable ({@link Database#durable()}), so an acknowledged change survives a crash.
 */
public interface AccountStore {

  /** An account with its bcrypt hash, for checking a password; its text form leaves the hash out. */
  record Credentials(Account account, String passwordHash) {
    @Override
    public String toString() {
      return "Credentials[account=" + account + ", passwordHash=***]";
    }
  }

  /** The MongoDB store (collection {@code accounts}). Call {@link #init()} once before use. */
  static AccountStore mongo(Database db) {
    return new MongoAccountStore(db);
  }

  /** Creates the unique username index; safe to call on every start and from several nodes. */
  Future<Void> init();

  /** Stores a new account; fails CONFLICT naming the username when it is taken. */
  Future<Account> insert(Account account, String passwordHash);

  Future<Optional<Account>> byId(String id);

  /** The account and its hash for a (normalised) username, for signing in. */
  Future<Optional<Credentials>> credentials(String username);

  /** Every account, sorted by username. */
  Future<List<Account>> list();

  /** Sets the disabled flag; fails NOT_FOUND for an unknown id. Returns the updated account. */
  Future<Account> setDisabled(String id, boolean disabled);

  /** Replaces the password hash; fails NOT_FOUND for an unknown id. */
  Future<Account> setPasswordHash(String id, String passwordHash);

  /** True when at least one enabled account holds the admin role. */
  Future<Boolean> hasEnabledAdmin();
}
