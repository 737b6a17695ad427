package org.talkingpiece.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * Turns every failure into the shared error shape: JSON for API callers, a friendly page for
 * browsers. Stack traces go to the log only (with the request path, never request bodies), so
 * nothing internal leaks to the client.
 */
final class ErrorPages implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
  static final String CSRF_MESSAGE = "This form was out of date or did not come from this site "
      + "(perhaps the page is open in another tab). Reload the page and try again.";

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ErrorCode code;
    String message;
    if (failure instanceof AppException app) {
      code = app.code();
      message = app.getMessage();
      if (code == ErrorCode.INTERNAL || code == ErrorCode.STORAGE_UNAVAILABLE) {
        LOG.warn("{} {} failed: {}", ctx.request().method(), ctx.normalizedPath(), message, app.getCause());
      }
    } else if (failure instanceof HttpException http) {
      code = fromStatus(http.getStatusCode());
      message = defaultMessage(code);
    } else if (failure != null && ctx.statusCode() == 403) {
      // Vert.x's CSRF handler refuses with a plain exception and status 403.
      code = ErrorCode.FORBIDDEN;
      message = CSRF_MESSAGE;
    } else if (failure != null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      code = fromStatus(ctx.statusCode());
      message = defaultMessage(code);
    } else if (failure != null) {
      code = ErrorCode.INTERNAL;
      message = defaultMessage(code);
      LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), failure);
    } else {
      code = fromStatus(ctx.statusCode());
      message = defaultMessage(code);
    }
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (code == ErrorCode.UNAUTHENTICATED && !wantsJson(ctx)) {
      String next = ctx.request().uri();
      ctx.redirect("/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    if (wantsJson(ctx)) {
      Web.json(ctx, code.status(), Web.errorBody(code, message));
    } else {
      Web.page(ctx, code.status(), "pages/error", Map.of(
          "title", titleFor(code), "status", code.status(), "message", message));
    }
  }

  static boolean wantsJson(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    String accept = ctx.request().getHeader("Accept");
    return path.startsWith("/api/") || path.equals("/health")
        || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
  }

  static ErrorCode fromStatus(int status) {
    return switch (status) {
      case 400 -> ErrorCode.INVALID_INPUT;
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404, 405 -> ErrorCode.NOT_FOUND;
      case 409 -> ErrorCode.CONFLICT;
      case 413 -> ErrorCode.TOO_LARGE;
      case 429 -> ErrorCode.RATE_LIMITED;
      case 503 -> ErrorCode.STORAGE_UNAVAILABLE;
      default -> ErrorCode.INTERNAL;
    };
  }

  static String defaultMessage(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> "There is nothing at this address.";
      case UNAUTHENTICATED -> "Please sign in first.";
      case FORBIDDEN -> "Your account is not allowed to do this.";
      case TOO_LARGE -> "The request is too large.";
      case RATE_LIMITED -> "Too many requests; please wait a moment and try again.";
      case INVALID_INPUT -> "The request could not be understood.";
      case STORAGE_UNAVAILABLE -> "The database is not answering; try again shortly.";
      default -> "Something went wrong on our side. Please try again.";
    };
  }

  private static String titleFor(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> "Page not found";
      case FORBIDDEN -> "Not allowed";
      case RATE_LIMITED -> "Slow down";
      case INTERNAL -> "Something went wrong";
      default -> "Something is not right";
    };
  }
}
