package org.talkingpiece.accounts;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.web.Csrf;
import org.talkingpiece.web.Web;

/**
 * Who is asking: mounted for every route before any feature's routes, it resolves an
 * {@code Authorization: Bearer} token or else the {@value #COOKIE} cookie to an {@link Account}, puts
 * it on the routing context ({@link #current}) and puts the header's view under {@link Web#VIEWER}
 * ({@code username}, {@code admin}, {@code facilitator}, {@code author}).
 *
 * <p>A request with an Authorization header is judged by that header alone, never by the cookie. An
 * unknown or expired token leaves the request anonymous (and clears a stale cookie); routes that
 * need an account say so with {@link #require}. One database lookup per request that carries a token.
 * Holds no per-request state: one instance serves every event loop.
 */
public final class Auth implements Handler<RoutingContext> {
  /** The sign-in cookie: the token itself, HttpOnly, SameSite=Lax. */
  public static final String COOKIE = "tp_auth";
  private static final String ACCOUNT = "tp.account";
  private static final String TOKEN = "tp.token";

  private final TokenService tokens;
  private final boolean secureCookies;

  Auth(TokenService tokens, boolean secureCookies) {
    this.tokens = tokens;
    this.secureCookies = secureCookies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // The bridge authenticates every frame itself; resolving a cookie first would read the
    // request before the WebSocket upgrade and force SockJS onto a slower transport.
    if (ctx.normalizedPath().startsWith("/eventbus/")) {
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    boolean fromCookie = header == null;
    String token = fromCookie ? cookieToken(ctx) : bearerToken(header);
    if (token == null) {
      ctx.next();
      return;
    }
    tokens.resolve(token)
        .onSuccess(account -> {
          ctx.put(ACCOUNT, account);
          ctx.put(TOKEN, token);
          ctx.put(Web.VIEWER, viewer(account));
          ctx.next();
        })
        .onFailure(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.UNAUTHENTICATED) {
            if (fromCookie) {
              clearCookie(ctx);
            }
            ctx.next();
          } else {
            Web.fail(ctx, e);
          }
        });
  }

  /** The signed-in account of this request, if any. */
  public static Optional<Account> current(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(ACCOUNT));
  }

  /** The token this request was signed in with, if any (for signing out). */
  static Optional<String> currentToken(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(TOKEN));
  }

  /**
   * A handler that lets the request through only for an account holding at least one of the roles (any
   * signed-in account when none are given). Otherwise it fails with UNAUTHENTICATED (401; browsers are
   * sent to the sign-in page) or FORBIDDEN (403): JSON for the API, a page for browsers.
   */
  public static Handler<RoutingContext> require(Role... anyOf) {
    Role[] roles = anyOf.clone();
    String needed = Arrays.stream(roles).map(Role::label).collect(Collectors.joining(" or "));
    return ctx -> {
      Optional<Account> account = current(ctx);
      if (account.isEmpty()) {
        Web.fail(ctx, new AppException(ErrorCode.UNAUTHENTICATED, "Please sign in first."));
      } else if (!account.get().hasAny(roles)) {
        Web.fail(ctx, AppException.forbidden("Your account is not allowed to do this: it needs the " + needed
            + " role."));
      } else {
        ctx.next();
      }
    };
  }

  /** Sets the sign-in cookie: a browser-session cookie, sent on same-site requests and top-level links only. */
  void setCookie(RoutingContext ctx, String token) {
    ctx.response().addCookie(cookie(token));
    Csrf.rebind(ctx, token);
  }

  /** Signs the browser out; its CSRF token is renewed for the signed-out state (see {@link Csrf}). */
  void clearCookie(RoutingContext ctx) {
    ctx.response().addCookie(cookie("").setMaxAge(0));
    Csrf.rebind(ctx, null);
  }

  private Cookie cookie(String value) {
    return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
        .setSecure(secureCookies);
  }

  static Map<String, Object> viewer(Account account) {
    return Map.of(
        "username", account.username(),
        "admin", account.has(Role.ADMIN),
        "facilitator", account.has(Role.FACILITATOR),
        "author", account.has(Role.AUTHOR));
  }

  private static String cookieToken(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  private static String bearerToken(String header) {
    if (header.length() > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).trim();
      return token.isEmpty() ? null : token;
    }
    return null;
  }
}
