package org.talkingpiece.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.Config;

class DatabaseTest {
  Vertx vertx;
  Path dir;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("tp-db-");
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private Database open() throws Exception {
    return Database.open(vertx, Config.fromEnv(Map.of("DATA_DIR", dir.toString()))).await(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("Data and unique indexes survive a clean restart of the embedded database")
  void survivesRestart() throws Exception {
    Database db = open();
    MongoClient mongo = db.mongo();
    mongo.createIndexWithOptions("things", new JsonObject().put("name", 1), new IndexOptions().unique(true))
        .await(10, TimeUnit.SECONDS);
    mongo.insert("things", new JsonObject().put("_id", "a").put("name", "first")).await(10, TimeUnit.SECONDS);
    db.close().await(10, TimeUnit.SECONDS);

    Database again = open();
    JsonObject found = again.mongo().findOne("things", new JsonObject().put("_id", "a"), null).await(10, TimeUnit.SECONDS);
    assertThat(found.getString("name")).isEqualTo("first");
    assertThatThrownBy(() -> again.mongo().insert("things", new JsonObject().put("_id", "b").put("name", "first"))
        .await(10, TimeUnit.SECONDS))
        .hasMessageContaining("E11000");
    again.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("Every write acknowledged as durable survives kill -9 of the server's JVM")
  void survivesHardKill() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
        DurabilityChild.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .start();
    List<String> output = new ArrayList<>();
    int lastAck = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.currentTimeMillis() + 60_000;
      String line;
      while (lastAck < 200 && System.currentTimeMillis() < deadline && (line = out.readLine()) != null) {
        output.add(line);
        if (line.startsWith("ACK ")) {
          lastAck = Integer.parseInt(line.substring(4));
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no final commit
      child.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(lastAck).as("child output: %s", output).isGreaterThanOrEqualTo(200);

    Database db = open();
    long kept = db.mongo().count("acks", new JsonObject().put("n", new JsonObject().put("$lte", lastAck)))
        .await(10, TimeUnit.SECONDS);
    db.close().await(10, TimeUnit.SECONDS);
    assertThat(kept).isEqualTo(lastAck + 1L);
  }

  @Test
  @DisplayName("Passwords in MONGO_URI never reach the log")
  void redactsUri() {
    assertThat(Database.redact("mongodb://tp:s3cret@db:27017/x")).isEqualTo("mongodb://tp:***@db:27017/x");
    assertThat(Database.redact("mongodb://db:27017")).isEqualTo("mongodb://db:27017");
  }
}
