package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.talkingpiece.accounts.Account;
import org.talkingpiece.accounts.Auth;
import org.talkingpiece.accounts.Role;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.shared.RateLimiter;
import org.talkingpiece.web.QrCodes;
import org.talkingpiece.web.Routes;
import org.talkingpiece.web.Web;

/**
 * Session routes: the JSON API ({@code /api/sessions}, {@code /api/join}) and the pages for
 * facilitators ({@code /console}), participants ({@code /join}, {@code /j/CODE}, {@code /s/ID}) and
 * the projector ({@code /display/ID}). Handlers stay thin: the work is in {@link SessionService}.
 */
public final class SessionRoutes implements Routes {
  static final String PARTICIPANT_COOKIE_PREFIX = "tp_p_";
  /** How a session's start shows without JavaScript (the page's script shows it in local time). */
  private static final java.time.format.DateTimeFormatter CREATED_FORMAT =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH)
          .withZone(java.time.ZoneOffset.UTC);

  private final SessionService service;
  private final boolean secureCookies;
  private final int joinsPerMinute;

  /** @param joinsPerMinute joins accepted a minute from one network address (and at once, as a burst) */
  public SessionRoutes(SessionService service, boolean secureCookies, int joinsPerMinute) {
    this.service = service;
    this.secureCookies = secureCookies;
    this.joinsPerMinute = joinsPerMinute;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    JoinLimiter limiter = new JoinLimiter(joinsPerMinute, service.services().clock());
    var facilitator = Auth.require(Role.FACILITATOR);
    router.post("/api/sessions").handler(facilitator).handler(this::createApi);
    router.get("/api/sessions").handler(facilitator).handler(ctx -> Web.reply(ctx, 200,
        service.list(account(ctx)).map(list -> new io.vertx.core.json.JsonArray(list.stream().map(SessionDirectory.Entry::toJson).toList()))));
    router.get("/api/sessions/:id").handler(facilitator).handler(ctx -> Web.reply(ctx, 200,
        service.forFacilitator(ctx.pathParam("id"), account(ctx), false).compose(e -> service.snapshot(e.id()))));
    router.post("/api/sessions/:id/console-token").handler(facilitator).handler(ctx -> Web.reply(ctx, 200,
        service.forFacilitator(ctx.pathParam("id"), account(ctx), false)
            .compose(e -> service.consoleToken(e.id())).map(t -> new JsonObject().put("token", t))));
    router.delete("/api/sessions/:id").handler(Auth.require(Role.FACILITATOR, Role.ADMIN)).handler(ctx ->
        service.forFacilitator(ctx.pathParam("id"), account(ctx), true)
            .compose(e -> service.delete(e.id()))
            .onSuccess(v -> ctx.response().setStatusCode(204).end())
            .onFailure(e -> Web.fail(ctx, e)));
    router.post("/api/join").handler(limiter::check).handler(ctx -> {
      JsonObject body = Web.body(ctx);
      Object code = body.getValue("code");
      Object name = body.getValue("name");
      if (!(code instanceof String c)) {
        throw AppException.invalid("code is required: the six characters of the join code");
      }
      if (name != null && !(name instanceof String)) {
        throw AppException.invalid("name must be text");
      }
      Web.reply(ctx, 201, service.join(c, (String) name));
    });

    router.get("/join").handler(ctx -> {
      String code = ctx.request().getParam("code");
      if (code != null && !code.isBlank()) {
        JoinCodes.normalise(code).ifPresentOrElse(c -> ctx.redirect("/j/" + c),
            () -> Web.page(ctx, 400, "pages/join-code", Map.of("title", "Join a session",
                "error", "That is not a join code. Codes have six letters and numbers, like ABC-347.", "code", code)));
        return;
      }
      Web.page(ctx, "pages/join-code", Map.of("title", "Join a session"));
    });
    router.get("/j/:code/qr.svg").handler(ctx -> {
      String code = JoinCodes.normalise(ctx.pathParam("code")).orElseThrow(() -> AppException.notFound("No such code"));
      ctx.response().putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "public, max-age=3600")
          .end(QrCodes.svg(service.joinUrl(code), "QR code for the join link " + service.joinUrl(code)));
    });
    router.get("/j/:code").handler(ctx -> joinPage(ctx, 200, null, null));
    router.post("/j/:code").handler(limiter::check).handler(this::joinForm);
    router.get("/s/:id").handler(this::participantPage);

    router.get("/console").handler(facilitator).handler(this::consoleList);
    router.post("/console/sessions").handler(facilitator).handler(this::createForm);
    router.get("/console/sessions/:id").handler(facilitator).handler(this::consolePage);
    router.get("/display/:id").handler(this::displayPage);
  }

  private static Account account(RoutingContext ctx) {
    return Auth.current(ctx).orElseThrow(() -> new AppException(ErrorCode.UNAUTHENTICATED, "Please sign in first."));
  }

  private void createApi(RoutingContext ctx) {
    JsonObject body = Web.body(ctx);
    Object module = body.getValue("module");
    Object version = body.getValue("version");
    Object settings = body.getValue("settings");
    if (!(module instanceof String)) {
      throw AppException.invalid("module is required: the slug of a published module");
    }
    if (version != null && !(version instanceof Integer)) {
      throw AppException.invalid("version must be a whole number");
    }
    if (settings != null && !(settings instanceof JsonObject)) {
      throw AppException.invalid("settings must be an object");
    }
    Web.reply(ctx, 201, service.create(account(ctx), (String) module, (Integer) version, (JsonObject) settings)
        .map(SessionService.Created::toJson));
  }

  /**
   * Copies an optional whole number from the form into {@code settings}; on anything else shows the
   * form again with {@code error} and answers false.
   */
  private boolean wholeNumber(RoutingContext ctx, JsonObject settings, String field, String error) {
    String value = ctx.request().getFormAttribute(field);
    if (value == null || value.isBlank()) {
      return true;
    }
    try {
      settings.put(field, Integer.parseInt(value.trim()));
      return true;
    } catch (NumberFormatException e) {
      consoleListWithError(ctx, error);
      return false;
    }
  }

  private void createForm(RoutingContext ctx) {
    String module = ctx.request().getFormAttribute("module");
    JsonObject settings = new JsonObject();
    if (!wholeNumber(ctx, settings, "anonymityThreshold", "The anonymity threshold must be a whole number, 3 or more.")
        || !wholeNumber(ctx, settings, "defaultTurnSeconds",
            "The default turn limit must be a whole number of seconds: 0 for no limit, or 15 to 900.")) {
      return;
    }
    String queueMode = ctx.request().getFormAttribute("queueMode");
    if (queueMode != null && !queueMode.isBlank()) {
      settings.put("queueMode", queueMode);
    }
    String categories = ctx.request().getFormAttribute("selfIdCategories");
    if (categories != null && !categories.isBlank()) {
      JsonObject parsed = new JsonObject();
      for (String line : categories.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          consoleListWithError(ctx, "Write each self-identification category as “Category: option, option”.");
          return;
        }
        io.vertx.core.json.JsonArray options = new io.vertx.core.json.JsonArray();
        for (String option : line.substring(colon + 1).split(",")) {
          if (!option.isBlank()) {
            options.add(option.trim());
          }
        }
        parsed.put(line.substring(0, colon).trim(), options);
      }
      settings.put("selfIdCategories", parsed);
    }
    service.create(account(ctx), module, null, settings)
        .onSuccess(created -> ctx.redirect("/console/sessions/" + created.id()))
        .onFailure(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.INVALID_INPUT) {
            consoleListWithError(ctx, app.getMessage());
          } else {
            Web.fail(ctx, e);
          }
        });
  }

  private void consoleList(RoutingContext ctx) {
    consoleListWithError(ctx, null);
  }

  private void consoleListWithError(RoutingContext ctx, String error) {
    service.list(account(ctx))
        .compose(sessions -> service.services().modules().listPublished().map(modules -> {
          Map<String, Object> model = new HashMap<>();
          model.put("title", "Your sessions");
          model.put("sessions", sessions.stream().map(e -> {
            Map<String, Object> row = new HashMap<>(e.toJson().getMap());
            java.time.Instant created = java.time.Instant.ofEpochMilli(e.createdAt());
            row.put("createdIso", created.toString());
            row.put("createdText", CREATED_FORMAT.format(created));
            return row;
          }).toList());
          model.put("modules", modules.stream().map(m -> JsonObject.mapFrom(m).getMap()).toList());
          if (error != null) {
            model.put("error", error);
          }
          return model;
        }))
        .onSuccess(model -> Web.page(ctx, error == null ? 200 : 400, "pages/console-list", model))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void consolePage(RoutingContext ctx) {
    service.forFacilitator(ctx.pathParam("id"), account(ctx), false)
        .compose(entry -> Future.all(service.consoleToken(entry.id()), service.displayToken(entry.id()))
            .map(tokens -> {
              Map<String, Object> model = new LinkedHashMap<>();
              model.put("title", entry.title() + " · console");
              model.put("bodyClass", "console");
              model.put("sessionId", entry.id());
              model.put("sessionTitle", entry.title());
              model.put("token", tokens.resultAt(0));
              model.put("joinCode", JoinCodes.display(entry.joinCode()));
              model.put("joinUrl", service.joinUrl(entry.joinCode()));
              model.put("qrUrl", "/j/" + entry.joinCode() + "/qr.svg");
              model.put("displayUrl", "/display/" + entry.id() + "?key=" + tokens.resultAt(1));
              model.put("status", entry.status());
              return model;
            }))
        .onSuccess(model -> Web.page(ctx, "pages/console", model))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void displayPage(RoutingContext ctx) {
    String key = ctx.request().getParam("key");
    String id = ctx.pathParam("id");
    service.services().tokens().resolve(key)
        .recover(e -> Future.failedFuture(AppException.forbidden("This projector link is not valid. Open it again from the console.")))
        .compose(t -> t.sessionId().equals(id) && t.role() != Actor.Role.PARTICIPANT
            ? service.services().directory().get(id)
            : Future.failedFuture(AppException.forbidden("This projector link is not valid. Open it again from the console.")))
        .onSuccess(entry -> Web.page(ctx, "pages/display", Map.of(
            "title", entry.title() + " · display", "bare", true, "bodyClass", "display",
            "sessionId", entry.id(), "sessionTitle", entry.title(), "token", key,
            "joinCode", JoinCodes.display(entry.joinCode()), "joinUrl", service.joinUrl(entry.joinCode()),
            "qrUrl", "/j/" + entry.joinCode() + "/qr.svg")))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void joinPage(RoutingContext ctx, int status, String error, String name) {
    String typed = ctx.pathParam("code");
    var code = JoinCodes.normalise(typed);
    if (code.isEmpty()) {
      Web.page(ctx, 404, "pages/join-code", Map.of("title", "Join a session", "code", typed,
          "error", "There is no session with the code " + typed + ". Check the code on the screen and try again."));
      return;
    }
    service.services().directory().byCode(code.get())
        .onSuccess(entry -> {
          if (SessionStatus.ENDED.wire().equals(entry.status())) {
            Web.page(ctx, 410, "pages/join-code", Map.of("title", "Join a session",
                "error", "The session " + entry.title() + " has ended. Thank you for taking part."));
            return;
          }
          Map<String, Object> model = new HashMap<>();
          model.put("title", "Join " + entry.title());
          model.put("sessionTitle", entry.title());
          model.put("code", JoinCodes.display(entry.joinCode()));
          model.put("codeRaw", entry.joinCode());
          if (error != null) {
            model.put("error", error);
          }
          if (name != null) {
            model.put("name", name);
          }
          Web.page(ctx, status, "pages/join", model);
        })
        .onFailure(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.NOT_FOUND) {
            Web.page(ctx, 404, "pages/join-code", Map.of("title", "Join a session", "code", typed,
                "error", "There is no session with the code " + typed + ". Check the code on the screen and try again."));
          } else {
            Web.fail(ctx, e);
          }
        });
  }

  private void joinForm(RoutingContext ctx) {
    String name = ctx.request().getFormAttribute("name");
    boolean pseudonym = ctx.request().getFormAttribute("pseudonym") != null;
    service.join(ctx.pathParam("code"), pseudonym ? null : name)
        .onSuccess(joined -> {
          String sessionId = joined.getString("sessionId");
          ctx.response().addCookie(Cookie.cookie(PARTICIPANT_COOKIE_PREFIX + sessionId, joined.getString("token"))
              .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX).setSecure(secureCookies)
              .setMaxAge(2 * 24 * 3600));
          ctx.response().setStatusCode(303).putHeader("Location", "/s/" + sessionId).end();
        })
        .onFailure(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.INVALID_INPUT) {
            joinPage(ctx, 400, app.getMessage(), name);
          } else if (e instanceof AppException app && app.code() == ErrorCode.WRONG_STATE) {
            Web.page(ctx, 409, "pages/join-code", Map.of("title", "Join a session", "error", app.getMessage()));
          } else {
            Web.fail(ctx, e);
          }
        });
  }

  private void participantPage(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Cookie cookie = ctx.request().getCookie(PARTICIPANT_COOKIE_PREFIX + id);
    if (cookie == null) {
      Web.page(ctx, 403, "pages/join-code", Map.of("title", "Join a session",
          "error", "This browser has not joined that session. Enter the code shown by your facilitator."));
      return;
    }
    service.services().tokens().resolve(cookie.getValue())
        .compose(t -> t.sessionId().equals(id) && t.role() == Actor.Role.PARTICIPANT
            ? service.services().directory().get(id).map(entry -> Map.<String, Object>of(
                "title", entry.title(), "bodyClass", "participant", "sessionId", id, "sessionTitle", entry.title(),
                "token", cookie.getValue(), "joinCode", JoinCodes.display(entry.joinCode())))
            : Future.failedFuture(AppException.forbidden("not this session")))
        .onSuccess(model -> Web.page(ctx, "pages/participant", model))
        .onFailure(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.STORAGE_UNAVAILABLE) {
            Web.fail(ctx, e);
          } else {
            Web.page(ctx, 403, "pages/join-code", Map.of("title", "Join a session",
                "error", "You are no longer in that session. Enter the code to join again."));
          }
        });
  }

  /**
   * Slows down join attempts per address on this node (code guessing, accidental loops). Each
   * HTTP verticle instance has its own; the limit is per node, which is enough to stop a guesser.
   */
  private static final class JoinLimiter {
    private final int perMinute;
    private final InstantSource clock;
    private final Map<String, RateLimiter> byAddress = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
        return size() > 10_000;
      }
    };

    JoinLimiter(int perMinute, InstantSource clock) {
      this.perMinute = perMinute;
      this.clock = clock;
    }

    void check(RoutingContext ctx) {
      String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
      long now = clock.millis();
      RateLimiter limiter = byAddress.computeIfAbsent(address,
          a -> new RateLimiter(perMinute / 60_000.0, perMinute, now));
      if (!limiter.tryAcquire(now)) {
        Web.fail(ctx, new AppException(ErrorCode.RATE_LIMITED, "Too many join attempts from here; wait a minute and try again."));
        return;
      }
      ctx.next();
    }
  }
}
