package org.talkingpiece.accounts;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.web.Routes;
import org.talkingpiece.web.Web;

/**
 * The accounts pages for admins ({@code /admin/users}): list, create, disable or enable, unlock a
 * locked sign-in, set a new password. Plain HTML forms with the CSRF field; every POST answers with the page itself and a
 * notice, so a generated password can be shown once without putting it in a URL.
 */
final class AdminPages implements Routes {
  private final AccountService accounts;

  AdminPages(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    router.route("/admin/*").handler(Auth.require(Role.ADMIN));
    router.get("/admin/users").handler(ctx -> list(ctx, 200, new HashMap<>()));
    router.post("/admin/users").handler(this::create);
    router.post("/admin/users/:id/disable").handler(ctx -> setDisabled(ctx, true));
    router.post("/admin/users/:id/enable").handler(ctx -> setDisabled(ctx, false));
    router.post("/admin/users/:id/unlock").handler(this::unlock);
    router.get("/admin/users/:id/password").handler(this::passwordForm);
    router.post("/admin/users/:id/password").handler(this::setPassword);
  }

  private void create(RoutingContext ctx) {
    String username = ctx.request().getFormAttribute("username");
    List<String> roles = ctx.request().formAttributes().getAll("roles");
    accounts.create(username, roles, ctx.request().getFormAttribute("password"))
        .onSuccess(created -> {
          Map<String, Object> model = new HashMap<>();
          model.put("notice", "Account " + created.account().username() + " created.");
          model.put("generatedPassword", created.generatedPassword());
          model.put("generatedFor", created.account().username());
          list(ctx, 201, model);
        })
        .onFailure(e -> {
          FormErrors errors = formErrors(e);
          if (errors == null) {
            Web.fail(ctx, e);
            return;
          }
          Map<String, Object> model = errors.into(new HashMap<>());
          model.put("formUsername", username == null ? "" : username.trim());
          model.put("checkedRoles", roles);
          model.put("title", "Error: Accounts");
          list(ctx, ((AppException) e).code().status(), model);
        });
  }

  private void setDisabled(RoutingContext ctx, boolean disabled) {
    Account me = Auth.current(ctx).orElseThrow();
    accounts.setDisabled(me, ctx.pathParam("id"), disabled)
        .onSuccess(account -> list(ctx, 200, new HashMap<>(Map.of("notice", "Account " + account.username()
            + (disabled ? " disabled: it can no longer sign in, and its sign-ins have ended." : " enabled.")))))
        .onFailure(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.WRONG_STATE) {
            list(ctx, 409, new HashMap<>(Map.of("problem", app.getMessage())));
          } else {
            Web.fail(ctx, e);
          }
        });
  }

  private void unlock(RoutingContext ctx) {
    accounts.unlock(ctx.pathParam("id"))
        .onSuccess(account -> list(ctx, 200, new HashMap<>(Map.of("notice", "Sign-in for " + account.username()
            + " unlocked: they can sign in again now, from anywhere."))))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void passwordForm(RoutingContext ctx) {
    accounts.byId(ctx.pathParam("id"))
        .onSuccess(account -> Render.page(ctx, 200, "pages/admin-password", passwordModel(account)))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void setPassword(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    accounts.setPassword(id, ctx.request().getFormAttribute("password"))
        .onSuccess(done -> {
          Map<String, Object> model = new HashMap<>();
          model.put("notice", "New password set for " + done.account().username()
              + ". Their earlier sign-ins have ended.");
          model.put("generatedPassword", done.generatedPassword());
          model.put("generatedFor", done.account().username());
          list(ctx, 200, model);
        })
        .onFailure(e -> {
          FormErrors errors = formErrors(e);
          if (errors == null) {
            Web.fail(ctx, e);
            return;
          }
          accounts.byId(id)
              .onSuccess(account -> {
                Map<String, Object> model = errors.into(passwordModel(account));
                model.put("title", "Error: " + model.get("title"));
                Render.page(ctx, 400, "pages/admin-password", model);
              })
              .onFailure(e2 -> Web.fail(ctx, e2));
        });
  }

  /** Renders the accounts page with extra model entries (notices, form state, errors). */
  private void list(RoutingContext ctx, int status, Map<String, Object> extra) {
    String me = Auth.current(ctx).map(Account::id).orElse("");
    accounts.list()
        .compose(all -> accounts.signInLocked(all).map(locked -> all.stream()
            .map(a -> row(a, me, locked.contains(a.username()))).toList()))
        .onSuccess(rows -> {
          Map<String, Object> model = new HashMap<>();
          model.put("title", "Accounts");
          model.put("accounts", rows);
          model.putAll(extra);
          @SuppressWarnings("unchecked")
          List<String> checked = (List<String>) model.getOrDefault("checkedRoles", List.of(Role.FACILITATOR.code()));
          model.put("roleOptions", roleOptions(checked));
          Render.page(ctx, status, "pages/admin-users", model);
        })
        .onFailure(e -> Web.fail(ctx, e));
  }

  private static Map<String, Object> row(Account a, String me, boolean locked) {
    return Map.of(
        "id", a.id(),
        "username", a.username(),
        "roles", a.sortedRoles().stream().map(Role::label).collect(Collectors.joining(", ")),
        "disabled", a.disabled(),
        "locked", locked,
        "self", a.id().equals(me));
  }

  /** The role checkboxes, ticked as the admin left them (facilitator for a fresh form). */
  private static List<Map<String, Object>> roleOptions(List<String> checked) {
    return List.of(Role.values()).stream()
        .map(r -> Map.<String, Object>of("code", r.code(), "label", r.label(),
            "checked", checked.stream().anyMatch(c -> c.equalsIgnoreCase(r.code()))))
        .toList();
  }

  private static Map<String, Object> passwordModel(Account account) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "New password for " + account.username());
    model.put("account", Map.of("id", account.id(), "username", account.username()));
    return model;
  }

  /** Field errors for a validation or conflict failure; {@code null} for anything else. */
  private static FormErrors formErrors(Throwable e) {
    if (e instanceof AppException app && app.code() == ErrorCode.INVALID_INPUT) {
      return new FormErrors().add(AccountRules.fieldOf(app.getMessage()), app.getMessage());
    }
    if (e instanceof AppException app && app.code() == ErrorCode.CONFLICT) {
      return new FormErrors().add("username", app.getMessage());
    }
    return null;
  }
}
