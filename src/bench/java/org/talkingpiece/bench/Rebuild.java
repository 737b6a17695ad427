package org.talkingpiece.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.talkingpiece.Config;
import org.talkingpiece.floor.FloorEvent.FloorGiven;
import org.talkingpiece.floor.FloorEvent.HandRaised;
import org.talkingpiece.floor.FloorEvent.TurnEnded;
import org.talkingpiece.floor.FloorMode;
import org.talkingpiece.floor.Turn;
import org.talkingpiece.session.Commit;
import org.talkingpiece.session.LifecycleEvent.ActivityChanged;
import org.talkingpiece.session.LifecycleEvent.ParticipantJoined;
import org.talkingpiece.session.LifecycleEvent.SessionCreated;
import org.talkingpiece.session.LifecycleEvent.SessionStarted;
import org.talkingpiece.session.MongoEventStore;
import org.talkingpiece.session.SessionEvent;
import org.talkingpiece.session.SessionSettings;
import org.talkingpiece.session.SessionState;
import org.talkingpiece.store.Database;

/**
 * Rebuilding one session from its log, as a restarted server does for every live session: read the
 * commits from the embedded database in order, decode them, and fold them into a {@link SessionState}.
 * The log is a long discussion: 50 people join, then hands go up, the floor is given, turns end.
 */
final class Rebuild {
  private static final int PEOPLE = 50;

  private Rebuild() {}

  /** Figures in milliseconds: the first (cold) rebuild, then the median and slowest of the rest. */
  record Result(int events, double firstMs, Samples warmMicros, int turns) {}

  static Result run(Path dataDir, int events, int warmRuns) throws Exception {
    Vertx vertx = Vertx.vertx();
    Database db = null;
    try {
      db = Database.open(vertx, Config.fromEnv(Map.of("DATA_DIR", dataDir.toString()))).await(60, TimeUnit.SECONDS);
      MongoEventStore store = new MongoEventStore(db);
      store.createIndexes().await(30, TimeUnit.SECONDS);
      String sessionId = "benchrebuild0001";
      write(store, log(sessionId, events));
      // A small session first, rebuilt before the measured one, as a restarting server has already
      // read its accounts and modules by the time it rebuilds sessions.
      String small = "benchrebuild0000";
      write(store, log(small, 100));
      store.load(small).map(commits -> {
        SessionState s = new SessionState();
        commits.forEach(s::apply);
        return s;
      }).await(60, TimeUnit.SECONDS);
      double first = 0;
      Samples warm = new Samples();
      int turns = 0;
      for (int i = 0; i <= warmRuns; i++) {
        long t0 = System.nanoTime();
        SessionState state = store.load(sessionId).map(commits -> {
          SessionState s = new SessionState();
          commits.forEach(s::apply);
          return s;
        }).await(60, TimeUnit.SECONDS);
        long micros = (System.nanoTime() - t0) / 1_000;
        if (state.version() != events) {
          throw new IllegalStateException("Rebuilt " + state.version() + " commits, expected " + events);
        }
        turns = state.floor().turns().size();
        if (i == 0) {
          first = micros / 1_000.0;
        } else {
          warm.add(micros);
        }
      }
      return new Result(events, first, warm, turns);
    } finally {
      if (db != null) {
        db.close().await(30, TimeUnit.SECONDS);
      }
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static void write(MongoEventStore store, List<Commit> log) throws Exception {
    for (int from = 0; from < log.size(); from += 500) {
      List<Future<Void>> batch = new ArrayList<>();
      for (Commit c : log.subList(from, Math.min(log.size(), from + 500))) {
        batch.add(store.write(c));
      }
      Future.all(batch).await(120, TimeUnit.SECONDS);
    }
    store.durable().await(60, TimeUnit.SECONDS);
  }

  /** One event per commit, like a live session: created, joins, started, then hands and turns. */
  static List<Commit> log(String sessionId, int events) {
    List<Commit> log = new ArrayList<>(events);
    long at = 1_700_000_000_000L;
    List<SessionEvent> head = new ArrayList<>();
    head.add(new SessionCreated(sessionId, "BENCH2", Setup.MODULE, 1, "bench-account", SessionSettings.defaults(),
        "bench-salt-bench-salt"));
    for (int p = 0; p < PEOPLE; p++) {
      head.add(new ParticipantJoined(person(p), "Participant " + (p + 1)));
    }
    head.add(new SessionStarted());
    head.add(new ActivityChanged(0));
    for (SessionEvent e : head) {
      if (log.size() < events) {
        log.add(new Commit(sessionId, log.size() + 1, at += 1_000, List.of(e)));
      }
    }
    int speaker = 0;
    while (log.size() < events) {
      String who = person(speaker++ % PEOPLE);
      long start = at + 500;
      SessionEvent[] cycle = {
          new HandRaised(who, at),
          new FloorGiven(who, "activity", FloorMode.QUEUE, start, "queue"),
          new TurnEnded(new Turn(who, "activity", "queue", start, start + 30_000, 0, -1, "yielded"))};
      for (SessionEvent e : cycle) {
        if (log.size() < events) {
          log.add(new Commit(sessionId, log.size() + 1, at += 10_000, List.of(e)));
        }
      }
    }
    return log;
  }

  private static String person(int p) {
    return String.format("benchperson%04d", p);
  }
}
