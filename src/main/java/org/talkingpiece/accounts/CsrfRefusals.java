package org.talkingpiece.accounts;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.talkingpiece.shared.AppException;

/**
 * A failure handler that turns Vert.x's CSRF refusals into a FORBIDDEN the error pages understand.
 * {@code CSRFHandler} fails with status 403 and a plain exception, which the shared error handler
 * would otherwise report as an internal error (500). Only 403 failures that are neither an
 * {@link AppException} nor an {@link HttpException} are touched; everything else passes through.
 *
 * <p>It belongs in the shared error handler; once that honours the status of such failures this
 * class can go.
 */
final class CsrfRefusals implements Handler<RoutingContext> {
  static final String MESSAGE = "This form was out of date or did not come from this site "
      + "(perhaps the page is open in another tab). Reload the page and try again.";

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.statusCode() == 403 && failure != null
        && !(failure instanceof AppException) && !(failure instanceof HttpException)) {
      // Failing again restarts the failure handlers with an error they know how to show.
      ctx.fail(403, AppException.forbidden(MESSAGE));
    } else {
      ctx.next();
    }
  }
}
