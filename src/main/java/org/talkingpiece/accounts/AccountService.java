package org.talkingpiece.accounts;

import io.vertx.core.Future;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Ids;

/**
 * Managing accounts: create, list, disable or enable, set a new password. Every input is checked
 * before anything is written, so a bad request changes nothing. Disabling an account or changing
 * its password or roles ends everything it is signed in with ({@link Revocations}) before the call
 * completes.
 */
final class AccountService {
  private final AccountStore store;
  private final Passwords passwords;
  private final Revocations revocations;
  private final SigninFailures failures;
  private final InstantSource clock;

  AccountService(AccountStore store, Passwords passwords, Revocations revocations, SigninFailures failures,
      InstantSource clock) {
    this.store = store;
    this.passwords = passwords;
    this.revocations = revocations;
    this.failures = failures;
    this.clock = clock;
  }

  /**
   * A new account or password. {@code generatedPassword} is set only when the server made the password
   * up; it must be shown once to the admin and never stored or logged.
   */
  record WithPassword(Account account, String generatedPassword) {
    @Override
    public String toString() {
      return "WithPassword[account=" + account + ", generatedPassword=" + (generatedPassword == null ? "none" : "***") + "]";
    }
  }

  /**
   * Creates an account. A blank password means "generate one". Fails INVALID_INPUT naming the field,
   * CONFLICT when the username is taken.
   */
  Future<WithPassword> create(String rawUsername, List<String> roleCodes, String rawPassword) {
    Account account;
    String password;
    String generated;
    try {
      String username = AccountRules.username(rawUsername);
      Set<Role> roles = AccountRules.roles(roleCodes);
      generated = rawPassword == null || rawPassword.isEmpty() ? AccountRules.generatedPassword() : null;
      password = generated != null ? generated : AccountRules.newPassword(rawPassword);
      account = new Account(Ids.random(), username, roles, false, clock.instant());
    } catch (AppException e) {
      return Future.failedFuture(e);
    }
    return passwords.hash(password)
        .compose(hash -> store.insert(account, hash))
        .map(saved -> new WithPassword(saved, generated));
  }

  Future<List<Account>> list() {
    return store.list();
  }

  /** The usernames among {@code accounts} whose sign-in is locked now, from some address or from everywhere. */
  Future<Set<String>> signInLocked(List<Account> accounts) {
    return failures.locked(accounts.stream().map(Account::username).toList(), clock.instant());
  }

  /**
   * Lifts every sign-in lock on the account, from every address, and forgets its failed attempts, so
   * its owner can sign in again at once. Fails NOT_FOUND for an unknown id.
   */
  Future<Account> unlock(String id) {
    return byId(id).compose(account -> failures.unlock(account.username()).map(account));
  }

  Future<Account> byId(String id) {
    return store.byId(id).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(AppException.notFound("No account with id " + id)));
  }

  /**
   * Disables or enables an account. Disabling revokes its tokens at once. An admin cannot disable
   * their own account (so the last admin cannot lock everyone out by mistake).
   */
  Future<Account> setDisabled(Account actor, String id, boolean disabled) {
    if (disabled && actor.id().equals(id)) {
      return Future.failedFuture(AppException.wrongState("You cannot disable your own account."));
    }
    return store.setDisabled(id, disabled)
        .compose(account -> disabled
            ? revocations.revoke(id, Revocations.Reason.DISABLED).map(account)
            : Future.succeededFuture(account));
  }

  /** Sets a new password (blank means "generate one") and signs the account out everywhere. */
  Future<WithPassword> setPassword(String id, String rawPassword) {
    String password;
    String generated;
    try {
      generated = rawPassword == null || rawPassword.isEmpty() ? AccountRules.generatedPassword() : null;
      password = generated != null ? generated : AccountRules.newPassword(rawPassword);
    } catch (AppException e) {
      return Future.failedFuture(e);
    }
    return byId(id)
        .compose(existing -> passwords.hash(password))
        .compose(hash -> store.setPasswordHash(id, hash))
        .compose(account -> revocations.revoke(id, Revocations.Reason.PASSWORD_CHANGED)
            .map(new WithPassword(account, generated)));
  }
}
