package org.talkingpiece.accounts;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.web.Routes;
import org.talkingpiece.web.Web;

/**
 * The accounts API for admins (bearer token):
 * <ul>
 *   <li>{@code GET /api/admin/accounts} → {@code 200 [account]}</li>
 *   <li>{@code POST /api/admin/accounts {username, roles: [...], password?}} → {@code 201 account}, with
 *       {@code generatedPassword} when no password was given (shown this once); 400 naming the field,
 *       409 when the username is taken</li>
 *   <li>{@code POST /api/admin/accounts/{id}/disable} and {@code .../enable} → {@code 200 account}; disabling
 *       ends the account's sign-ins at once</li>
 *   <li>{@code POST /api/admin/accounts/{id}/unlock} → {@code 200 account}: lifts every sign-in lock on
 *       the account's username, from every address</li>
 * </ul>
 * An account is {@code {id, username, roles, disabled, createdAt}}; in the list each also has
 * {@code signInLocked}.
 */
final class AdminApi implements Routes {
  private final AccountService accounts;

  AdminApi(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    router.route("/api/admin/*").handler(Auth.require(Role.ADMIN));
    router.get("/api/admin/accounts").handler(this::list);
    router.post("/api/admin/accounts").handler(this::create);
    router.post("/api/admin/accounts/:id/disable").handler(ctx -> setDisabled(ctx, true));
    router.post("/api/admin/accounts/:id/enable").handler(ctx -> setDisabled(ctx, false));
    router.post("/api/admin/accounts/:id/unlock").handler(this::unlock);
  }

  private void list(RoutingContext ctx) {
    Web.reply(ctx, 200, accounts.list()
        .compose(all -> accounts.signInLocked(all).map(locked -> new JsonArray(all.stream()
            .map(a -> a.toJson().put("signInLocked", locked.contains(a.username()))).toList()))));
  }

  private void unlock(RoutingContext ctx) {
    Web.reply(ctx, 200, accounts.unlock(ctx.pathParam("id")).map(Account::toJson));
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Web.body(ctx);
    String username = SignInRoutes.text(body, "username");
    List<String> roles = roleCodes(body.getValue("roles"));
    String password = SignInRoutes.text(body, "password");
    Web.reply(ctx, 201, accounts.create(username, roles, password).map(created -> {
      JsonObject json = created.account().toJson();
      if (created.generatedPassword() != null) {
        json.put("generatedPassword", created.generatedPassword());
      }
      return json;
    }));
  }

  private void setDisabled(RoutingContext ctx, boolean disabled) {
    Account me = Auth.current(ctx).orElseThrow();
    Web.reply(ctx, 200, accounts.setDisabled(me, ctx.pathParam("id"), disabled).map(Account::toJson));
  }

  private static List<String> roleCodes(Object value) {
    if (value == null) {
      throw AppException.invalid("roles is required: a list such as [\"facilitator\"]");
    }
    if (!(value instanceof JsonArray array)) {
      throw AppException.invalid("roles must be a list such as [\"facilitator\"]");
    }
    List<String> codes = new ArrayList<>();
    for (Object code : array) {
      if (!(code instanceof String s)) {
        throw AppException.invalid("roles must be a list of strings such as [\"facilitator\"]");
      }
      codes.add(s);
    }
    return codes;
  }
}
