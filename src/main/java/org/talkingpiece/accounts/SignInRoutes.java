package org.talkingpiece.accounts;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.web.ClientAddress;
import org.talkingpiece.web.Routes;
import org.talkingpiece.web.Web;

/**
 * Signing in and out: the sign-in page ({@code GET/POST /signin}), {@code POST /signout}, and the API's
 * {@code POST /api/auth/token} (and {@code DELETE} to revoke it). Pages work without JavaScript.
 */
final class SignInRoutes implements Routes {
  private final SignIn signIn;
  private final TokenService tokens;
  private final Auth auth;

  SignInRoutes(SignIn signIn, TokenService tokens, Auth auth) {
    this.signIn = signIn;
    this.tokens = tokens;
    this.auth = auth;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    router.get("/signin").handler(this::form);
    router.post("/signin").handler(this::submit);
    router.post("/signout").handler(this::signOut);
    router.post("/api/auth/token").handler(this::issueToken);
    router.delete("/api/auth/token").handler(Auth.require()).handler(this::revokeToken);
  }

  private void form(RoutingContext ctx) {
    Map<String, Object> model = model(ctx.request().getParam("next"), "");
    if (ctx.request().getParam("signedout") != null) {
      model.put("notice", "You have signed out.");
    }
    Web.page(ctx, "pages/signin", model);
  }

  private void submit(RoutingContext ctx) {
    String username = ctx.request().getFormAttribute("username");
    String next = ctx.request().getFormAttribute("next");
    signIn.signIn(username, ctx.request().getFormAttribute("password"), ClientAddress.of(ctx))
        .onSuccess(done -> {
          // Signing in again (perhaps as someone else) ends the sign-in this browser had.
          Auth.currentToken(ctx).ifPresent(tokens::revoke);
          auth.setCookie(ctx, done.token().token());
          String target = LocalPaths.safe(next);
          ctx.response().setStatusCode(303)
              .putHeader("Location", target != null ? target : home(done.account()))
              .putHeader("Cache-Control", "no-store")
              .end();
        })
        .onFailure(e -> refused(ctx, e, username, next));
  }

  /** Shows the form again with the problem at the field it concerns; storage failures go to the error page. */
  private void refused(RoutingContext ctx, Throwable e, String username, String next) {
    if (!(e instanceof AppException app) || app.code() == ErrorCode.STORAGE_UNAVAILABLE
        || app.code() == ErrorCode.INTERNAL) {
      Web.fail(ctx, e);
      return;
    }
    FormErrors errors = new FormErrors();
    switch (app.code()) {
      case INVALID_INPUT -> errors.add(AccountRules.fieldOf(app.getMessage()), app.getMessage());
      case RATE_LIMITED -> errors.add("username", app.getMessage());
      default -> errors.add("password", app.getMessage());
    }
    Map<String, Object> model = errors.into(model(next, username == null ? "" : username.trim()));
    model.put("title", "Error: Sign in");
    Render.page(ctx, app.code().status(), "pages/signin", model);
  }

  private void signOut(RoutingContext ctx) {
    auth.clearCookie(ctx);
    Auth.currentToken(ctx).map(tokens::revoke).orElse(io.vertx.core.Future.succeededFuture())
        .onSuccess(v -> ctx.response().setStatusCode(303).putHeader("Location", "/signin?signedout=1").end())
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void issueToken(RoutingContext ctx) {
    JsonObject body = Web.body(ctx);
    Web.reply(ctx, 200, signIn.signIn(text(body, "username"), text(body, "password"), ClientAddress.of(ctx))
        .map(done -> done.token().toJson()));
  }

  private void revokeToken(RoutingContext ctx) {
    tokens.revoke(Auth.currentToken(ctx).orElseThrow())
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(e -> Web.fail(ctx, e));
  }

  /** A string field of a JSON body; {@code null} when absent; INVALID_INPUT naming it when not a string. */
  static String text(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw AppException.invalid(field + " must be a string");
  }

  /** Where a user lands after signing in when no page was asked for. */
  static String home(Account account) {
    return account.has(Role.ADMIN) ? "/admin/users" : "/";
  }

  private static Map<String, Object> model(String next, String username) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "Sign in");
    model.put("username", username);
    String safe = LocalPaths.safe(next);
    if (safe != null) {
      model.put("next", safe);
    }
    return model;
  }
}
