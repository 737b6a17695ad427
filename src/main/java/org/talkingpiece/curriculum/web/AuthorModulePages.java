package org.talkingpiece.curriculum.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.curriculum.Markdown;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleDiff;
import org.talkingpiece.curriculum.ModuleStatus;
import org.talkingpiece.curriculum.ModuleStore;
import org.talkingpiece.curriculum.VersionInfo;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.web.Routes;
import org.talkingpiece.web.Web;

/**
 * One module for its authors: its versions and change log ({@code /author/modules/{slug}}), starting
 * or opening the draft, the preview, publishing (after a confirmation page) and the history with a
 * readable diff between any two versions.
 */
final class AuthorModulePages implements Routes {
  private final ModuleStore store;

  AuthorModulePages(ModuleStore store) {
    this.store = store;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    router.get("/author/modules/:slug").handler(this::overview);
    router.post("/author/modules/:slug/draft").handler(this::startDraft);
    router.get("/author/modules/:slug/preview").handler(this::preview);
    router.get("/author/modules/:slug/history").handler(this::history);
    router.get("/author/modules/:slug/versions/:version/publish").handler(this::confirmPublish);
    router.post("/author/modules/:slug/versions/:version/publish").handler(this::publish);
  }

  /** Every version of a slug, lowest first; NOT_FOUND when there is none. */
  static Future<List<VersionInfo>> versionsOf(ModuleStore store, String slug) {
    return store.versions(slug).compose(v -> v.isEmpty()
        ? Future.failedFuture(AppException.notFound("There is no module called " + slug + "."))
        : Future.succeededFuture(v));
  }

  private void overview(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    versionsOf(store, slug)
        .compose(versions -> store.get(slug, versions.get(versions.size() - 1).version())
            .map(newest -> overviewModel(ctx, versions, newest)))
        .onSuccess(model -> Reply.page(ctx, 200, "pages/author-module", model))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private static Map<String, Object> overviewModel(RoutingContext ctx, List<VersionInfo> versions, Module newest) {
    String slug = newest.slug();
    Map<String, Object> model = new HashMap<>();
    model.put("title", newest.title());
    model.put("slug", slug);
    model.put("navOverview", true);
    boolean draftOpen = newest.status() == ModuleStatus.DRAFT;
    model.put("draftVersion", draftOpen ? newest.version() : null);
    model.put("nextVersion", newest.version() + 1);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      VersionInfo v = versions.get(i);
      Map<String, Object> row = new HashMap<>();
      row.put("version", v.version());
      row.put("status", Labels.status(v.status()));
      row.put("isDraft", v.status() == ModuleStatus.DRAFT);
      row.put("title", v.title());
      row.put("updated", Labels.when(v.updatedAt()));
      row.put("updatedBy", v.updatedBy());
      rows.add(row);
    }
    model.put("versions", rows);
    model.put("changeLog", changeLog(newest));
    model.put("canCompare", versions.size() > 1);
    String published = ctx.request().getParam("published");
    String imported = ctx.request().getParam("imported");
    if (published != null) {
      model.put("notice", "Version " + published + " is published. Sessions started from now on use it; "
          + "sessions that ran on earlier versions keep theirs.");
    } else if (imported != null) {
      model.put("notice", "The file was imported as draft version " + imported + ".");
    } else if (ctx.request().getParam("nodraft") != null) {
      model.put("notice", "There is no draft to edit. Press “Edit” to start version " + (newest.version() + 1) + ".");
    }
    return model;
  }

  /** The change log, newest first, for the versions up to this one. */
  private static List<Map<String, Object>> changeLog(Module m) {
    List<Map<String, Object>> out = new ArrayList<>();
    JsonArray log = m.document().getJsonArray("changeLog", new JsonArray());
    for (int i = log.size() - 1; i >= 0; i--) {
      JsonObject e = log.getJsonObject(i);
      out.add(Map.of("version", e.getValue("version"), "date", e.getString("date", ""),
          "summary", e.getString("summary", "")));
    }
    return out;
  }

  private void startDraft(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    store.startDraft(slug, Reply.user(ctx))
        .onSuccess(draft -> Reply.redirect(ctx, "/author/modules/" + slug + "/edit"))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void preview(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    String asked = ctx.request().getParam("version");
    versionsOf(store, slug)
        .compose(versions -> store.get(slug, asked == null ? versions.get(versions.size() - 1).version()
            : Reply.version(slug, asked)).map(m -> previewModel(m, versions)))
        .onSuccess(model -> Reply.page(ctx, 200, "pages/author-preview", model))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private static Map<String, Object> previewModel(Module m, List<VersionInfo> versions) {
    JsonObject doc = m.document();
    Map<String, Object> model = new HashMap<>();
    model.put("title", "Preview: " + m.title());
    model.put("navPreview", true);
    model.put("moduleTitle", m.title());
    model.put("slug", m.slug());
    model.put("version", m.version());
    model.put("status", Labels.status(m.status()).toLowerCase());
    model.put("isDraft", m.status() == ModuleStatus.DRAFT);
    model.put("summaryHtml", Markdown.render(m.summary()));
    model.put("duration", Labels.minutes(m.durationMinutes()));
    model.put("threshold", m.anonymityThreshold());
    JsonObject audience = doc.getJsonObject("audience", new JsonObject());
    JsonObject groupSize = audience.getJsonObject("groupSize", new JsonObject());
    model.put("level", Labels.of(Labels.LEVELS, audience.getString("level")));
    model.put("groupSize", groupSize.getValue("min") + " to " + groupSize.getValue("max") + " people");
    model.put("prerequisites", markdownList(audience.getJsonArray("prerequisites")));
    model.put("outcomes", markdownList(doc.getJsonArray("outcomes")));
    model.put("contentNotes", m.contentNotes());
    JsonObject preparation = doc.getJsonObject("preparation", new JsonObject());
    model.put("materials", markdownList(preparation.getJsonArray("materials")));
    model.put("reading", markdownList(preparation.getJsonArray("reading")));
    model.put("coFacilitatorsHtml", Markdown.render(preparation.getString("coFacilitators")));
    model.put("preparationNotesHtml", Markdown.render(preparation.getString("notes")));
    for (String field : java.util.List.of("preBrief", "selfDebrief", "ifLate")) {
      String text = doc.getString(field);
      model.put(field + "Html", text == null ? null : Markdown.render(text));
    }
    model.put("activities", ActivityViews.agenda(m));
    model.put("otherVersions", versions.stream().filter(v -> v.version() != m.version())
        .map(v -> Map.of("version", v.version(), "status", Labels.status(v.status()).toLowerCase())).toList());
    return model;
  }

  private static List<String> markdownList(JsonArray items) {
    List<String> out = new ArrayList<>();
    if (items != null) {
      items.forEach(i -> out.add(Markdown.render(String.valueOf(i))));
    }
    return out;
  }

  private void confirmPublish(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    int version = Reply.version(slug, ctx.pathParam("version"));
    store.get(slug, version).onSuccess(m -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", "Publish version " + version + " of " + m.title());
      model.put("moduleTitle", m.title());
      model.put("slug", slug);
      model.put("version", version);
      model.put("next", version + 1);
      model.put("isDraft", m.status() == ModuleStatus.DRAFT);
      model.put("status", Labels.status(m.status()).toLowerCase());
      JsonObject change = ModuleForm.currentChange(m.document());
      String summary = change == null ? "" : change.getString("summary", "");
      model.put("changeSummary", summary);
      model.put("placeholderSummary", summary.isBlank() || summary.equals("Work in progress."));
      model.put("activityCount", m.activities().size());
      model.put("duration", Labels.minutes(m.durationMinutes()));
      Reply.page(ctx, 200, "pages/author-publish", model);
    }).onFailure(e -> Web.fail(ctx, e));
  }

  private void publish(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    int version = Reply.version(slug, ctx.pathParam("version"));
    store.publish(slug, version, Reply.user(ctx))
        .onSuccess(m -> Reply.redirect(ctx, "/author/modules/" + slug + "?published=" + version))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private void history(RoutingContext ctx) {
    String slug = Reply.slug(ctx);
    versionsOf(store, slug).compose(versions -> {
      int newest = versions.get(versions.size() - 1).version();
      int to = param(ctx, "to", slug, newest);
      int from = param(ctx, "from", slug, versions.size() > 1 ? versions.get(versions.size() - 2).version() : newest);
      return Future.all(store.get(slug, from), store.get(slug, to), store.get(slug, newest))
          .map(all -> historyModel(versions, all.resultAt(0), all.resultAt(1), all.resultAt(2)));
    }).onSuccess(model -> Reply.page(ctx, 200, "pages/author-history", model))
        .onFailure(e -> Web.fail(ctx, e));
  }

  private static int param(RoutingContext ctx, String name, String slug, int fallback) {
    String text = ctx.request().getParam(name);
    return text == null || text.isBlank() ? fallback : Reply.version(slug, text);
  }

  private static Map<String, Object> historyModel(List<VersionInfo> versions, Module from, Module to, Module newest) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "History of " + newest.title());
    model.put("navHistory", true);
    model.put("moduleTitle", newest.title());
    model.put("slug", newest.slug());
    model.put("fromVersion", from.version());
    model.put("toVersion", to.version());
    model.put("fromChoices", choices(versions, from.version()));
    model.put("toChoices", choices(versions, to.version()));
    model.put("canCompare", versions.size() > 1);
    model.put("same", from.version() == to.version());
    Map<Object, String> summaries = new HashMap<>();
    changeLog(newest).forEach(e -> summaries.put(String.valueOf(e.get("version")), String.valueOf(e.get("summary"))));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      VersionInfo v = versions.get(i);
      rows.add(Map.of("version", v.version(), "status", Labels.status(v.status()),
          "updated", Labels.when(v.updatedAt()), "updatedBy", v.updatedBy() == null ? "" : v.updatedBy(),
          "summary", summaries.getOrDefault(String.valueOf(v.version()), "")));
    }
    model.put("versions", rows);
    List<ModuleDiff.Line> lines = from.version() == to.version() ? List.of() : ModuleDiff.between(from, to);
    model.put("diff", DiffView.lines(lines, from.version(), to.version()));
    model.put("noChanges", from.version() != to.version() && lines.isEmpty());
    model.put("added", lines.stream().filter(l -> l.kind() == ModuleDiff.Kind.ADDED).count());
    model.put("removed", lines.stream().filter(l -> l.kind() == ModuleDiff.Kind.REMOVED).count());
    return model;
  }

  private static List<Map<String, Object>> choices(List<VersionInfo> versions, int selected) {
    return versions.stream().map(v -> Map.<String, Object>of("value", v.version(),
        "label", "Version " + v.version() + " (" + Labels.status(v.status()).toLowerCase() + ")",
        "selected", v.version() == selected)).toList();
  }
}
