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
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.accounts.Accounts;
import org.talkingpiece.anonymity.live.AnonymityFeature;
import org.talkingpiece.curriculum.ModuleImporter;
import org.talkingpiece.curriculum.ModuleStore;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.curriculum.web.CurriculumRoutes;
import org.talkingpiece.report.web.ReportRoutes;
import org.talkingpiece.report.web.ReportService;
import org.talkingpiece.session.BridgeRoutes;
import org.talkingpiece.session.MongoEventStore;
import org.talkingpiece.session.RetentionSweeper;
import org.talkingpiece.session.SessionDirectory;
import org.talkingpiece.session.SessionHost;
import org.talkingpiece.session.SessionRoutes;
import org.talkingpiece.session.SessionService;
import org.talkingpiece.session.SessionServices;
import org.talkingpiece.session.SessionTokens;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.store.Database;
import org.talkingpiece.web.HttpVerticle;
import org.talkingpiece.web.OpsRoutes;
import org.talkingpiece.web.Pages;
import org.talkingpiece.web.Routes;

/**
 * One running Talking Piece node, started as one flat chain — Vert.x, storage, accounts, modules,
 * sessions, pages, HTTP — and stopped in reverse. Tests start it on port 0 with their own data
 * directory.
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
    return start(config, InstantSource.system());
  }

  /**
   * As {@link #start(Config)}, with every part of the server reading time from {@code clock}: the
   * session owners, the bridge guard's rate limits, the join limiter and the routes.
   */
  public static Future<Server> start(Config config, InstantSource clock) {
    return start(config, clock, clock.millis());
  }

  /**
   * As {@link #start(Config)}; the ready line counts from {@code startedAtMillis} (epoch
   * milliseconds), so a launcher can pass the moment its process started and the figure covers the
   * whole start, JVM included.
   */
  public static Future<Server> start(Config config, long startedAtMillis) {
    return start(config, InstantSource.system(), startedAtMillis);
  }

  private static Future<Server> start(Config config, InstantSource clock, long startedAtMillis) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    VertxBuilder builder = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry));
    Future<Vertx> vertxReady = config.clustered()
        ? builder.withClusterManager(new HazelcastClusterManager()).buildClustered()
        : Future.succeededFuture(builder.build());
    return vertxReady.compose(vertx -> new Boot(vertx, config, registry, clock).run()
        .onSuccess(server -> LOG.info("Talking Piece is ready in {} ms: open {} (listening on port {}); data in {}",
            clock.millis() - startedAtMillis, config.publicUrl(), server.port,
            server.db.description()))
        .recover(e -> vertx.close().transform(ignored -> Future.failedFuture(e))));
  }

  /**
   * The start chain, one step per method. Steps that need nothing from each other run at the same
   * time: storage opens while the module schema and the page templates compile on worker threads,
   * and the first admin is created while modules import. HTTP opens only when every step is done.
   */
  private static final class Boot {
    private final Vertx vertx;
    private final Config config;
    private final PrometheusMeterRegistry registry;
    private final InstantSource clock;
    private Database db;
    private Accounts accounts;
    private ModuleStore modules;
    private SessionServices sessions;
    private Pages pages;
    private String csrfSecret;

    Boot(Vertx vertx, Config config, PrometheusMeterRegistry registry, InstantSource clock) {
      this.vertx = vertx;
      this.clock = clock;
      this.config = config;
      this.registry = registry;
    }

    Future<Server> run() {
      Future<Database> storage = Database.open(vertx, config).onSuccess(d -> db = d);
      // Loading and compiling the schema reads resources and takes a while: not on the event loop.
      Future<ModuleValidator> validator = vertx.executeBlocking(ModuleValidator::create, false);
      Future<Pages> pagesReady = Pages.load(vertx, config.dev()).onSuccess(p -> pages = p);
      Future<Void> accountsReady = storage.compose(d -> startAccounts());
      Future<Void> sessionsReady = storage.compose(d -> startModules(validator)).compose(v -> startSessions());
      Future<String> csrf = storage.compose(d -> sharedSecret(d.mongo(), "csrf")).onSuccess(s -> csrfSecret = s);
      // join, not all: on a failure every step has finished before storage is closed under it.
      return Future.join(accountsReady, sessionsReady, pagesReady, csrf)
          .compose(v -> vertx.deployVerticle(new SessionHost(sessions, !config.clustered())))
          .compose(v -> vertx.deployVerticle(RetentionSweeper.create(db, new SessionService(vertx, sessions),
              config.retention(), clock)))
          .compose(v -> deployHttp())
          .recover(e -> db == null ? Future.failedFuture(e) : db.close().transform(ignored -> Future.failedFuture(e)));
    }

    private Future<Void> startAccounts() {
      return Accounts.start(vertx, config, db, clock)
          .onSuccess(a -> accounts = a)
          .compose(a -> a.ensureFirstAdmin());
    }

    private Future<Void> startModules(Future<ModuleValidator> compiling) {
      return compiling
          .compose(validator -> ModuleStore.mongo(db.mongo(), validator, clock.withZone(ZoneOffset.UTC))
              .onSuccess(store -> modules = store)
              .compose(store -> new ModuleImporter(vertx, store, validator)
                  .importDirectory(config.contentDir().toString(), "content-files")))
          .recover(e -> {
            LOG.warn("Modules were not imported from {}: {}", config.contentDir(), e.getMessage());
            return Future.succeededFuture();
          })
          .mapEmpty();
    }

    private Future<Void> startSessions() {
      MongoEventStore events = new MongoEventStore(db);
      SessionDirectory directory = new SessionDirectory(db);
      SessionTokens tokens = new SessionTokens(db);
      return AnonymityFeature.Factory.start(vertx, config, db.mongo(), directory, modules)
          .onSuccess(anonymity -> sessions = new SessionServices(events, directory, tokens, modules, clock,
              new SecureRandom(), config.publicUrl(), List.of(anonymity)))
          .compose(v -> Future.all(events.createIndexes(), directory.createIndexes(), tokens.createIndexes()))
          .mapEmpty();
    }

    private Future<Server> deployHttp() {
      boolean secure = config.publicUrl().startsWith("https:");
      SessionService sessionService = new SessionService(vertx, sessions);
      // Auth first, so every later route knows who is asking.
      List<Routes> features = List.of(
          (router, v) -> router.route().handler(accounts.auth()),
          accounts.routes(),
          new OpsRoutes(db, registry),
          new SessionRoutes(sessionService, secure, config.joinsPerMinute()),
          new ReportRoutes(sessionService, ReportService.create(vertx, sessions), java.time.ZoneId.systemDefault()),
          new CurriculumRoutes(modules, config.dataDir().resolve("uploads")),
          new BridgeRoutes(config, sessions.tokens(), clock));
      HttpVerticle[] first = new HttpVerticle[1];
      return vertx.deployVerticle(() -> {
            HttpVerticle http = new HttpVerticle(config, pages, csrfSecret, features);
            if (first[0] == null) {
              first[0] = http;
            }
            return http;
          }, new DeploymentOptions().setInstances(httpInstances()))
          .map(id -> new Server(vertx, config, db, first[0].actualPort()));
    }
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
        .await(ms, TimeUnit.MILLISECONDS);
    vertx.close().await(ms, TimeUnit.MILLISECONDS);
  }
}
