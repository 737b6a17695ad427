package org.talkingpiece.curriculum.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.talkingpiece.accounts.Auth;
import org.talkingpiece.accounts.Role;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleStatus;
import org.talkingpiece.curriculum.ModuleStore;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.curriculum.ModuleYaml;
import org.talkingpiece.curriculum.ValidationError;
import org.talkingpiece.curriculum.ValidationResult;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.web.Routes;
import org.talkingpiece.web.Web;

/**
 * The modules API (docs/api.md):
 * <ul>
 *   <li>{@code GET /api/modules} (anyone) → the latest published version of each module,
 *       {@code [{slug, version, title, summary, durationMinutes}]}</li>
 *   <li>{@code GET /api/modules/{slug}} (anyone) → its latest published version;
 *       {@code GET /api/modules/{slug}/versions/{version}} → that version, if published or retired,
 *       or a draft for authors (404 for everyone else). Facilitators and authors get the whole
 *       document; everyone else the participant view, without facilitator notes or preparation.</li>
 *   <li>{@code GET /api/modules/{slug}/versions/{version}.yaml} (facilitator or author) → the YAML
 *       file, as {@code content/modules/<slug>.yaml} would hold it</li>
 *   <li>{@code POST /api/modules} (author), a YAML body → {@code 201} the stored draft</li>
 *   <li>{@code PUT /api/modules/{slug}/draft} (author), a JSON or YAML body → {@code 200} the stored draft</li>
 *   <li>{@code POST /api/modules/{slug}/versions/{version}/publish} (author) → {@code 200} the published version</li>
 * </ul>
 * A document that does not validate answers {@code 422} with
 * {@code {"error": "invalid-input", "message", "errors": [{source, path, message}]}}: every problem at
 * once, each naming the file (or "request body"), where in the document, and what is wrong.
 */
final class ModuleApi implements Routes {
  static final Set<String> YAML_TYPES = Set.of("text/yaml", "application/yaml", "application/x-yaml", "text/x-yaml");
  /** The source named in errors when a YAML body comes without a file name. */
  static final String REQUEST_BODY = "request body";
  private static final String YAML_SUFFIX = ".yaml";

  private final ModuleStore store;
  private final ModuleValidator validator;

  ModuleApi(ModuleStore store, ModuleValidator validator) {
    this.store = store;
    this.validator = validator;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    router.get("/api/modules").handler(this::list);
    router.get("/api/modules/:slug").handler(this::latest);
    router.get("/api/modules/:slug/versions/:version").handler(this::version);
    router.post("/api/modules").handler(Auth.require(Role.AUTHOR)).handler(this::importYaml);
    router.put("/api/modules/:slug/draft").handler(Auth.require(Role.AUTHOR)).handler(this::saveDraft);
    router.post("/api/modules/:slug/versions/:version/publish").handler(Auth.require(Role.AUTHOR))
        .handler(this::publish);
  }

  private void list(RoutingContext ctx) {
    Web.reply(ctx, 200, store.listPublished().map(all -> new JsonArray(all.stream()
        .map(s -> new JsonObject().put("slug", s.slug()).put("version", s.version()).put("title", s.title())
            .put("summary", s.summary()).put("durationMinutes", s.durationMinutes()))
        .toList())));
  }

  private void latest(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    Web.reply(ctx, 200, store.latestPublished(slug)
        .recover(e -> Future.failedFuture(notFound(e, "There is no published version of " + slug + ".")))
        .map(m -> view(ctx, m)));
  }

  private void version(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    String param = ctx.pathParam("version");
    boolean yaml = param.endsWith(YAML_SUFFIX);
    int version = Reply.version(slug, yaml ? param.substring(0, param.length() - YAML_SUFFIX.length()) : param);
    if (yaml && !Reply.seesFacilitatorNotes(ctx)) {
      throw Auth.current(ctx).isEmpty() ? new AppException(ErrorCode.UNAUTHENTICATED, "Please sign in first.")
          : AppException.forbidden("Your account is not allowed to do this: it needs the Facilitator or Author role.");
    }
    visible(ctx, slug, version)
        .onSuccess(m -> {
          if (yaml) {
            ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + m.slug() + ".yaml\"")
                .putHeader("Cache-Control", "no-store")
                .end(ModuleYaml.export(m));
          } else {
            Web.json(ctx, 200, view(ctx, m));
          }
        })
        .onFailure(e -> Web.fail(ctx, e));
  }

  /** A stored version the caller may read: drafts only for authors; for others a draft does not exist. */
  private Future<Module> visible(RoutingContext ctx, String slug, int version) {
    return store.get(slug, version).compose(m -> m.status() != ModuleStatus.DRAFT || Reply.isAuthor(ctx)
        ? Future.succeededFuture(m)
        : Future.failedFuture(AppException.notFound("There is no module version " + Module.key(slug, version) + ".")));
  }

  private static JsonObject view(RoutingContext ctx, Module m) {
    return Reply.seesFacilitatorNotes(ctx) ? m.fullView() : m.participantView();
  }

  private void importYaml(RoutingContext ctx) {
    requireYaml(ctx);
    String fileName = fileName(ctx);
    ValidationResult result = validator.validateYaml(fileName == null ? ModuleValidator.FORM : fileName, text(ctx));
    if (!result.isValid()) {
      invalid(ctx, result.errors());
      return;
    }
    store.saveDraft(result.module(), Reply.user(ctx))
        .onSuccess(saved -> {
          ctx.response().putHeader("Location", "/api/modules/" + saved.slug() + "/versions/" + saved.version());
          Web.json(ctx, 201, saved.fullView());
        })
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void saveDraft(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    ValidationResult result = isYaml(ctx)
        ? validator.validateYaml(ModuleValidator.FORM, text(ctx))
        : validator.validateJson(ModuleValidator.FORM, Web.body(ctx));
    if (!result.isValid()) {
      invalid(ctx, result.errors());
      return;
    }
    if (!result.module().slug().equals(slug)) {
      invalid(ctx, List.of(new ValidationError(ModuleValidator.FORM, "slug", "the document's slug is \""
          + result.module().slug() + "\" but the address is for \"" + slug + "\"")));
      return;
    }
    Web.reply(ctx, 200, store.saveDraft(result.module(), Reply.user(ctx)).map(Module::fullView));
  }

  private void publish(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    int version = Reply.version(slug, ctx.pathParam("version"));
    Web.reply(ctx, 200, store.publish(slug, version, Reply.user(ctx)).map(Module::fullView));
  }

  /** 422 with every error; the form's source name reads "request body" to an API caller. */
  static void invalid(RoutingContext ctx, List<ValidationError> errors) {
    JsonArray list = new JsonArray();
    List<String> lines = new ArrayList<>();
    for (ValidationError e : errors) {
      String source = ModuleValidator.FORM.equals(e.source()) ? REQUEST_BODY : e.source();
      list.add(new JsonObject().put("source", source).put("path", e.path()).put("message", e.message()));
      lines.add(new ValidationError(source, e.path(), e.message()).toString());
    }
    String noun = errors.size() == 1 ? "problem" : "problems";
    JsonObject body = Web.errorBody(ErrorCode.INVALID_INPUT, "The module is not valid (" + errors.size() + " "
        + noun + "): " + String.join("; ", lines)).put("errors", list);
    Web.json(ctx, 422, body);
  }

  private static void requireYaml(RoutingContext ctx) {
    if (!isYaml(ctx)) {
      throw AppException.invalid("Send the module as YAML, with Content-Type text/yaml or application/x-yaml.");
    }
  }

  private static boolean isYaml(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && YAML_TYPES.contains(type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
  }

  /** The body as text, without the byte-order mark some editors write. */
  private static String text(RoutingContext ctx) {
    String text = ctx.body().asString("UTF-8");
    text = text == null ? "" : text;
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** A file name sent as {@code Content-Disposition: attachment; filename="x.yaml"}, or {@code null}. */
  static String fileName(RoutingContext ctx) {
    String disposition = ctx.request().getHeader("Content-Disposition");
    if (disposition == null) {
      return null;
    }
    for (String part : disposition.split(";")) {
      String p = part.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("filename=")) {
        String name = p.substring("filename=".length()).replace("\"", "").trim();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        return name.isEmpty() ? null : name;
      }
    }
    return null;
  }

  private static Throwable notFound(Throwable e, String message) {
    return e instanceof AppException app && app.code() == ErrorCode.NOT_FOUND ? AppException.notFound(message) : e;
  }
}
