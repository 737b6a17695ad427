package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkingpiece.Config;
import org.talkingpiece.floor.FloorEvent.HandLowered;
import org.talkingpiece.floor.FloorEvent.HandRaised;
import org.talkingpiece.session.LifecycleEvent.ParticipantJoined;
import org.talkingpiece.session.LifecycleEvent.SessionStarted;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.store.Database;

/** The session log on the embedded database the server uses (H2 file backend), not on a stand-in. */
class MongoEventStoreTest {
  @TempDir
  Path dir;
  private Vertx vertx;
  private Database db;
  private MongoEventStore store;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    openStore();
  }

  private void openStore() throws Exception {
    db = Database.open(vertx, Config.fromEnv(Map.of("DATA_DIR", dir.toString()))).await(30, TimeUnit.SECONDS);
    store = new MongoEventStore(db);
    store.createIndexes().await(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    db.close().await(30, TimeUnit.SECONDS);
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  private static Commit commit(String session, long seq, SessionEvent... events) {
    return new Commit(session, seq, 1_000L * seq, List.of(events));
  }

  @Test
  @DisplayName("a session's commits come back in seq order with their events, whatever order they were written in")
  void loadsInOrder() throws Exception {
    Future.all(List.of(
        store.append(commit("session-one", 3, new HandLowered("p1"))),
        store.append(commit("session-one", 1, new ParticipantJoined("p1", "Ana"))),
        store.append(commit("session-two", 1, new SessionStarted())),
        store.append(commit("session-one", 2, new HandRaised("p1", 1_500), new SessionStarted()))))
        .await(30, TimeUnit.SECONDS);

    List<Commit> log = store.load("session-one").await(30, TimeUnit.SECONDS);

    assertThat(log).extracting(Commit::seq).containsExactly(1L, 2L, 3L);
    assertThat(log.get(1).events()).containsExactly(new HandRaised("p1", 1_500), new SessionStarted());
    assertThat(log.get(0).events()).containsExactly(new ParticipantJoined("p1", "Ana"));
    assertThat(log.get(2).at()).isEqualTo(3_000L);
  }

  @Test
  @DisplayName("a second commit with the same (session, seq) is refused as a conflict and the first one stays")
  void duplicateSeqIsAConflict() throws Exception {
    store.append(commit("session-one", 1, new ParticipantJoined("p1", "Ana"))).await(30, TimeUnit.SECONDS);

    Future<Void> second = store.append(commit("session-one", 1, new ParticipantJoined("p2", "Ben")));
    Exception refused = assertThrows(Exception.class, () -> second.await(30, TimeUnit.SECONDS));

    assertThat(refused).isInstanceOf(AppException.class);
    assertThat(((AppException) refused).code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(store.load("session-one").await(30, TimeUnit.SECONDS))
        .singleElement().satisfies(c -> assertThat(c.events()).containsExactly(new ParticipantJoined("p1", "Ana")));
  }

  @Test
  @DisplayName("written commits are on disk once durable() completes: a reopened database has them all")
  void durableAcrossReopen() throws Exception {
    for (int seq = 1; seq <= 20; seq++) {
      store.write(commit("session-one", seq, new HandRaised("p" + seq, seq))).await(30, TimeUnit.SECONDS);
    }
    store.durable().await(30, TimeUnit.SECONDS);
    db.close().await(30, TimeUnit.SECONDS);

    openStore();

    assertThat(store.load("session-one").await(30, TimeUnit.SECONDS)).extracting(Commit::seq)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
  }

  @Test
  @DisplayName("deleting a session removes its log and only its log")
  void deleteSession() throws Exception {
    store.append(commit("session-one", 1, new SessionStarted())).await(30, TimeUnit.SECONDS);
    store.append(commit("session-two", 1, new SessionStarted())).await(30, TimeUnit.SECONDS);

    store.deleteSession("session-one").await(30, TimeUnit.SECONDS);

    assertThat(store.load("session-one").await(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(store.load("session-two").await(30, TimeUnit.SECONDS)).hasSize(1);
  }
}
