package org.talkingpiece.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.curriculum.ModuleStore;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.session.MongoEventStore;
import org.talkingpiece.session.RetentionSweeper;
import org.talkingpiece.session.SessionDirectory;
import org.talkingpiece.session.SessionService;
import org.talkingpiece.session.SessionServices;
import org.talkingpiece.session.SessionTokens;
import org.talkingpiece.store.Database;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.TestServer;

class RetentionSweeperTest {
  static final Duration THIRTY_DAYS = Duration.ofDays(30);

  @Test
  @DisplayName("A sweep deletes what was created before now minus the retention period, and carries on past a failure")
  void sweepWithFakes() throws Exception {
    long now = 100 * 86_400_000L;
    List<Long> cutoffs = new ArrayList<>();
    List<String> deleted = Collections.synchronizedList(new ArrayList<>());
    RetentionSweeper sweeper = new RetentionSweeper(
        (cutoff, limit) -> {
          cutoffs.add(cutoff);
          return Future.succeededFuture(List.of("old-1", "broken", "old-2"));
        },
        id -> {
          if (id.equals("broken")) {
            return Future.failedFuture(new IllegalStateException("database hiccup"));
          }
          deleted.add(id);
          return Future.succeededFuture();
        },
        THIRTY_DAYS, InstantSource.fixed(Instant.ofEpochMilli(now)), Duration.ZERO, Duration.ofHours(1));

    int count = sweeper.sweep().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(count).isEqualTo(2);
    assertThat(deleted).containsExactly("old-1", "old-2");
    assertThat(cutoffs).containsExactly(now - THIRTY_DAYS.toMillis());
  }

  @Test
  @DisplayName("Deployed, the sweeper sweeps shortly after start and then every period, and stops when undeployed")
  void sweepsOnSchedule() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      AtomicInteger sweeps = new AtomicInteger();
      RetentionSweeper sweeper = new RetentionSweeper(
          (cutoff, limit) -> {
            sweeps.incrementAndGet();
            return Future.succeededFuture(List.of());
          },
          id -> Future.succeededFuture(), THIRTY_DAYS, InstantSource.system(), Duration.ofMillis(20),
          Duration.ofMillis(1_000));
      long started = System.nanoTime();
      String deployment = vertx.deployVerticle(sweeper).await(10, TimeUnit.SECONDS);
      while (sweeps.get() < 1 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5)) {
        Thread.sleep(5);
      }
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
          .as("the first sweep comes soon after start, long before the period is up").isLessThan(800);
      while (sweeps.get() < 3 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10)) {
        Thread.sleep(20);
      }
      assertThat(sweeps.get()).as("then one every period").isGreaterThanOrEqualTo(3);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(2_000);
      vertx.undeploy(deployment).await(10, TimeUnit.SECONDS);
      int after = sweeps.get();
      Thread.sleep(1_200);
      assertThat(sweeps.get()).as("no sweep after undeploying").isEqualTo(after);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("On a real server, a session older than the retention period goes with its log, tokens and entry; a newer one stays")
  void deletesExpiredSessions() throws Exception {
    Vertx client = Vertx.vertx();
    try (TestServer server = TestServer.start()) {
      Api api = new Api(client, server);
      String fran = api.account("fran", "facilitator");
      String older;
      String newer;
      try (LiveSession a = LiveSession.create(client, server, api, fran, "understanding-privilege", null)) {
        older = a.id;
        a.join("Ana");
        a.facilitator("start");
        a.give("Ana");
      }
      Thread.sleep(20); // so the second is created strictly later
      try (LiveSession b = LiveSession.create(client, server, api, fran, "understanding-privilege", null)) {
        newer = b.id;
        b.join("Ben");
      }
      Database db = server.server().database();
      long newerCreatedAt = createdAt(db, newer);
      assertThat(createdAt(db, older)).isLessThan(newerCreatedAt);
      assertThat(counts(db, older)).as("the older session has a log, tokens and an entry").allMatch(n -> n > 0);

      // Thirty days after the newer one was created: the older one is now more than thirty days old.
      InstantSource clock = InstantSource.fixed(Instant.ofEpochMilli(newerCreatedAt).plus(THIRTY_DAYS));
      RetentionSweeper sweeper = new RetentionSweeper(RetentionSweeper.expiredIn(db),
          sessionService(server, db)::delete, THIRTY_DAYS, clock, Duration.ZERO, Duration.ofHours(1));
      String deployment = server.vertx().deployVerticle(sweeper).await(10, TimeUnit.SECONDS);
      long end = System.currentTimeMillis() + 10_000;
      while (counts(db, older).stream().anyMatch(n -> n > 0) && System.currentTimeMillis() < end) {
        Thread.sleep(50);
      }
      server.vertx().undeploy(deployment).await(10, TimeUnit.SECONDS);

      assertThat(counts(db, older)).as("log, tokens and directory entry of the expired session").containsOnly(0L);
      assertThat(counts(db, newer)).as("the newer session is untouched").allMatch(n -> n > 0);
      assertThat(api.call(HttpMethod.GET, "/api/sessions/" + older + "/report", fran, null).statusCode()).isEqualTo(404);
      assertThat(api.call(HttpMethod.GET, "/api/sessions/" + newer + "/report", fran, null).statusCode()).isEqualTo(200);
    } finally {
      client.close().await(10, TimeUnit.SECONDS);
    }
  }

  static long createdAt(Database db, String sessionId) throws Exception {
    return db.mongo().findOne("sessions", new JsonObject().put("_id", sessionId), null)
        .await(10, TimeUnit.SECONDS).getLong("createdAt");
  }

  /** How many log commits, tokens and directory entries the session has. */
  static List<Long> counts(Database db, String sessionId) throws Exception {
    JsonObject bySession = new JsonObject().put("sessionId", sessionId);
    return List.of(
        db.mongo().count("session_events", bySession).await(10, TimeUnit.SECONDS),
        db.mongo().count("session_tokens", bySession).await(10, TimeUnit.SECONDS),
        db.mongo().count("sessions", new JsonObject().put("_id", sessionId)).await(10, TimeUnit.SECONDS));
  }

  /** The session service as the server builds it, over the test server's own database and event bus. */
  static SessionService sessionService(TestServer server, Database db) throws Exception {
    ModuleStore modules = ModuleStore.mongo(db.mongo(), ModuleValidator.create(), Clock.systemUTC())
        .await(10, TimeUnit.SECONDS);
    SessionServices services = new SessionServices(new MongoEventStore(db), new SessionDirectory(db),
        new SessionTokens(db), modules, InstantSource.system(), new SecureRandom(), server.url(""), List.of());
    return new SessionService(server.vertx(), services);
  }
}
