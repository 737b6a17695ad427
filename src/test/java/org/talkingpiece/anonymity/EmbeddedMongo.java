package org.talkingpiece.anonymity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.net.InetSocketAddress;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talkingpiece.shared.Ids;

/** A real MongoDB wire-protocol server in memory on a free port, for store tests. */
final class EmbeddedMongo {
  // Held strongly: java.util.logging forgets levels of loggers nobody references.
  private static final Logger QUIET_SERVER = Logger.getLogger("de.bwaldvogel");
  private static final Logger QUIET_DRIVER = Logger.getLogger("org.mongodb.driver");

  static {
    QUIET_SERVER.setLevel(Level.OFF);
    QUIET_DRIVER.setLevel(Level.WARNING);
  }

  private final MongoServer server;
  private final int port;

  private EmbeddedMongo(MongoServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static EmbeddedMongo start() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    return new EmbeddedMongo(server, ((InetSocketAddress) server.getLocalAddress()).getPort());
  }

  /** A client on a database of its own, so tests never see each other's documents. */
  MongoClient client(Vertx vertx) {
    return MongoClient.createShared(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + port)
        .put("db_name", "test_" + Ids.random().replace('-', 'x')), Ids.random());
  }

  void stop() {
    server.shutdownNow();
  }

  /** Applies a pure step to the store and yields the state to adopt, as a session owner does. */
  static <S> Future<S> applied(AnonymousStore store, PromptRef prompt, Step<S> step) {
    return store.apply(prompt, step.change()).map(v -> step.next());
  }
}
