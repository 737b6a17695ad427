package org.talkingpiece.accounts;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.talkingpiece.accounts.AccountStore.Credentials;
import org.talkingpiece.accounts.Lockout.Claim;
import org.talkingpiece.accounts.SigninFailures.Key;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * Checking a username and password and issuing a token: the one path behind both the sign-in page
 * and {@code POST /api/auth/token}, so both apply the same {@link Lockout} rules.
 *
 * <p>Before any password is checked, the attempt is claimed, atomically, under three keys: the
 * username from this address, this address, and the username from everywhere (see {@link Lockout}
 * for the limits). If any of them is locked the attempt is refused unchecked, and the claims already
 * made are given back. So attempts sent all at once are counted before any is checked, and one address
 * cannot lock a username for everyone else.
 *
 * <p>Failures: INVALID_INPUT naming {@code username} or {@code password}; RATE_LIMITED while a key is
 * locked (even the right password is refused) or while this address has too many passwords being
 * checked; UNAUTHENTICATED for a wrong username or password. The password is compared against a hash
 * even for unknown usernames, so timing does not tell which usernames exist.
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

  /** Signs in from {@code address} (see {@link org.talkingpiece.web.ClientAddress}). */
  Future<SignedIn> signIn(String rawUsername, String rawPassword, String address) {
    String username;
    String password;
    try {
      username = AccountRules.username(rawUsername);
      password = AccountRules.signInPassword(rawPassword);
    } catch (AppException e) {
      return Future.failedFuture(e);
    }
    Key pair = Key.pair(username, address);
    Key fromAddress = Key.address(address);
    Key everywhere = Key.username(username);
    Instant now = clock.instant();
    return passwords.admit(address).compose(permit -> claimAll(List.of(pair, fromAddress, everywhere), 0, now)
            .compose(pairClaim -> accounts.credentials(username)
                .compose(found -> permit.verify(password, found.map(Credentials::passwordHash).orElse(null))
                    .compose(matches -> matches
                        ? succeeded(found.orElseThrow(), pair, fromAddress, everywhere)
                        : Future.<Credentials>failedFuture(badCredentials(pairClaim)))))
            .onComplete(ar -> permit.release()))
        .compose(this::issue);
  }

  /**
   * Claims an attempt under {@code keys[i..]} in turn; completes with the first key's claim. When a
   * key is locked, gives back the claims made before it and fails RATE_LIMITED.
   */
  private Future<Claim.Granted> claimAll(List<Key> keys, int i, Instant now) {
    Key key = keys.get(i);
    return failures.claim(key, now).compose(claim -> {
      if (claim instanceof Claim.Refused refused) {
        return refund(keys.subList(0, i)).compose(v -> Future.failedFuture(locked(key, refused.current(), now)));
      }
      Claim.Granted granted = (Claim.Granted) claim;
      return i + 1 == keys.size() ? Future.succeededFuture(granted)
          : claimAll(keys, i + 1, now).map(rest -> granted);
    });
  }

  private Future<Void> refund(List<Key> keys) {
    return Future.all(keys.stream().map(failures::refund).toList()).mapEmpty();
  }

  /** The right password: forget this address's failures for the username and give the other claims back. */
  private Future<Credentials> succeeded(Credentials found, Key pair, Key fromAddress, Key everywhere) {
    return Future.all(failures.clear(pair), failures.refund(fromAddress), failures.refund(everywhere))
        .compose(v -> found.account().disabled() ? Future.failedFuture(disabled()) : Future.succeededFuture(found));
  }

  /**
   * Issues the token, then reads the account again: if an admin disabled it, set a new password or
   * changed its roles while the password was being checked, the new token is revoked (the admin's
   * revocation may have run before it existed), so no token outlives a revocation.
   */
  private Future<SignedIn> issue(Credentials checked) {
    Account account = checked.account();
    return tokens.issue(account).compose(token -> accounts.credentials(account.username())
        .compose(now -> now.isPresent() && unchanged(checked, now.get())
            ? Future.succeededFuture(new SignedIn(account, token))
            : tokens.revoke(token.token()).compose(v -> Future.failedFuture(now.isPresent()
                && !now.get().account().disabled() ? changedMeanwhile() : disabled()))));
  }

  private static boolean unchanged(Credentials checked, Credentials now) {
    return now.account().id().equals(checked.account().id()) && !now.account().disabled()
        && now.account().roles().equals(checked.account().roles())
        && java.util.Objects.equals(now.passwordHash(), checked.passwordHash());
  }

  private static AppException changedMeanwhile() {
    return new AppException(ErrorCode.UNAUTHENTICATED,
        "This account was changed while you were signing in. Please sign in again.");
  }

  private static AppException locked(Key key, Lockout lock, Instant now) {
    String wait = lock.waitText(now);
    String message;
    if (key.rules() == Lockout.ADDRESS) {
      message = "Too many failed sign-ins from your network. Try again in " + wait + ".";
    } else if (key.rules() == Lockout.USERNAME) {
      message = "Too many failed sign-ins for this username from many places. Try again in " + wait
          + ", or ask an administrator to unlock the account.";
    } else {
      message = "Too many failed sign-ins for this username. Try again in " + wait + ".";
    }
    return new AppException(ErrorCode.RATE_LIMITED, message);
  }

  private AppException badCredentials(Claim.Granted pairClaim) {
    Instant now = clock.instant();
    String message = pairClaim.locking()
        ? BAD_CREDENTIALS + " That was too many tries: wait " + pairClaim.next().waitText(now)
            + " before trying again."
        : BAD_CREDENTIALS;
    return new AppException(ErrorCode.UNAUTHENTICATED, message);
  }

  private static AppException disabled() {
    return new AppException(ErrorCode.UNAUTHENTICATED,
        "This account is disabled. Ask an administrator to enable it.");
  }
}
