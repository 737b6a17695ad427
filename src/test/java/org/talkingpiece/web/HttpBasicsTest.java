package org.talkingpiece.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.support.TestServer;

@ExtendWith(VertxExtension.class)
class HttpBasicsTest {
  static TestServer server;
  static Vertx vertx;
  static WebClient client;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    vertx = Vertx.vertx();
    client = server.client(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> get(String path, String accept) throws Exception {
    var req = client.get(path);
    if (accept != null) {
      req.putHeader("Accept", accept);
    }
    return req.send().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("GET /health answers UP while the database answers")
  void health() throws Exception {
    HttpResponse<Buffer> r = get("/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP"));
  }

  @Test
  @DisplayName("An unknown page shows a friendly 404 page without internals")
  void notFoundPage() throws Exception {
    HttpResponse<Buffer> r = get("/no/such/page", "text/html");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.getHeader("Content-Type")).startsWith("text/html");
    assertThat(r.bodyAsString()).contains("Page not found").contains("There is nothing at this address.")
        .doesNotContain("Exception").doesNotContain("at io.vertx");
  }

  @Test
  @DisplayName("An unknown API path answers 404 in the shared JSON error shape")
  void notFoundApi() throws Exception {
    HttpResponse<Buffer> r = get("/api/nothing-here", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("not-found");
    assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
  }

  @Test
  @DisplayName("Every page carries the security headers: CSP without inline script, no sniffing, no framing, no referrer")
  void securityHeaders() throws Exception {
    HttpResponse<Buffer> r = get("/", "text/html");
    assertThat(r.statusCode()).isEqualTo(200);
    String csp = r.getHeader("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(r.bodyAsString()).doesNotContain("<script>").contains("<html lang=\"en\">")
        .contains("Skip to main content");
  }

  @Test
  @DisplayName("The landing page is served from the Handlebars layout with its stylesheet")
  void landing() throws Exception {
    HttpResponse<Buffer> page = get("/", "text/html");
    assertThat(page.bodyAsString()).contains("<main id=\"main\"").contains("Join a session");
    HttpResponse<Buffer> css = get("/static/css/main.css", null);
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.bodyAsString()).contains(":focus-visible");
  }

  @Test
  @DisplayName("The browser event-bus client and SockJS are served")
  void browserLibraries() throws Exception {
    assertThat(get("/static/vendor/vertx-eventbus.js", null).bodyAsString()).contains("EventBus");
    assertThat(get("/webjars/sockjs-client/1.6.1/dist/sockjs.min.js", null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Prometheus metrics are exposed for operators")
  void metrics() throws Exception {
    HttpResponse<Buffer> r = get("/metrics", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsString()).contains("vertx_http_server");
  }

  @Test
  @DisplayName("Metrics include the JVM's memory, garbage collection, threads and CPU, as the operator guide says")
  void jvmMetrics() throws Exception {
    String text = get("/metrics", null).bodyAsString();
    assertThat(text).contains("jvm_memory_used_bytes{").contains("jvm_memory_max_bytes{")
        .contains("jvm_threads_live_threads").contains("jvm_gc_").contains("jvm_classes_loaded_classes")
        .contains("process_cpu_usage").contains("system_cpu_count").contains("process_uptime_seconds");
  }
}
