package org.talkingpiece.report.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.talkingpiece.accounts.Account;
import org.talkingpiece.accounts.Auth;
import org.talkingpiece.accounts.Role;
import org.talkingpiece.report.ReportDocument;
import org.talkingpiece.session.SessionDirectory;
import org.talkingpiece.session.SessionService;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.web.Routes;
import org.talkingpiece.web.Web;

/**
 * A session's report for its facilitator: JSON ({@code GET /api/sessions/ID/report}, or as a file from
 * {@code .../report.json}), CSV ({@code .../report.csv}), the printable page ({@code GET /console/sessions/ID/report}), and deleting the
 * session from there ({@code POST /console/sessions/ID/delete}: first a confirmation page, then, with
 * {@code confirm=delete}, the deletion and a redirect to {@code /console}). Forms carry the CSRF token.
 * Handlers stay thin: the figures come from {@link ReportService}. Holds no per-request state.
 */
public final class ReportRoutes implements Routes {
  static final String CONFIRM_FIELD = "confirm";
  static final String CONFIRM_VALUE = "delete";

  private final SessionService sessions;
  private final ReportService reports;
  private final ZoneId zone;

  public ReportRoutes(SessionService sessions, ReportService reports, ZoneId zone) {
    this.sessions = sessions;
    this.reports = reports;
    this.zone = zone;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    var facilitator = Auth.require(Role.FACILITATOR);
    router.get("/api/sessions/:id/report").handler(facilitator).handler(ctx -> json(ctx, false));
    router.get("/api/sessions/:id/report.json").handler(facilitator).handler(ctx -> json(ctx, true));
    router.get("/api/sessions/:id/report.csv").handler(facilitator).handler(this::csv);
    router.get("/console/sessions/:id/report").handler(facilitator).handler(this::page);
    router.post("/console/sessions/:id/delete").handler(Auth.require(Role.FACILITATOR, Role.ADMIN))
        .handler(this::delete);
  }

  /** The JSON report; as a download ({@code report.json}) it comes with a file name. */
  private void json(RoutingContext ctx, boolean download) {
    mine(ctx).compose(entry -> reports.report(entry, ReportDocument::toJson).map(json -> {
      if (download) {
        ctx.response().putHeader("Content-Disposition", attachment(entry, "json"));
      }
      return json;
    })).onSuccess(json -> Web.json(ctx, 200, json)).onFailure(e -> Web.fail(ctx, e));
  }

  private void csv(RoutingContext ctx) {
    mine(ctx).compose(entry -> reports.report(entry, ReportDocument::toCsv).map(csv -> Map.entry(entry, csv)))
        .onSuccess(done -> ctx.response().setStatusCode(200)
            .putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", attachment(done.getKey(), "csv"))
            .putHeader("Cache-Control", "no-store")
            .end(done.getValue()))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void page(RoutingContext ctx) {
    mine(ctx).compose(entry -> reports.report(entry, r -> pageModel(entry, r)))
        .onSuccess(model -> Web.page(ctx, "pages/report", model))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private Map<String, Object> pageModel(SessionDirectory.Entry entry, ReportDocument r) {
    Map<String, Object> model = ReportPage.model(r, zone, "/api/sessions/" + entry.id() + "/report");
    model.put("consoleUrl", "/console/sessions/" + entry.id());
    model.put("deleteUrl", deleteUrl(entry));
    return model;
  }

  /**
   * Without {@code confirm=delete} this only asks (a page that says what goes, with the same form once
   * more); with it, the session and everything in it are deleted and the browser goes to the session list.
   */
  private void delete(RoutingContext ctx) {
    Account who = account(ctx);
    boolean confirmed = CONFIRM_VALUE.equals(ctx.request().getFormAttribute(CONFIRM_FIELD));
    Future<SessionDirectory.Entry> entry = sessions.forFacilitator(ctx.pathParam("id"), who, true);
    if (!confirmed) {
      entry.onSuccess(e -> {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Delete " + e.title() + "?");
        model.put("sessionTitle", e.title());
        model.put("created", ReportPage.when(e.createdAt(), zone));
        model.put("deleteUrl", deleteUrl(e));
        model.put("reportUrl", "/console/sessions/" + e.id() + "/report");
        model.put("csvUrl", "/api/sessions/" + e.id() + "/report.csv");
        model.put("jsonUrl", "/api/sessions/" + e.id() + "/report.json");
        model.put("confirmField", CONFIRM_FIELD);
        model.put("confirmValue", CONFIRM_VALUE);
        Web.page(ctx, "pages/report-delete", model);
      }).onFailure(e -> Web.fail(ctx, e));
      return;
    }
    entry.compose(e -> sessions.delete(e.id()))
        .onSuccess(v -> ctx.response().setStatusCode(303).putHeader("Location", "/console").end())
        .onFailure(e -> Web.fail(ctx, e));
  }

  private Future<SessionDirectory.Entry> mine(RoutingContext ctx) {
    return sessions.forFacilitator(ctx.pathParam("id"), account(ctx), false);
  }

  private static String deleteUrl(SessionDirectory.Entry entry) {
    return "/console/sessions/" + entry.id() + "/delete";
  }

  private static Account account(RoutingContext ctx) {
    return Auth.current(ctx).orElseThrow(() -> new AppException(ErrorCode.UNAUTHENTICATED, "Please sign in first."));
  }

  /**
   * {@code attachment; filename="talking-piece-SLUG-DATE-ID.EXT"}: the module, the day the session was
   * created (UTC) and the start of its id, so several downloads never overwrite each other. Only
   * letters, digits, '-' and '_' reach the name.
   */
  static String attachment(SessionDirectory.Entry entry, String extension) {
    String slug = entry.moduleSlug() == null ? "session" : entry.moduleSlug().replaceAll("[^A-Za-z0-9_-]", "-");
    String day = Instant.ofEpochMilli(entry.createdAt()).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    String id = entry.id().replaceAll("[^A-Za-z0-9_-]", "");
    String name = "talking-piece-" + slug + "-" + day + "-" + id.substring(0, Math.min(8, id.length())) + "." + extension;
    return "attachment; filename=\"" + name + "\"";
  }
}
