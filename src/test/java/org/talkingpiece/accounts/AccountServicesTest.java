package org.talkingpiece.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.Config;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.store.Database;
import org.talkingpiece.support.TestClock;
import org.talkingpiece.support.TestServer;

/** The accounts services on the embedded database with a clock the test moves. */
@ExtendWith(VertxExtension.class)
class AccountServicesTest {
  static Vertx vertx;
  static Database db;
  static TestClock clock = new TestClock(Instant.parse("2030-01-01T09:00:00Z"));
  static Accounts accounts;
  static final String ADDRESS = "192.0.2.1";

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Config config = Config.fromEnv(TestServer.defaultEnv(Files.createTempDirectory("tp-accounts-")));
    db = Database.open(vertx, config).await(30, TimeUnit.SECONDS);
    accounts = Accounts.start(vertx, config, db, clock).await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close().await(30, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private static ErrorCode failureOf(Future<?> f) {
    try {
      f.await(20, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, but it succeeded");
    } catch (AppException e) {
      return e.code();
    } catch (Exception e) {
      throw new AssertionError("expected an AppException", e);
    }
  }

  private static Account create(String username, String password, String... roles) {
    return await(accounts.service().create(username, List.of(roles), password)).account();
  }

  @Test
  @DisplayName("A locked username works again once the lock time has passed; the next lock lasts twice as long")
  void lockPasses() {
    create("clocked", "clocked-password", "facilitator");
    SignIn signIn = accounts.signIn();
    for (int i = 0; i < 5; i++) {
      assertThat(failureOf(signIn.signIn("clocked", "wrong-password", ADDRESS))).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
    assertThat(failureOf(signIn.signIn("clocked", "clocked-password", ADDRESS))).isEqualTo(ErrorCode.RATE_LIMITED);
    clock.advance(Duration.ofSeconds(59));
    assertThat(failureOf(signIn.signIn("clocked", "clocked-password", ADDRESS))).isEqualTo(ErrorCode.RATE_LIMITED);
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) {
      assertThat(failureOf(signIn.signIn("clocked", "wrong-password", ADDRESS))).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
    clock.advance(Duration.ofSeconds(119));
    assertThat(failureOf(signIn.signIn("clocked", "clocked-password", ADDRESS))).isEqualTo(ErrorCode.RATE_LIMITED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(await(signIn.signIn("clocked", "clocked-password", ADDRESS)).account().username()).isEqualTo("clocked");
  }

  @Test
  @DisplayName("Thirty attempts claimed at the same moment: exactly five are granted, the fifth locks, the rest are refused")
  void claimsAreAtomic() {
    SigninFailures failures = new SigninFailures(db.mongo());
    SigninFailures.Key key = SigninFailures.Key.pair("raced", "192.0.2.9");
    List<Future<Lockout.Claim>> claims = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      claims.add(failures.claim(key, clock.instant()));
    }
    await(Future.join(claims));
    List<Lockout.Claim> got = claims.stream().map(Future::result).toList();
    assertThat(got.stream().filter(Lockout.Claim.Granted.class::isInstance).count()).isEqualTo(5);
    assertThat(got.stream().filter(c -> c instanceof Lockout.Claim.Granted g && g.locking()).count()).isEqualTo(1);
    assertThat(got.stream().filter(Lockout.Claim.Refused.class::isInstance).count()).isEqualTo(25);
  }

  @Test
  @DisplayName("Features registered for revocation hear of a disabled account before the admin's change completes")
  void revocationListeners() {
    Account admin = create("revoker", "revoker-password", "admin");
    Account target = create("revoked", "revoked-password", "facilitator");
    java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    accounts.onRevoke(id -> {
      heard.add(id);
      return Future.succeededFuture();
    });
    await(accounts.service().setDisabled(admin, target.id(), true));
    assertThat(heard).containsExactly(target.id());
    await(accounts.service().setDisabled(admin, target.id(), false));
    assertThat(heard).containsExactly(target.id());
    await(accounts.service().setPassword(target.id(), "another-password"));
    assertThat(heard).containsExactly(target.id(), target.id());
  }

  @Test
  @DisplayName("Unknown usernames are locked out the same way, so lockouts do not reveal who has an account")
  void unknownUsernamesLockToo() {
    SignIn signIn = accounts.signIn();
    for (int i = 0; i < 5; i++) {
      assertThat(failureOf(signIn.signIn("ghost-user", "wrong-password", ADDRESS))).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
    assertThat(failureOf(signIn.signIn("ghost-user", "wrong-password", ADDRESS))).isEqualTo(ErrorCode.RATE_LIMITED);
  }

  @Test
  @DisplayName("A token works until its lifetime ends, and not after")
  void tokenExpires() {
    Account a = create("expiring", "expiring-password", "author");
    IssuedToken token = await(accounts.signIn().signIn("expiring", "expiring-password", ADDRESS)).token();
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
    assertThat(await(accounts.tokens().resolve(token.token())).id()).isEqualTo(a.id());
    clock.advance(Duration.ofHours(12));
    assertThat(failureOf(accounts.tokens().resolve(token.token()))).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  @DisplayName("A resolved token gives the account's username and roles, and missing or odd tokens are refused")
  void resolve() {
    Account a = create("resolver", "resolver-password", "facilitator", "author");
    IssuedToken token = await(accounts.signIn().signIn("resolver", "resolver-password", ADDRESS)).token();
    Account resolved = await(accounts.tokens().resolve(token.token()));
    assertThat(resolved.username()).isEqualTo("resolver");
    assertThat(resolved.roles()).containsExactlyInAnyOrder(Role.FACILITATOR, Role.AUTHOR);
    assertThat(resolved.disabled()).isFalse();
    assertThat(resolved.createdAt()).isEqualTo(a.createdAt());
    for (String bad : new String[] {null, "", "x".repeat(500), token.token() + "x"}) {
      assertThat(failureOf(accounts.tokens().resolve(bad))).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
  }

  @Test
  @DisplayName("Usernames are unique whatever their case; the store lists accounts by username")
  void storeContract() {
    Account b = create("bravo", "bravo-password", "author");
    create("alpha", "alpha-password", "facilitator");
    assertThat(failureOf(accounts.service().create("BRAVO", List.of("author"), "other-password")))
        .isEqualTo(ErrorCode.CONFLICT);
    List<String> names = await(accounts.store().list()).stream().map(Account::username).toList();
    assertThat(names).isSorted().contains("alpha", "bravo");
    assertThat(await(accounts.store().byId(b.id()))).contains(b);
    assertThat(await(accounts.store().byId("missing"))).isEmpty();
    assertThat(failureOf(accounts.store().setDisabled("missing", true))).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(await(accounts.store().credentials("bravo")).orElseThrow().passwordHash()).startsWith("$2a$04$");
  }

  @Test
  @DisplayName("Every character of a long password counts, beyond bcrypt's 72-byte limit")
  void longPasswords() {
    String base = "p".repeat(100);
    create("longpw", base + "-one", "author");
    assertThat(failureOf(accounts.signIn().signIn("longpw", base + "-two", ADDRESS))).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(await(accounts.signIn().signIn("longpw", base + "-one", ADDRESS)).account().username()).isEqualTo("longpw");
  }

  @Test
  @DisplayName("Nothing is stored when account input is bad")
  void nothingHalfApplied() {
    assertThat(failureOf(accounts.service().create("ok-name", List.of("nope"), "valid-password"))).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(failureOf(accounts.service().create("ok-name", List.of("author"), "short"))).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(await(accounts.store().credentials("ok-name"))).isEmpty();
  }
}
