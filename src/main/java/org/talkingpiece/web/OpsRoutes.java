package org.talkingpiece.web;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.Map;
import org.talkingpiece.store.Database;

/** Operator routes: health for load balancers, Prometheus metrics, and the landing page. */
public final class OpsRoutes implements Routes {
  private final Database db;
  private final PrometheusMeterRegistry registry;

  /**
   * Binds the JVM's own metrics (memory pools, garbage collection, threads, class loading, CPU) to the
   * registry, beside the Vert.x metrics its factory already records. Create one per node: the binders
   * register their gauges once.
   */
  public OpsRoutes(Database db, PrometheusMeterRegistry registry) {
    this.db = db;
    this.registry = registry;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    router.get("/health").handler(ctx -> db.ping()
        .onSuccess(v -> Web.json(ctx, 200, new JsonObject().put("status", "UP")))
        .onFailure(e -> Web.json(ctx, 503, new JsonObject().put("status", "DOWN")
            .put("message", "The database is not answering"))));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    router.get("/").handler(ctx -> Web.page(ctx, "pages/home", Map.of("title", "Talking Piece")));
  }
}
