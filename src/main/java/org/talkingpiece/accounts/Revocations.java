package org.talkingpiece.accounts;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Ends everything an account is signed in with, by account rather than token by token: its sign-in
 * and API tokens ({@link TokenService#revokeAll}), then whatever other features registered with
 * {@link #onRevoke} (e.g. live session tokens held by an open console), then a notice on the
 * clustered event bus at {@link #ADDRESS} ({@code {accountId, reason}}) so every node can close live
 * sockets that were opened with those tokens.
 *
 * <p>Contract: when {@link #revoke} completes, every listener's future has completed, so the admin's
 * "disabled" or "new password set" is only reported once nothing of the account still works.
 * Thread-safe; listeners may be added at any time (normally once, at start).
 */
final class Revocations {
  /** Internal address (never bridged): published once per revocation, to every node. */
  static final String ADDRESS = "tp.internal.accounts.revoked";

  /** Why an account's sign-ins were ended. */
  enum Reason {
    DISABLED, PASSWORD_CHANGED, ROLES_CHANGED;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private final TokenService tokens;
  private final EventBus bus;
  private final List<Function<String, Future<Void>>> listeners = new CopyOnWriteArrayList<>();

  Revocations(TokenService tokens, EventBus bus) {
    this.tokens = tokens;
    this.bus = bus;
  }

  /** Adds a listener called with the account id on every revocation; its failure fails the revocation. */
  void onRevoke(Function<String, Future<Void>> listener) {
    listeners.add(listener);
  }

  Future<Void> revoke(String accountId, Reason reason) {
    return tokens.revokeAll(accountId)
        .compose(v -> Future.all(listeners.stream().map(l -> l.apply(accountId)).toList()))
        .onSuccess(v -> bus.publish(ADDRESS, new JsonObject().put("accountId", accountId).put("reason", reason.code())))
        .mapEmpty();
  }
}
