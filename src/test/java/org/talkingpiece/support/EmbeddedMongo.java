package org.talkingpiece.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.net.InetSocketAddress;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talkingpiece.shared.Ids;

/**
 * A real MongoDB wire-protocol server in memory on a free port, for store tests. Start one per test
 * or per test class; every client gets a database of its own, so tests never see each other's
 * documents.
 */
public final class EmbeddedMongo implements AutoCloseable {
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

  public static EmbeddedMongo start() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    return new EmbeddedMongo(server, ((InetSocketAddress) server.getLocalAddress()).getPort());
  }

  public int port() {
    return port;
  }

  /**
   * A client on a database of its own. Timeouts are short so that a test which stops the server sees
   * its stores fail fast instead of hanging.
   */
  public MongoClient client(Vertx vertx) {
    return MongoClient.createShared(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + port)
        .put("db_name", "test_" + Ids.random().replace('-', 'x'))
        .put("serverSelectionTimeoutMS", 1000)
        .put("connectTimeoutMS", 1000), Ids.random());
  }

  public void stop() {
    server.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }
}
