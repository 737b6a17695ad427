package org.talkingpiece.curriculum.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.curriculum.ModuleStatus;
import org.talkingpiece.curriculum.ModuleStore;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.curriculum.ValidationError;
import org.talkingpiece.curriculum.ValidationResult;
import org.talkingpiece.curriculum.VersionInfo;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.web.Routes;
import org.talkingpiece.web.Web;

/**
 * The authors' module list ({@code /author}) and the ways a module begins: a new one from a starter
 * draft, an uploaded YAML file, or a copy of another module. Plain forms; each POST either redirects
 * to the result or shows the list (or the copy form) again with the errors at the fields.
 */
final class AuthorListPages implements Routes {
  /** Element ids of the small forms' fields (the templates use the same). */
  static final String NEW_SLUG = "newSlug";
  static final String NEW_TITLE = "newTitle";
  static final String IMPORT_FILE = "importFile";
  static final String COPY_SLUG = "copySlug";
  static final String COPY_FROM = "copyFrom";
  /** The same limit as every other request body. */
  static final long MAX_UPLOAD_BYTES = 1024 * 1024;

  private final ModuleStore store;
  private final ModuleValidator validator;
  private final Path uploadsDir;
  private final Clock clock;

  AuthorListPages(ModuleStore store, ModuleValidator validator, Path uploadsDir, Clock clock) {
    this.store = store;
    this.validator = validator;
    this.uploadsDir = uploadsDir;
    this.clock = clock;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    // The shared body handler ignores file uploads, so that no other route writes files to disk.
    // This one route takes a file: its own body handler runs first (order -1, before the shared
    // handlers), saves the upload to a temporary file and deletes it once the response is sent.
    router.post("/author/import").order(-1).handler(BodyHandler.create(uploadsDir.toString())
        .setBodyLimit(MAX_UPLOAD_BYTES).setDeleteUploadedFilesOnEnd(true));
    router.get("/author").handler(ctx -> list(ctx, 200, new HashMap<>()));
    router.post("/author/modules").handler(this::create);
    router.post("/author/import").handler(ctx -> importFile(ctx, vertx));
    router.get("/author/modules/:slug/duplicate").handler(ctx -> copyForm(ctx, 200, new HashMap<>()));
    router.post("/author/modules/:slug/duplicate").handler(this::duplicate);
  }

  private void list(RoutingContext ctx, int status, Map<String, Object> extra) {
    store.listAll().onSuccess(all -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", extra.containsKey("errorList") ? "Error: Modules" : "Modules");
      model.put("modules", rows(all));
      model.putAll(extra);
      Reply.page(ctx, status, "pages/author-list", model);
    }).onFailure(e -> Web.fail(ctx, e));
  }

  /** One row per module: its newest version, and which versions are published or open as drafts. */
  private static List<Map<String, Object>> rows(List<VersionInfo> all) {
    Map<String, List<VersionInfo>> bySlug = new LinkedHashMap<>();
    all.forEach(v -> bySlug.computeIfAbsent(v.slug(), s -> new ArrayList<>()).add(v));
    List<Map<String, Object>> rows = new ArrayList<>();
    bySlug.forEach((slug, versions) -> {
      VersionInfo newest = versions.get(versions.size() - 1);
      Integer published = versions.stream().filter(v -> v.status() == ModuleStatus.PUBLISHED)
          .map(VersionInfo::version).reduce((a, b) -> b).orElse(null);
      Map<String, Object> row = new HashMap<>();
      row.put("slug", slug);
      row.put("title", newest.title());
      row.put("versions", versions.size());
      row.put("published", published);
      row.put("draft", newest.status() == ModuleStatus.DRAFT ? newest.version() : null);
      row.put("updated", Labels.when(newest.updatedAt()));
      row.put("updatedBy", newest.updatedBy());
      rows.add(row);
    });
    return rows;
  }

  private void create(RoutingContext ctx) {
    String slug = field(ctx, "slug");
    String title = field(ctx, "title");
    Map<String, Object> form = new HashMap<>(Map.of("slug", slug, "title", title));
    FieldErrors errors = new FieldErrors();
    String slugProblem = Reply.slugProblem(slug);
    if (slugProblem != null) {
      errors.add(NEW_SLUG, "Slug", slugProblem);
    }
    ValidationResult result = validator.validateJson(ModuleValidator.FORM,
        Starter.document(slugProblem == null ? slug : "new-module", title, Reply.user(ctx), LocalDate.now(clock)));
    for (ValidationError e : result.errors()) {
      errors.add(e.path().equals("title") ? NEW_TITLE : null, e.path().equals("title") ? "Title" : e.path(), e.message());
    }
    if (!errors.isEmpty()) {
      list(ctx, 400, errors.into(new HashMap<>(Map.of("newForm", form))));
      return;
    }
    store.versions(slug)
        .compose(existing -> existing.isEmpty() ? store.saveDraft(result.module(), Reply.user(ctx))
            : Future.failedFuture(new AppException(ErrorCode.CONFLICT, "A module called " + slug
                + " already exists. Choose another slug, or open it from the list.")))
        .onSuccess(m -> Reply.redirect(ctx, "/author/modules/" + m.slug() + "/edit?created=1"))
        .onFailure(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.CONFLICT) {
            list(ctx, 409, new FieldErrors().add(NEW_SLUG, "Slug", app.getMessage())
                .into(new HashMap<>(Map.of("newForm", form))));
          } else {
            Web.fail(ctx, e);
          }
        });
  }

  private void importFile(RoutingContext ctx, Vertx vertx) {
    FileUpload upload = ctx.fileUploads().stream().filter(u -> "file".equals(u.name())).findFirst().orElse(null);
    if (upload == null || upload.fileName() == null || upload.fileName().isBlank()) {
      list(ctx, 400, new FieldErrors().add(IMPORT_FILE, "File", "Choose a YAML file to import.").into(new HashMap<>()));
      return;
    }
    String name = Path.of(upload.fileName().replace('\\', '/')).getFileName().toString();
    vertx.fileSystem().readFile(upload.uploadedFileName())
        .map(AuthorListPages::text)
        .compose(text -> {
          ValidationResult result = validator.validateYaml(name, text);
          if (!result.isValid()) {
            FieldErrors errors = new FieldErrors();
            result.errors().forEach(e -> errors.add(IMPORT_FILE, e.path().isEmpty() ? name : name + ", " + e.path(),
                e.message()));
            list(ctx, 422, errors.into(new HashMap<>(Map.of("importName", name))));
            return Future.succeededFuture();
          }
          return store.saveDraft(result.module(), Reply.user(ctx))
              .onSuccess(m -> Reply.redirect(ctx, "/author/modules/" + m.slug() + "?imported=" + m.version()))
              .mapEmpty();
        })
        .onFailure(e -> {
          if (e instanceof AppException app && (app.code() == ErrorCode.CONFLICT || app.code() == ErrorCode.WRONG_STATE)) {
            list(ctx, 409, new FieldErrors().add(IMPORT_FILE, name, app.getMessage())
                .into(new HashMap<>(Map.of("importName", name))));
          } else {
            Web.fail(ctx, e);
          }
        });
  }

  private void copyForm(RoutingContext ctx, int status, Map<String, Object> extra) {
    String slug = Reply.slug(ctx);
    store.versions(slug).onSuccess(versions -> {
      if (versions.isEmpty()) {
        Web.fail(ctx, AppException.notFound("There is no module called " + slug + "."));
        return;
      }
      VersionInfo newest = versions.get(versions.size() - 1);
      String from = String.valueOf(extra.getOrDefault("from", newest.version()));
      Map<String, Object> model = new HashMap<>();
      model.put("title", (extra.containsKey("errorList") ? "Error: " : "") + "Copy " + newest.title());
      model.put("slug", slug);
      model.put("moduleTitle", newest.title());
      model.put("versions", versions.stream().map(v -> Map.of("value", String.valueOf(v.version()),
          "label", "Version " + v.version() + " (" + Labels.status(v.status()).toLowerCase() + ")",
          "selected", String.valueOf(v.version()).equals(from))).toList());
      model.putAll(extra);
      Reply.page(ctx, status, "pages/author-duplicate", model);
    }).onFailure(e -> Web.fail(ctx, e));
  }

  private void duplicate(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    String newSlug = field(ctx, "newSlug");
    String from = field(ctx, "from");
    Map<String, Object> state = new HashMap<>(Map.of("newSlug", newSlug, "from", from));
    String problem = Reply.slugProblem(newSlug);
    if (problem != null) {
      copyForm(ctx, 400, new FieldErrors().add(COPY_SLUG, "New slug", problem).into(state));
      return;
    }
    int version;
    try {
      version = Reply.version(slug, from);
    } catch (AppException e) {
      copyForm(ctx, 400, new FieldErrors().add(COPY_FROM, "Version to copy", "Choose a version to copy.").into(state));
      return;
    }
    store.duplicate(slug, version, newSlug, Reply.user(ctx))
        .onSuccess(m -> Reply.redirect(ctx, "/author/modules/" + m.slug() + "/edit?copied=1"))
        .onFailure(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.CONFLICT) {
            copyForm(ctx, 409, new FieldErrors().add(COPY_SLUG, "New slug", app.getMessage() + ". Choose another slug.")
                .into(state));
          } else if (e instanceof AppException app && app.code() == ErrorCode.NOT_FOUND) {
            copyForm(ctx, 400, new FieldErrors().add(COPY_FROM, "Version to copy", app.getMessage()).into(state));
          } else {
            Web.fail(ctx, e);
          }
        });
  }

  private static String field(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value.trim();
  }

  /** UTF-8 text without the byte-order mark some editors put first. */
  private static String text(Buffer bytes) {
    String text = bytes.toString(StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
