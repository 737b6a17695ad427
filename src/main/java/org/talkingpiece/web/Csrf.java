package org.talkingpiece.web;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Hashes;

/**
 * CSRF protection by double submit, with each token bound to the sign-in it was issued for.
 *
 * <p>The token is {@code nonce.issuedAtMillis.mac}, where the MAC (HMAC-SHA256 under the nodes' shared
 * secret) covers the nonce, the time and the browser's sign-in cookie (or "none" before signing in). It
 * travels in the {@value #COOKIE} cookie and, on every unsafe request, in the {@value #FIELD} header or
 * form field, which must equal the cookie. A request is accepted only if the MAC holds for the
 * sign-in cookie the request itself carries, so a token minted in another browser or for another
 * sign-in (planted as a cookie by a sibling site, or copied from elsewhere) is refused. A token lives
 * {@link #TIMEOUT_MS}; a page load keeps a token less than half that old, so a second tab or a
 * favicon does not invalidate a form already open.
 *
 * <p>When the sign-in changes during a request (a stale sign-in cookie is cleared), {@link #rebind}
 * issues a token for the new state so the page rendered next carries one that will be accepted.
 * Holds no per-request state; thread-safe.
 */
public final class Csrf implements Handler<RoutingContext> {
  static final String COOKIE = CSRFHandler.DEFAULT_COOKIE_NAME;
  static final String FIELD = CSRFHandler.DEFAULT_HEADER_NAME;
  static final long TIMEOUT_MS = 4L * 60 * 60 * 1000;
  private static final String INSTANCE = "tp.csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;
  private final String signInCookie;
  private final boolean secure;
  private final LongSupplier clock;

  Csrf(String secret, String signInCookie, boolean secure, LongSupplier clock) {
    this.key = secret.getBytes(StandardCharsets.UTF_8);
    this.signInCookie = signInCookie;
    this.secure = secure;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(INSTANCE, this);
    String binding = binding(signInValue(ctx));
    Cookie cookie = ctx.request().getCookie(COOKIE);
    String current = cookie == null ? null : cookie.getValue();
    long age = age(current, binding);
    if (isSafe(ctx.request().method())) {
      if (age >= 0 && age <= TIMEOUT_MS / 2) {
        ctx.put(FIELD, current);
      } else {
        issue(ctx, binding);
      }
      ctx.next();
      return;
    }
    String sent = ctx.request().getHeader(FIELD);
    if (sent == null) {
      sent = ctx.request().getFormAttribute(FIELD);
    }
    if (age < 0 || sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        current.getBytes(StandardCharsets.UTF_8))) {
      ctx.fail(403, AppException.forbidden(ErrorPages.CSRF_MESSAGE));
      return;
    }
    ctx.put(FIELD, current);
    ctx.next();
  }

  /**
   * Issues a token for the sign-in this response leaves the browser with ({@code signInValue}, or
   * {@code null} when it leaves it signed out), so the page rendered next carries an acceptable token.
   */
  public static void rebind(RoutingContext ctx, String signInValue) {
    Csrf csrf = ctx.get(INSTANCE);
    if (csrf != null) {
      csrf.issue(ctx, binding(signInValue));
    }
  }

  private void issue(RoutingContext ctx, String binding) {
    byte[] nonce = new byte[18];
    RANDOM.nextBytes(nonce);
    String head = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "." + clock.getAsLong();
    String token = head + "." + mac(head, binding);
    ctx.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX).setSecure(secure));
    ctx.put(FIELD, token);
  }

  /** How old a token is if it is well formed, bound to {@code binding} and not expired; -1 otherwise. */
  private long age(String token, String binding) {
    if (token == null || token.length() > 200) {
      return -1;
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return -1;
    }
    String expected = mac(parts[0] + "." + parts[1], binding);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), parts[2].getBytes(StandardCharsets.UTF_8))) {
      return -1;
    }
    try {
      long age = clock.getAsLong() - Long.parseLong(parts[1]);
      return age < 0 || age > TIMEOUT_MS ? -1 : age;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String mac(String head, String binding) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((head + "|" + binding).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private String signInValue(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(signInCookie);
    return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  /** What a token is bound to: a hash of the sign-in cookie, never the cookie itself. */
  private static String binding(String signInValue) {
    return signInValue == null ? "signed-out" : Hashes.sha256Hex(signInValue);
  }

  private static boolean isSafe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
  }
}
