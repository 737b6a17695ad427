package org.talkingpiece.accounts;

import io.vertx.core.Future;
import java.time.InstantSource;
import java.util.Optional;
import org.talkingpiece.accounts.AccountStore.Credentials;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * Checking a username and password and issuing a token: the one path behind both the sign-in page
 * and {@code POST /api/auth/token}, so both apply the same {@link Lockout} rules.
 *
 * <p>Failures: INVALID_INPUT naming {@code username} or {@code password}; RATE_LIMITED while the
 * username is locked (checked before the password, so even the right password is refused);
 * UNAUTHENTICATED for a wrong username or password. The password is compared against a hash even
 * for unknown usernames, so timing does not tell which usernames exist.
 */
final class SignIn {
  static final String BAD_CREDENTIALS = "The username or password is not right.";

  private final AccountStore accounts;
  private final Passwords passwords;
  private final TokenService tokens;
  private final SigninFailures failures;
  private final InstantSource clock;

  SignIn(AccountStore accounts, Passwords passwords, TokenService tokens, SigninFailures failures,
      InstantSource clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.tokens = tokens;
    this.failures = failures;
    this.clock = clock;
  }

  /** A successful sign-in: who, and their new token. */
  record SignedIn(Account account, IssuedToken token) {}

  Future<SignedIn> signIn(String rawUsername, String rawPassword) {
    String username;
    String password;
    try {
      username = AccountRules.username(rawUsername);
      password = AccountRules.signInPassword(rawPassword);
    } catch (AppException e) {
      return Future.failedFuture(e);
    }
    return failures.get(username)
        .compose(lock -> lock.lockedAt(clock.instant())
            ? Future.failedFuture(locked(lock))
            : accounts.credentials(username))
        .compose(found -> check(username, password, found))
        .compose(account -> failures.clear(username).map(account))
        .compose(this::issue);
  }

  private Future<Account> check(String username, String password, Optional<Credentials> found) {
    return passwords.verify(password, found.map(Credentials::passwordHash).orElse(null))
        .compose(matches -> {
          if (!matches) {
            return failures.recordFailure(username, clock.instant())
                .compose(lock -> Future.failedFuture(badCredentials(lock)));
          }
          Account account = found.orElseThrow().account();
          return account.disabled() ? Future.failedFuture(disabled()) : Future.succeededFuture(account);
        });
  }

  /**
   * Issues the token, then reads the account again: if an admin disabled it while the password was
   * being checked, the new token is revoked, so a disabled account never keeps one.
   */
  private Future<SignedIn> issue(Account account) {
    return tokens.issue(account).compose(token -> accounts.byId(account.id())
        .compose(now -> now.isPresent() && !now.get().disabled()
            ? Future.succeededFuture(new SignedIn(account, token))
            : tokens.revoke(token.token()).compose(v -> Future.failedFuture(disabled()))));
  }

  private AppException locked(Lockout lock) {
    return new AppException(ErrorCode.RATE_LIMITED, "Too many failed sign-ins for this username. Try again in "
        + lock.waitText(clock.instant()) + ".");
  }

  private AppException badCredentials(Lockout lock) {
    String message = lock.lockedAt(clock.instant())
        ? BAD_CREDENTIALS + " That was too many tries: wait " + lock.waitText(clock.instant())
            + " before trying again."
        : BAD_CREDENTIALS;
    return new AppException(ErrorCode.UNAUTHENTICATED, message);
  }

  private static AppException disabled() {
    return new AppException(ErrorCode.UNAUTHENTICATED,
        "This account is disabled. Ask an administrator to enable it.");
  }
}
