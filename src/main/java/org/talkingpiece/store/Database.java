package org.talkingpiece.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import com.mongodb.MongoClientSettings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.impl.config.MongoClientOptionsParser;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;
import org.talkingpiece.Config;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.shared.ErrorCode;
import org.slf4j.LoggerFactory;

/**
 * The one place that opens storage: the embedded MongoDB wire-protocol server with its H2 file
 * backend when no {@code MONGO_URI} is set, or a real MongoDB otherwise. Everything else gets a
 * Vert.x {@link MongoClient} and uses only operations both support (no transactions).
 *
 * <p>Durability: the embedded backend keeps recent writes in memory for about a second. A caller
 * that must not lose an acknowledged write calls {@link #durable()} after the write and acknowledges
 * only when it completes. Calls arriving while a commit runs share the next one (group commit). With
 * a real MongoDB, durability comes from the write concern in {@code MONGO_URI} and {@link #durable()}
 * completes at once. Thread-safe: any verticle may call it.
 */
public final class Database {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(Database.class);
  /** Held so the JUL level settings are not garbage-collected with their loggers. */
  private static final Logger[] QUIETED = {
      Logger.getLogger("de.bwaldvogel"), Logger.getLogger("org.mongodb.driver"), Logger.getLogger("org.h2")};

  private final Vertx vertx;
  private final MongoClient mongo;
  private final MongoServer server;
  /** The embedded store's page split size, in bytes. */
  static final int PAGE_BYTES = 4096;
  private final H2Backend backend;
  private final WorkerExecutor committer;
  private final String description;
  private final Object commitLock = new Object();
  private Promise<Void> pendingCommit;

  private Database(Vertx vertx, MongoClient mongo, MongoServer server, H2Backend backend, String description) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.server = server;
    this.backend = backend;
    this.description = description;
    this.committer = backend == null ? null : vertx.createSharedWorkerExecutor("tp-db-commit", 1);
  }

  /** Opens storage as configured. File and socket work runs on a worker thread, never the event loop. */
  public static Future<Database> open(Vertx vertx, Config config) {
    QUIETED[0].setLevel(Level.OFF);
    QUIETED[1].setLevel(Level.WARNING);
    QUIETED[2].setLevel(Level.WARNING);
    if (!config.embeddedDatabase()) {
      MongoClient client = MongoClient.createShared(vertx, clientConfig(config.mongoUri(), config.mongoDatabase()), "tp");
      return Future.succeededFuture(new Database(vertx, client, null, null, "MongoDB at " + redact(config.mongoUri())));
    }
    Path dir = config.dataDir().toAbsolutePath();
    return vertx.<Database>executeBlocking(() -> {
      Files.createDirectories(dir);
      Path file = dir.resolve("talkingpiece.mv");
      // Small pages: every flush rewrites each changed page whole, serialising every document in it,
      // so with the default (larger) pages a session log that grows by a commit at a time is written
      // over and over. At a thousand writes a second the default falls behind; 4 KiB pages keep up
      // (see docs/performance.md).
      H2Backend backend = new H2Backend(new MVStore.Builder().fileName(file.toString()).pageSplitSize(PAGE_BYTES).open());
      // The wire server has no authentication and the driver can only reach it over TCP, so it sits
      // behind a password made now, held in memory only, and presented by our driver alone.
      String secret = Ids.random() + Ids.random();
      MongoServer server = new MongoServer(new GatedBackend(backend, secret));
      server.bind("127.0.0.1", 0);
      int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
      String uri = "mongodb://127.0.0.1:" + port;
      // The Vert.x client ignores appName in its configuration, so the password is added to the driver
      // settings it would build from that configuration (codecs included).
      JsonObject clientConfig = clientConfig(uri, config.mongoDatabase());
      MongoClientSettings settings = MongoClientSettings.builder(
          new MongoClientOptionsParser(vertx, clientConfig).settings()).applicationName(secret).build();
      MongoClient client = MongoClient.createWithMongoSettings(vertx, clientConfig, "tp-embedded-" + Ids.random(), settings);
      return new Database(vertx, client, server, backend, "the embedded database in " + file);
    }, false);
  }

  private static JsonObject clientConfig(String uri, String db) {
    return new JsonObject()
        .put("connection_string", uri)
        .put("db_name", db)
        .put("serverSelectionTimeoutMS", 3000)
        .put("connectTimeoutMS", 3000)
        .put("socketTimeoutMS", 5000);
  }

  /** A MongoDB address with any password replaced, safe to log. */
  static String redact(String uri) {
    return uri.replaceAll("(mongodb(?:\\+srv)?://[^:/@]+):[^@]+@", "$1:***@");
  }

  public MongoClient mongo() {
    return mongo;
  }

  /** Where the data lives, for the start-up log. */
  public String description() {
    return description;
  }

  /** The embedded database's loopback address (for tests that knock on it), or null with a real MongoDB. */
  InetSocketAddress embeddedAddress() {
    return server == null ? null : server.getLocalAddress();
  }

  public boolean embedded() {
    return backend != null;
  }

  /**
   * Completes once every write acknowledged before this call is on disk. Concurrent callers share a
   * commit; one started after a commit began waits for the next one.
   */
  public Future<Void> durable() {
    if (backend == null) {
      return Future.succeededFuture();
    }
    synchronized (commitLock) {
      if (pendingCommit != null) {
        return pendingCommit.future();
      }
      Promise<Void> commit = Promise.promise();
      // Published before the task is submitted, so the task always finds itself when it starts and
      // un-queues itself; writes acknowledged after that moment wait for the next commit.
      pendingCommit = commit;
      committer.<Void>executeBlocking(() -> {
        synchronized (commitLock) {
          if (pendingCommit == commit) {
            pendingCommit = null;
          }
        }
        backend.commit();
        backend.getMvStore().sync();
        return null;
      }, true).onComplete(commit);
      return commit.future();
    }
  }

  /** Completes when the database answers a ping within two seconds; fails with STORAGE_UNAVAILABLE otherwise. */
  public Future<Void> ping() {
    return mongo.runCommand("ping", new JsonObject().put("ping", 1))
        .timeout(2, TimeUnit.SECONDS)
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(unavailable(e)));
  }

  /** The error every store reports when MongoDB does not answer. */
  public static AppException unavailable(Throwable cause) {
    return new AppException(ErrorCode.STORAGE_UNAVAILABLE, "The database is not answering; try again shortly", cause);
  }

  /** Closes the client, then commits and closes the embedded server. */
  public Future<Void> close() {
    Future<Void> closed = mongo.close();
    if (backend == null) {
      return closed;
    }
    return closed.recover(e -> Future.succeededFuture())
        .compose(v -> vertx.<Void>executeBlocking(() -> {
          server.shutdownNow();
          backend.close();
          return null;
        }))
        .onComplete(ar -> committer.close())
        .onFailure(e -> LOG.warn("Closing the embedded database failed", e));
  }
}
