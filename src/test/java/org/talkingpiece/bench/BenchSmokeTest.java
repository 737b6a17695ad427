package org.talkingpiece.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/bench} in miniature, so it cannot rot: a few connections, every measure, the server
 * and the baseline as real processes. Timings are not judged here; that every change was delivered,
 * once, to every socket is.
 */
class BenchSmokeTest {
  @TempDir
  Path work;

  @Test
  @DisplayName("a tiny bench run measures every figure against its baseline, with nothing lost or counted twice")
  void tinyRun() throws Exception {
    Bench bench = new Bench(Bench.TINY, new Bench.Launch(System.getProperty("java.class.path"), List.of()), work);

    JsonObject r = bench.run();

    assertThat(r.getJsonObject("rebuild").getInteger("events")).isEqualTo(Bench.TINY.rebuildEvents());
    assertThat(r.getJsonObject("rebuild").getInteger("turns")).isPositive();
    assertThat(r.getJsonObject("startup").getDouble("freshMedianMs")).isPositive();
    assertThat(r.getJsonObject("startup").getDouble("restartMedianMs")).isPositive();

    for (String side : List.of("server", "baseline")) {
      JsonObject hall = r.getJsonObject("hall").getJsonObject(side);
      assertThat(hall.getLong("changes")).as(side).isEqualTo(Bench.TINY.hallChanges());
      assertThat(hall.getJsonObject("arrival").getInteger("count")).as(side + ": every change at every socket")
          .isEqualTo(Bench.TINY.hallChanges() * Bench.TINY.hall());
      assertThat(hall.getJsonObject("lastArrival").getInteger("count")).isEqualTo(Bench.TINY.hallChanges());
      assertThat(hall.getLong("missing")).as(side).isZero();
      assertThat(hall.getLong("duplicates")).as(side).isZero();
      assertThat(hall.getLong("outOfOrder")).as(side).isZero();
      assertThat(hall.getJsonObject("arrival").getDouble("p99")).isPositive();

      JsonObject sessions = r.getJsonObject("sessions").getJsonObject(side);
      JsonObject updates = sessions.getJsonObject("updates");
      assertThat(updates.getLong("sent")).as(side).isPositive();
      assertThat(updates.getLong("missing")).as(side).isZero();
      assertThat(updates.getJsonObject("arrival").getInteger("count")).as(side).isPositive();
      assertThat(sessions.getJsonObject("roundTrip").getJsonObject("roundTrip").getInteger("count")).isPositive();
    }
    // The same frame size for both, read from the server's own public view.
    assertThat(r.getJsonObject("hall").getJsonObject("baseline").getInteger("frameBytes"))
        .isEqualTo(r.getJsonObject("hall").getJsonObject("server").getInteger("frameBytes")).isGreaterThan(500);
    JsonObject memory = r.getJsonObject("sessions").getJsonObject("server").getJsonObject("memory");
    assertThat(memory.getLong("heapConnectedKiB")).isPositive();
    assertThat(memory.getLong("rssConnectedKiB")).isPositive();

    String table = bench.table();
    assertThat(table).contains("| Floor change reaches each of " + Bench.TINY.hall() + " (p99) |")
        .contains("Command round trip").contains("Rebuild a session").contains("Memory per idle participant");
  }
}
