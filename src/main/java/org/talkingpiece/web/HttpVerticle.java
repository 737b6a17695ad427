package org.talkingpiece.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import org.talkingpiece.Config;

/**
 * The HTTP server: security headers, body limits, CSRF, static files, then every feature's routes,
 * and the error pages. It holds no state of its own, so several instances may run side by side.
 */
public final class HttpVerticle extends VerticleBase {
  /** Largest request body accepted (module uploads are the largest). */
  static final long MAX_BODY_BYTES = 1024 * 1024;
  /** Most fields one form may send (a module of 40 activities sends about 1,200). */
  static final int MAX_FORM_FIELDS = 4096;
  /** The sign-in cookie's name (set by the accounts feature). */
  static final String SIGN_IN_COOKIE = "tp_auth";

  private final Config config;
  private final Pages pages;
  private final String csrfSecret;
  private final List<Routes> features;
  private HttpServer server;

  public HttpVerticle(Config config, Pages pages, String csrfSecret, List<Routes> features) {
    this.config = config;
    this.pages = pages;
    this.csrfSecret = csrfSecret;
    this.features = features;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    ClientAddress addresses = new ClientAddress(config.trustedProxies());
    router.route().handler(ctx -> {
      ctx.put(Web.PAGES, pages);
      ctx.put(ClientAddress.KEY, addresses.resolve(ctx.request().remoteAddress(),
          ctx.request().getHeader("X-Forwarded-For")));
      ctx.next();
    });
    router.route("/static/*").handler(StaticHandler.create("web/static")
        .setCachingEnabled(!config.dev()).setMaxAgeSeconds(3600).setIncludeHidden(false));
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars")
        .setMaxAgeSeconds(86400));
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    Csrf csrf = new Csrf(csrfSecret, SIGN_IN_COOKIE, config.publicUrl().startsWith("https:"),
        System::currentTimeMillis);
    router.route().handler(ctx -> {
      if (skipsCsrf(ctx)) {
        ctx.next();
      } else {
        csrf.handle(ctx);
      }
    });
    for (Routes feature : features) {
      feature.mount(router, vertx);
    }
    ErrorPages errors = new ErrorPages();
    router.route().failureHandler(errors);
    router.errorHandler(404, errors);
    router.errorHandler(405, errors);
    router.errorHandler(500, errors);
    return vertx.createHttpServer(new HttpServerOptions()
            .setCompressionSupported(true)
            // Forms are bounded by the body limit above, not by Netty's small defaults (8 KiB per field,
            // 256 fields): a module's YAML is one text area of tens of KiB, and its edit form has dozens
            // of inputs per activity.
            .setMaxFormAttributeSize((int) MAX_BODY_BYTES)
            .setMaxFormBufferedBytes((int) MAX_BODY_BYTES)
            .setMaxFormFields(MAX_FORM_FIELDS)
            .setMaxWebSocketFrameSize(config.bridgeMaxFrameBytes())
            .setMaxWebSocketMessageSize(config.bridgeMaxFrameBytes()))
        .requestHandler(router)
        .listen(config.httpPort(), config.httpHost())
        .onSuccess(s -> server = s);
  }

  /** The port actually bound (useful when the configured port is 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /**
   * API calls with a bearer token carry no ambient credentials, and the bridge authenticates every
   * frame itself, so neither needs the CSRF cookie; everything else (forms, cookie sessions) does.
   */
  private static boolean skipsCsrf(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    String path = ctx.normalizedPath();
    return (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7))
        || path.startsWith("/eventbus/")
        || path.equals("/health")
        || path.equals("/metrics")
        || (path.equals("/api/auth/token") || path.equals("/api/join"))
        // An API call that carries no sign-in cookie has no ambient credentials to abuse.
        || (path.startsWith("/api/") && ctx.request().getCookie(SIGN_IN_COOKIE) == null);
  }
}
