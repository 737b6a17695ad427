package org.talkingpiece;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.accounts.Accounts;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.store.Database;
import org.talkingpiece.web.HttpVerticle;
import org.talkingpiece.web.OpsRoutes;
import org.talkingpiece.web.Pages;
import org.talkingpiece.web.Routes;

/**
 * One running Talking Piece node: Vert.x, storage, features and the HTTP server, started as one flat
 * chain and stopped in reverse. Tests start it on port 0 with their own data directory.
 */
public final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final Vertx vertx;
  private final Config config;
  private final Database db;
  private final int port;

  private Server(Vertx vertx, Config config, Database db, int port) {
    this.vertx = vertx;
    this.config = config;
    this.db = db;
    this.port = port;
  }

  public static Future<Server> start(Config config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    VertxBuilder builder = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry));
    Future<Vertx> vertxReady = config.clustered()
        ? builder.withClusterManager(new HazelcastClusterManager()).buildClustered()
        : Future.succeededFuture(builder.build());
    return vertxReady.compose(vertx -> boot(vertx, config, registry)
        .recover(e -> vertx.close().transform(ignored -> Future.failedFuture(e))));
  }

  private static Future<Server> boot(Vertx vertx, Config config, PrometheusMeterRegistry registry) {
    return Database.open(vertx, config).compose(db -> Accounts.start(vertx, config, db)
        .compose(accounts -> accounts.ensureFirstAdmin().map(accounts))
        .compose(accounts -> Pages.load(vertx, config.dev())
        .compose(pages -> sharedSecret(db.mongo(), "csrf")
            .compose(csrfSecret -> {
              // Auth first: every later route sees who is asking.
              List<Routes> features = List.of((router, v) -> router.route().handler(accounts.auth()),
                  accounts.routes(), new OpsRoutes(db, registry));
              HttpVerticle[] first = new HttpVerticle[1];
              return vertx.deployVerticle(() -> {
                    HttpVerticle http = new HttpVerticle(config, pages, csrfSecret, features);
                    if (first[0] == null) {
                      first[0] = http;
                    }
                    return http;
                  }, new DeploymentOptions().setInstances(httpInstances()))
                  .map(id -> new Server(vertx, config, db, first[0].actualPort()));
            })))
        .onSuccess(server -> LOG.info("Talking Piece is listening on {} (port {}), storing data in {}",
            config.publicUrl(), server.port, db.description()))
        .recover(e -> db.close().transform(ignored -> Future.failedFuture(e))));
  }

  /**
   * A secret every node must share (the CSRF signing key): created once in the database, so a
   * restart or another node uses the same value.
   */
  private static Future<String> sharedSecret(MongoClient mongo, String name) {
    JsonObject query = new JsonObject().put("_id", name);
    JsonObject insert = new JsonObject().put("$setOnInsert", new JsonObject().put("value", Ids.secret()));
    return mongo.updateCollectionWithOptions("secrets", query, insert,
            new io.vertx.ext.mongo.UpdateOptions().setUpsert(true))
        .compose(r -> mongo.findOne("secrets", query, null))
        .map(doc -> doc.getString("value"));
  }

  private static int httpInstances() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  public int port() {
    return port;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Config config() {
    return config;
  }

  public Database database() {
    return db;
  }

  /**
   * Stops HTTP first, then storage, then Vert.x, waiting up to {@code timeout}. Call it from a plain
   * thread (a shutdown hook or a test), never from a Vert.x thread: it blocks until Vert.x is closed.
   */
  public void stop(java.time.Duration timeout) throws Exception {
    long ms = timeout.toMillis();
    vertx.deploymentIDs().stream()
        .map(vertx::undeploy)
        .reduce((a, b) -> Future.join(a, b).mapEmpty())
        .orElse(Future.succeededFuture())
        .transform(ignored -> db.close())
        .await(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
    vertx.close().await(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
  }
}
