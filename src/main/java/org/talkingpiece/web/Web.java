package org.talkingpiece.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;
import java.util.HashMap;
import java.util.Map;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/** Small helpers every route uses to answer: JSON, pages and errors in one shape. */
public final class Web {
  /** Routing-context key under which the auth handler puts the signed-in account's view for templates. */
  public static final String VIEWER = "tp.viewer";
  static final String PAGES = "tp.pages";

  private Web() {}

  public static void json(RoutingContext ctx, int status, Object body) {
    String text = body instanceof JsonObject o ? o.encode()
        : body instanceof JsonArray a ? a.encode()
        : io.vertx.core.json.Json.encode(body);
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(text);
  }

  /** Ends the request with a failure: routes call {@code ctx.fail(e)} or this, never write errors themselves. */
  public static void fail(RoutingContext ctx, Throwable e) {
    if (!ctx.failed() && !ctx.response().ended()) {
      ctx.fail(e instanceof AppException ? ((AppException) e).code().status() : 500, e);
    }
  }

  /** Completes the request from a future: JSON on success, the shared error shape on failure. */
  public static <T> void reply(RoutingContext ctx, int status, Future<T> result) {
    result.onSuccess(v -> json(ctx, status, v)).onFailure(e -> fail(ctx, e));
  }

  /** Renders a page with the layout's common fields: signed-in viewer, CSRF token, page title. */
  public static void page(RoutingContext ctx, int status, String template, Map<String, Object> model) {
    Pages pages = ctx.get(PAGES);
    Map<String, Object> full = new HashMap<>(model);
    full.putIfAbsent("viewer", ctx.get(VIEWER));
    full.putIfAbsent("csrfToken", ctx.get(CSRFHandler.DEFAULT_HEADER_NAME));
    full.putIfAbsent("csrfField", CSRFHandler.DEFAULT_HEADER_NAME);
    io.vertx.core.buffer.Buffer html;
    try {
      html = pages.render(template, full);
    } catch (RuntimeException e) {
      // Rendering may run in a future's callback, where a throw would leave the request unanswered.
      if (!ctx.failed()) {
        ctx.fail(500, e);
      }
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(html);
  }

  public static void page(RoutingContext ctx, String template, Map<String, Object> model) {
    page(ctx, 200, template, model);
  }

  /** The shared error body: {@code {"error": code, "message": text}}. */
  public static JsonObject errorBody(ErrorCode code, String message) {
    return new JsonObject().put("error", code.code()).put("message", message);
  }

  /** Parses a JSON request body, or fails with a message saying the body is not a JSON object. */
  public static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw AppException.invalid("The request body must be a JSON object");
      }
      return body;
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      throw AppException.invalid("The request body must be a JSON object");
    }
  }
}
