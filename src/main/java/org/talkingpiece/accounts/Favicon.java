package org.talkingpiece.accounts;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;

/**
 * Answers the browser's automatic {@code GET /favicon.ico} with "no icon" and, above all, without a
 * new CSRF cookie. Vert.x's CSRF handler issues a fresh token on every GET; browsers fetch the icon
 * right after a page loads, so the icon's new cookie replaced the token the page's forms carry and
 * every sign-in from a real browser was refused.
 *
 * <p>The root cause (a new CSRF token on every GET, which also breaks forms left open in a second tab)
 * belongs to the HTTP verticle; once it keeps a still-valid token this class can go.
 */
final class Favicon implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().removeCookie(CSRFHandler.DEFAULT_COOKIE_NAME, false);
    ctx.response().setStatusCode(204).putHeader("Cache-Control", "public, max-age=86400").end();
  }
}
