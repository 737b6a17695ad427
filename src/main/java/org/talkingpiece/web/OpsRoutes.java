package org.talkingpiece.web;

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

  public OpsRoutes(Database db, PrometheusMeterRegistry registry) {
    this.db = db;
    this.registry = registry;
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
