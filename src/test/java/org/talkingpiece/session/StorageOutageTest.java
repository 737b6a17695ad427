package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.CuttableProxy;
import org.talkingpiece.support.RawBridgeClient;
import org.talkingpiece.support.TestServer;

class StorageOutageTest {

  @Test
  @DisplayName("While MongoDB is unreachable commands fail with storage-unavailable and change nothing; when it returns the session carries on")
  void outage() throws Exception {
    Vertx vertx = Vertx.vertx();
    MongoServer mongo = new MongoServer(new MemoryBackend());
    mongo.bind("127.0.0.1", 0);
    try (CuttableProxy proxy = CuttableProxy.to(vertx, mongo.getLocalAddress().getPort())) {
      TestServer server = TestServer.start(Map.of("MONGO_URI", "mongodb://127.0.0.1:" + proxy.port()));
      Api api = new Api(vertx, server);
      String fran = api.account("fran", "facilitator");
      JsonObject created = api.createSession(fran, "understanding-privilege");
      String id = created.getString("id");
      String console = api.consoleToken(fran, id);
      api.join(created.getString("joinCode"), "Ana");
      try (RawBridgeClient f = RawBridgeClient.connect(vertx, server.port())) {

        f.send(Addresses.command(id), console, new JsonObject().put("command", "start"), "r1");
        long version = f.nextMatching(m -> "r1".equals(m.getString("address")), 10_000).getJsonObject("body").getLong("version");

        proxy.cut();
        assertThat(api.call(io.vertx.core.http.HttpMethod.GET, "/health", null, null).statusCode()).isEqualTo(503);
        f.send(Addresses.command(id), console, new JsonObject().put("command", "next"), "r2");
        JsonObject failed = f.nextMatching(m -> "r2".equals(m.getString("address")), 20_000);
        assertThat(failed.getString("type")).isEqualTo("err");
        assertThat(failed.getInteger("failureCode")).isEqualTo(503);
        assertThat(failed.getString("message")).startsWith("storage-unavailable:");

        proxy.restore();
        f.send(Addresses.command(id), console, new JsonObject().put("command", "sync"), "r3");
        JsonObject sync = f.nextMatching(m -> "r3".equals(m.getString("address")), 10_000).getJsonObject("body");
        assertThat(sync.getLong("version")).as("the failed command left nothing behind").isEqualTo(version);
        assertThat(sync.getJsonObject("views").getJsonObject("facilitator").getJsonObject("current").getInteger("index"))
            .isZero();
        JsonObject next = null;
        long end = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < end) {
          f.send(Addresses.command(id), console, new JsonObject().put("command", "next"), "r4");
          next = f.nextMatching(m -> "r4".equals(m.getString("address")), 10_000);
          if ("rec".equals(next.getString("type"))) {
            break;
          }
          Thread.sleep(500);
        }
        assertThat(next.getString("type")).as("the session carries on once MongoDB is back").isEqualTo("rec");
        assertThat(next.getJsonObject("body").getLong("version")).isEqualTo(version + 1);
        assertThat(api.call(io.vertx.core.http.HttpMethod.GET, "/health", null, null).statusCode()).isEqualTo(200);
      } finally {
        server.close();
      }
    } finally {
      mongo.shutdownNow();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
