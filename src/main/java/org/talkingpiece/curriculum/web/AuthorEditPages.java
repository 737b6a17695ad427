package org.talkingpiece.curriculum.web;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleStatus;
import org.talkingpiece.curriculum.ModuleStore;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.curriculum.ModuleYaml;
import org.talkingpiece.curriculum.ValidationError;
import org.talkingpiece.curriculum.ValidationResult;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.web.Routes;
import org.talkingpiece.web.Web;

/**
 * Editing a module's open draft: the structured form ({@code /author/modules/{slug}/edit}), the YAML
 * source ({@code .../source}) and the live validation both use ({@code POST .../validate}).
 *
 * <p>Both views save only a document that validates; otherwise the page comes back with the author's
 * input, an error summary at the top and each error at its field. The form's activity buttons (move
 * up, move down, remove, add) change the form without saving, so they work without JavaScript.
 * Published versions are never edited: the store refuses, and these pages only open a draft.
 */
final class AuthorEditPages implements Routes {
  static final String YAML_FIELD = "yaml";

  private final ModuleStore store;
  private final ModuleValidator validator;
  private final Clock clock;

  AuthorEditPages(ModuleStore store, ModuleValidator validator, Clock clock) {
    this.store = store;
    this.validator = validator;
    this.clock = clock;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    router.get("/author/modules/:slug/edit").handler(this::editForm);
    router.post("/author/modules/:slug/edit").handler(this::editPost);
    router.get("/author/modules/:slug/source").handler(this::sourceForm);
    router.post("/author/modules/:slug/source").handler(this::sourcePost);
    router.post("/author/modules/:slug/validate").handler(this::validate);
  }

  /** The open draft: the highest version, if it is a draft; {@code null} otherwise. */
  private Future<Module> openDraft(String slug) {
    return AuthorModulePages.versionsOf(store, slug).compose(versions -> {
      var newest = versions.get(versions.size() - 1);
      return newest.status() == ModuleStatus.DRAFT ? store.get(slug, newest.version()) : Future.succeededFuture(null);
    });
  }

  /** The draft a form was opened on: the version it names, which must still be a draft. */
  private Future<Module> postedDraft(String slug, MultiMap form) {
    return store.get(slug, Reply.version(slug, String.valueOf(form.get("version")))).compose(m ->
        m.status() == ModuleStatus.DRAFT ? Future.succeededFuture(m)
            : Future.failedFuture(AppException.wrongState("Version " + m.version() + " of " + slug + " is "
                + m.status().wireName() + " and cannot change. Open the module again to start a new draft.")));
  }

  private void editForm(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    openDraft(slug).onSuccess(draft -> {
      if (draft == null) {
        Reply.redirect(ctx, "/author/modules/" + slug + "?nodraft=1");
        return;
      }
      Map<String, Object> extra = new HashMap<>();
      if (ctx.request().getParam("saved") != null) {
        extra.put("notice", "Draft saved.");
      } else if (ctx.request().getParam("created") != null) {
        extra.put("notice", "Module created as draft version 1. Fill in the form and save.");
      } else if (ctx.request().getParam("copied") != null) {
        extra.put("notice", "Module copied as draft version 1. Change what you need and save.");
      }
      renderEditor(ctx, 200, draft.document(), List.of(), extra);
    }).onFailure(e -> Web.fail(ctx, e));
  }

  private void editPost(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    MultiMap form = ctx.request().formAttributes();
    String action = form.get("action") == null ? "save" : form.get("action");
    postedDraft(slug, form).onSuccess(draft -> {
      JsonObject doc = ModuleForm.read(form, draft.document(), LocalDate.now(clock));
      if (!action.equals("save")) {
        String notice = change(doc, action, form.get("newType"));
        renderEditor(ctx, 200, doc, List.of(), Map.of("notice", notice + " Nothing is saved until you press “Save draft”."));
        return;
      }
      ValidationResult result = validator.validateJson(ModuleValidator.FORM, doc);
      if (!result.isValid()) {
        renderEditor(ctx, 422, doc, result.errors(), Map.of());
        return;
      }
      store.saveDraft(result.module(), Reply.user(ctx))
          .onSuccess(saved -> Reply.redirect(ctx, "/author/modules/" + slug + "/edit?saved=1"))
          .onFailure(e -> Web.fail(ctx, e));
    }).onFailure(e -> Web.fail(ctx, e));
  }

  /** Applies an activity button ({@code up:3}, {@code down:3}, {@code remove:3}, {@code add}); says what it did. */
  private static String change(JsonObject doc, String action, String newType) {
    String[] parts = action.split(":", 2);
    int index = -1;
    if (parts.length == 2) {
      try {
        index = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw AppException.invalid("Unknown form action \"" + action + "\".");
      }
    }
    switch (parts[0]) {
      case "up":
        return ModuleForm.move(doc, index, -1) ? "Activity " + (index + 1) + " moved up." : "That activity is already first.";
      case "down":
        return ModuleForm.move(doc, index, 1) ? "Activity " + (index + 1) + " moved down." : "That activity is already last.";
      case "remove": {
        String title = ModuleForm.remove(doc, index);
        return title == null ? "There is no such activity." : "Activity " + (index + 1)
            + (title.isBlank() ? "" : " “" + title + "”") + " removed.";
      }
      case "add": {
        String type = Labels.TYPES.stream().anyMatch(c -> c.value().equals(newType)) ? newType : "talk";
        ModuleForm.add(doc, type);
        return "A " + Labels.type(type).toLowerCase() + " activity was added at the end: give it a title and a prompt.";
      }
      default:
        throw AppException.invalid("Unknown form action \"" + action + "\".");
    }
  }

  private void renderEditor(RoutingContext ctx, int status, JsonObject doc, List<ValidationError> errors,
      Map<String, Object> extra) {
    EditorModel editor = EditorModel.build(doc, errors);
    Map<String, Object> model = new HashMap<>(editor.model());
    String slug = doc.getString("slug");
    String moduleTitle = doc.getValue("title") instanceof String t && !t.isBlank() ? t : slug;
    model.put("title", (errors.isEmpty() ? "" : "Error: ") + "Edit " + moduleTitle);
    model.put("moduleTitle", moduleTitle);
    model.put("slug", slug);
    model.put("version", doc.getValue("version"));
    model.put("typeChoices", Labels.options(Labels.TYPES));
    model.put("navEdit", true);
    model.putAll(extra);
    Reply.page(ctx, status, "pages/author-edit", model);
  }

  private void sourceForm(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    openDraft(slug).onSuccess(draft -> {
      if (draft == null) {
        Reply.redirect(ctx, "/author/modules/" + slug + "?nodraft=1");
        return;
      }
      Map<String, Object> extra = new HashMap<>();
      if (ctx.request().getParam("saved") != null) {
        extra.put("notice", "Draft saved.");
      }
      renderSource(ctx, 200, draft, ModuleYaml.export(draft), List.of(), extra);
    }).onFailure(e -> Web.fail(ctx, e));
  }

  private void sourcePost(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    MultiMap form = ctx.request().formAttributes();
    String yaml = ModuleForm.normalise(form.get(YAML_FIELD) == null ? "" : form.get(YAML_FIELD));
    postedDraft(slug, form).onSuccess(draft -> {
      ValidationResult result = validator.validateYaml(ModuleValidator.FORM, yaml);
      List<ValidationError> errors = new ArrayList<>(result.errors());
      if (result.isValid()) {
        errors.addAll(identity(result.module(), draft));
      }
      if (!errors.isEmpty()) {
        renderSource(ctx, 422, draft, yaml, errors, Map.of());
        return;
      }
      store.saveDraft(result.module(), Reply.user(ctx))
          .onSuccess(saved -> Reply.redirect(ctx, "/author/modules/" + slug + "/source?saved=1"))
          .onFailure(e -> Web.fail(ctx, e));
    }).onFailure(e -> Web.fail(ctx, e));
  }

  /** The YAML may change anything but which module and version it is. */
  private static List<ValidationError> identity(Module edited, Module draft) {
    List<ValidationError> errors = new ArrayList<>();
    if (!edited.slug().equals(draft.slug())) {
      errors.add(new ValidationError(ModuleValidator.FORM, "slug", "this draft belongs to \"" + draft.slug()
          + "\"; to make a new module from it, use “Copy” on the module's page"));
    }
    if (edited.version() != draft.version()) {
      errors.add(new ValidationError(ModuleValidator.FORM, "version", "this draft is version " + draft.version()
          + "; the version is not changed here (publish it, then edit again to start the next one)"));
    }
    return errors;
  }

  private void renderSource(RoutingContext ctx, int status, Module draft, String yaml, List<ValidationError> errors,
      Map<String, Object> extra) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", (errors.isEmpty() ? "" : "Error: ") + "Edit " + draft.title() + " as YAML");
    model.put("moduleTitle", draft.title());
    model.put("slug", draft.slug());
    model.put("version", draft.version());
    model.put("yaml", yaml);
    model.put("navSource", true);
    model.put("rows", Math.min(40, Math.max(12, (int) yaml.lines().count() + 2)));
    List<Map<String, Object>> list = new ArrayList<>();
    for (ValidationError e : errors) {
      list.add(Map.of("href", "#" + YAML_FIELD, "text", sourceText(e)));
    }
    model.put("errorList", list);
    model.put("yamlError", errors.isEmpty() ? null : errors.size() == 1 ? sourceText(errors.get(0))
        : "There are " + errors.size() + " problems, listed at the top of the page.");
    model.putAll(extra);
    Reply.page(ctx, status, "pages/author-source", model);
  }

  private static String sourceText(ValidationError e) {
    String message = Character.toUpperCase(e.message().charAt(0)) + e.message().substring(1);
    return e.path().isEmpty() ? message : e.path() + ": " + message;
  }

  /**
   * Checks the form or the YAML as it stands, without saving: {@code {valid, errors: [{path, field,
   * label, message}], totalMinutes, csrfToken}}. {@code field} is the element id to show the error at.
   */
  private void validate(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    MultiMap form = ctx.request().formAttributes();
    postedDraft(slug, form).onSuccess(draft -> {
      JsonObject body = new JsonObject();
      JsonArray errors = new JsonArray();
      if (form.contains(YAML_FIELD)) {
        ValidationResult result = validator.validateYaml(ModuleValidator.FORM, ModuleForm.normalise(form.get(YAML_FIELD)));
        List<ValidationError> all = new ArrayList<>(result.errors());
        if (result.isValid()) {
          all.addAll(identity(result.module(), draft));
        }
        all.forEach(e -> errors.add(new JsonObject().put("path", e.path()).put("field", YAML_FIELD)
            .put("label", e.path()).put("message", sourceText(e))));
      } else {
        JsonObject doc = ModuleForm.read(form, draft.document(), LocalDate.now(clock));
        EditorModel editor = EditorModel.build(doc, validator.validateJson(ModuleValidator.FORM, doc).errors());
        editor.errors().forEach(e -> errors.add(new JsonObject().put("path", e.path()).put("field", e.field())
            .put("label", e.label()).put("message", e.message())));
        body.put("totalMinutes", editor.totalMinutes());
      }
      String token = Reply.csrfToken(ctx);
      ctx.response().putHeader(CSRFHandler.DEFAULT_HEADER_NAME, token);
      Web.json(ctx, 200, body.put("valid", errors.isEmpty()).put("errors", errors).put("csrfToken", token));
    }).onFailure(e -> Web.fail(ctx, e));
  }
}
