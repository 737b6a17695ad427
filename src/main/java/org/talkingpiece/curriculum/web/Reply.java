package org.talkingpiece.curriculum.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;
import java.util.Map;
import java.util.regex.Pattern;
import org.talkingpiece.accounts.Account;
import org.talkingpiece.accounts.Auth;
import org.talkingpiece.accounts.Role;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.web.Web;

/** Small helpers the curriculum routes share: who is asking, reading path parameters, answering. */
final class Reply {
  /** What a slug looks like (docs/module-format.md); anything else in a URL is simply not found. */
  static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  static final int SLUG_MIN = 3;
  static final int SLUG_MAX = 60;

  private Reply() {}

  /**
   * Renders a page from inside a future's callback: a template failure becomes the request's
   * failure (the error page) instead of an exception lost in the callback.
   */
  static void page(RoutingContext ctx, int status, String template, Map<String, Object> model) {
    try {
      Web.page(ctx, status, template, model);
    } catch (RuntimeException e) {
      Web.fail(ctx, e);
    }
  }

  /** 303 See Other: after a form has done its work, the browser loads the page that shows the result. */
  static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  /** The signed-in user's name for {@code updatedBy}; routes that call this require an account. */
  static String user(RoutingContext ctx) {
    return Auth.current(ctx).map(Account::username).orElseThrow();
  }

  static boolean isAuthor(RoutingContext ctx) {
    return Auth.current(ctx).map(a -> a.has(Role.AUTHOR)).orElse(false);
  }

  /** Facilitators and authors read facilitator notes and preparation; everyone else the participant view. */
  static boolean seesFacilitatorNotes(RoutingContext ctx) {
    return Auth.current(ctx).map(a -> a.hasAny(Role.FACILITATOR, Role.AUTHOR)).orElse(false);
  }

  /** The {@code slug} path parameter; NOT_FOUND unless it is a well-formed slug. */
  static String slug(RoutingContext ctx) {
    String slug = ctx.pathParam("slug");
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw AppException.notFound("There is no module called \"" + slug + "\".");
    }
    return slug;
  }

  /** A version number from a path or form value; NOT_FOUND unless it is a whole number from 1. */
  static int version(String slug, String text) {
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // Falls through to the same answer as any other version that is not there.
    }
    throw AppException.notFound("There is no version \"" + text + "\" of " + slug + ".");
  }

  /** Whether a slug is well formed, for forms that ask for a new one. */
  static String slugProblem(String slug) {
    if (slug.isEmpty()) {
      return "Enter a slug: the module's name in addresses and file names, like understanding-privilege.";
    }
    if (slug.length() < SLUG_MIN || slug.length() > SLUG_MAX) {
      return "The slug must be " + SLUG_MIN + " to " + SLUG_MAX + " characters long.";
    }
    if (!SLUG.matcher(slug).matches()) {
      return "The slug must be lowercase letters and digits joined by single hyphens, like understanding-privilege.";
    }
    return null;
  }

  /**
   * The CSRF token for the next form post. Vert.x issues a new one with every response and checks
   * the latest, so a script that posts in the background must hand the new token to the page.
   */
  static String csrfToken(RoutingContext ctx) {
    String token = ctx.get(CSRFHandler.DEFAULT_HEADER_NAME);
    return token == null ? "" : token;
  }
}
