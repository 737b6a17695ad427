package org.talkingpiece.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.InstantSource;
import org.talkingpiece.Config;
import org.talkingpiece.store.Database;
import org.talkingpiece.web.Routes;

/**
 * The accounts feature, wired: storage, password hashing, tokens, sign-in, the {@link Auth} handler and
 * the routes. One instance per node, shared by every HTTP verticle instance (it is thread-safe).
 *
 * <p>Start order: {@link #start} creates indexes and the hashing pool; then
 * {@link #ensureFirstAdmin()}; then mount {@link #auth()} for every route before any feature's routes,
 * and {@link #routes()} with the features.
 */
public final class Accounts {
  private final Config config;
  private final AccountStore store;
  private final TokenService tokens;
  private final Revocations revocations;
  private final AccountService service;
  private final SignIn signIn;
  private final Auth auth;

  private Accounts(Config config, AccountStore store, TokenService tokens, Revocations revocations,
      AccountService service, SignIn signIn) {
    this.config = config;
    this.store = store;
    this.tokens = tokens;
    this.revocations = revocations;
    this.service = service;
    this.signIn = signIn;
    this.auth = new Auth(tokens, config.publicUrl().startsWith("https:"));
  }

  public static Future<Accounts> start(Vertx vertx, Config config, Database db) {
    return start(vertx, config, db, InstantSource.system());
  }

  /** As {@link #start(Vertx, Config, Database)} with a clock of the caller's choosing (tests). */
  public static Future<Accounts> start(Vertx vertx, Config config, Database db, InstantSource clock) {
    AccountStore store = AccountStore.mongo(db);
    TokenService tokens = new TokenService(db, config.tokenTtl(), clock);
    SigninFailures failures = new SigninFailures(db.mongo());
    Passwords passwords = Passwords.create(vertx, config.passwordCost());
    Revocations revocations = new Revocations(tokens, vertx.eventBus());
    return Future.all(store.init(), tokens.init(), failures.init())
        .map(v -> new Accounts(config, store, tokens, revocations,
            new AccountService(store, passwords, revocations, failures, clock),
            new SignIn(store, passwords, tokens, failures, clock)));
  }

  /** Creates the first admin when there is none (see {@link FirstAdmin}); does nothing otherwise. */
  public Future<Void> ensureFirstAdmin() {
    return FirstAdmin.ensure(store, service, config.adminPassword(), config.publicUrl());
  }

  /** The handler to mount for every route, before any feature's routes. */
  public Auth auth() {
    return auth;
  }

  /**
   * Sign-in, sign-out, the token API and the admin pages and API, and a quiet answer for the
   * favicon browsers ask for.
   */
  public Routes routes() {
    Routes[] all = {new SignInRoutes(signIn, tokens, auth), new AdminPages(service), new AdminApi(service)};
    return (Router router, Vertx vertx) -> {
      router.get("/favicon.ico").handler(new Favicon());
      for (Routes r : all) {
        r.mount(router, vertx);
      }
    };
  }

  /**
   * Registers what else must end when an account's sign-ins end (disabled, new password, roles
   * changed): called with the account id after its own tokens are revoked, and the admin's change
   * completes only once the returned future has. Every node also gets a notice on
   * {@value Revocations#ADDRESS} ({@code {accountId, reason}}) to close live sockets.
   */
  public void onRevoke(java.util.function.Function<String, Future<Void>> listener) {
    revocations.onRevoke(listener);
  }

  /** The internal event-bus address where each revocation is published, to every node. */
  public static String revokedAddress() {
    return Revocations.ADDRESS;
  }

  /** Resolves facilitator tokens (for the live bridge). */
  public TokenService tokens() {
    return tokens;
  }

  /** Looks accounts up (e.g. a session's facilitator). */
  public AccountStore store() {
    return store;
  }

  SignIn signIn() {
    return signIn;
  }

  AccountService service() {
    return service;
  }
}
