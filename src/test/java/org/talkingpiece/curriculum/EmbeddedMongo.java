package org.talkingpiece.curriculum;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * A real MongoDB wire-protocol server in memory, on a free port, for store tests. One per test:
 * nothing is shared between tests.
 */
final class EmbeddedMongo implements AutoCloseable {
  private final MongoServer server;
  private final int port;

  private EmbeddedMongo(MongoServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static EmbeddedMongo start() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    return new EmbeddedMongo(server, server.getLocalAddress().getPort());
  }

  /** A client for this server; short timeouts so a stopped server fails fast instead of hanging a test. */
  MongoClient client(Vertx vertx) {
    return MongoClient.createShared(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + port)
        .put("db_name", "test")
        .put("serverSelectionTimeoutMS", 1000)
        .put("connectTimeoutMS", 1000), "modules-test-" + port);
  }

  void stop() {
    server.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }
}
