package org.talkingpiece.accounts;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.talkingpiece.web.Web;

/**
 * Renders a page from inside a future's callback. {@link Web#page} throws when a template fails, and
 * an exception thrown in a callback would leave the request unanswered; here it becomes the request's
 * failure, so the user sees the error page.
 */
final class Render {
  private Render() {}

  static void page(RoutingContext ctx, int status, String template, Map<String, Object> model) {
    try {
      Web.page(ctx, status, template, model);
    } catch (RuntimeException e) {
      Web.fail(ctx, e);
    }
  }
}
