package org.talkingpiece.accounts;

import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * Makes sure someone can sign in on a fresh install: when no enabled admin exists, creates the account
 * {@code admin} with {@code ADMIN_PASSWORD}, or with a generated one-time password that is logged
 * exactly once (the only place a password is ever logged). When an admin exists it does nothing, so
 * a restart changes nothing. Several nodes starting together are safe: the unique username index lets
 * only one of them create the account, and only that one logs.
 */
final class FirstAdmin {
  static final String USERNAME = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

  private FirstAdmin() {}

  static Future<Void> ensure(AccountStore store, AccountService accounts, String adminPassword, String publicUrl) {
    if (adminPassword != null) {
      try {
        AccountRules.newPassword(adminPassword);
      } catch (AppException e) {
        return Future.failedFuture(new IllegalArgumentException("ADMIN_PASSWORD: " + e.getMessage()));
      }
    }
    return store.hasEnabledAdmin().compose(exists -> exists
        ? Future.<Void>succeededFuture()
        : accounts.create(USERNAME, List.of(Role.ADMIN.code()), adminPassword)
            .onSuccess(created -> announce(created, publicUrl))
            .<Void>mapEmpty()
            .recover(e -> taken(e, store)));
  }

  private static void announce(AccountService.WithPassword created, String publicUrl) {
    if (created.generatedPassword() == null) {
      LOG.info("Created the first admin account '{}' with the password from ADMIN_PASSWORD. Sign in at {}/signin.",
          USERNAME, publicUrl);
      return;
    }
    LOG.warn("No admin account existed, so one was created. Sign in at {}/signin as {} with password {} "
            + "(this password is shown only once), then change it: on {}/admin/users choose \"New password\" "
            + "for {}.", publicUrl, USERNAME, created.generatedPassword(), publicUrl, USERNAME);
  }

  /** Another node created it first (fine), or an account named admin exists but is not an enabled admin. */
  private static Future<Void> taken(Throwable e, AccountStore store) {
    if (!(e instanceof AppException app) || app.code() != ErrorCode.CONFLICT) {
      return Future.failedFuture(e);
    }
    return store.hasEnabledAdmin().onSuccess(exists -> {
      if (!exists) {
        LOG.error("No enabled admin account exists and the username '{}' is taken by an account that is not an "
            + "enabled admin. Nobody can manage accounts until an admin is enabled in the database.", USERNAME);
      }
    }).mapEmpty();
  }
}
