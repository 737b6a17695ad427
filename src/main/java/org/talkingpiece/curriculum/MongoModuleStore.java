package org.talkingpiece.curriculum;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * {@link ModuleStore} over the {@code modules} collection. One document per version, {@code _id}
 * = {@code slug@version} (never an ObjectId), the authored document plus server fields
 * {@code updatedAt}, {@code updatedBy} and {@code contentHash}.
 *
 * <p>No transactions (the embedded server has none), so every change is a single write that
 * either happens or not: new versions are inserts that the unique key refuses if they exist;
 * status changes and draft saves are one find-and-modify whose filter names the status they
 * expect, so a published version can never be overwritten, even by a racing request.
 */
final class MongoModuleStore implements ModuleStore {
  static final String COLLECTION = "modules";
  private static final String DRAFT = ModuleStatus.DRAFT.wireName();
  private static final String PUBLISHED = ModuleStatus.PUBLISHED.wireName();

  private final MongoClient client;
  private final ModuleValidator validator;
  private final Clock clock;

  private MongoModuleStore(MongoClient client, ModuleValidator validator, Clock clock) {
    this.client = client;
    this.validator = validator;
    this.clock = clock;
  }

  static Future<ModuleStore> create(MongoClient client, ModuleValidator validator, Clock clock) {
    MongoModuleStore store = new MongoModuleStore(client, validator, clock);
    return client.createIndexWithOptions(COLLECTION, new JsonObject().put("slug", 1).put("version", 1),
            new IndexOptions().unique(true))
        .recover(MongoModuleStore::storage)
        .map(done -> store);
  }

  @Override
  public Future<ImportOutcome> importPublished(Module module, String updatedBy) {
    // On every restart the shipped modules are stored already: look first, so that case is one
    // read rather than an insert the unique key refuses. A racing node's insert is still caught.
    return findOptional(module.key()).compose(existing -> existing != null
        ? compare(module, existing)
        : client.insert(COLLECTION, stored(module, PUBLISHED, updatedBy))
            .map(id -> ImportOutcome.IMPORTED)
            .recover(err -> isDuplicate(err) ? findById(module.key()).compose(found -> compare(module, found))
                : storage(err)));
  }

  private static Future<ImportOutcome> compare(Module module, JsonObject existing) {
    if (existing.getString("contentHash", "").equals(module.contentHash())) {
      return Future.succeededFuture(ImportOutcome.UNCHANGED);
    }
    return Future.failedFuture(new AppException(ErrorCode.CONFLICT, module.key()
        + " is already stored with different content; a changed module needs a new version"));
  }

  @Override
  public Future<Module> saveDraft(Module module, String user) {
    JsonObject draft = stored(module, DRAFT, user);
    return client.findOneAndReplaceWithOptions(COLLECTION,
            new JsonObject().put("_id", module.key()).put("status", DRAFT), draft,
            new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
        .recover(MongoModuleStore::storage)
        .compose(replaced -> replaced != null
            ? Future.succeededFuture(read(replaced))
            : insertNewVersion(module, draft));
  }

  /** A version that is not an open draft: it must be new, and above every stored version. */
  private Future<Module> insertNewVersion(Module module, JsonObject draft) {
    return highest(module.slug()).compose(highest -> {
      if (highest != null && highest.getInteger("version") >= module.version()) {
        return findOptional(module.key()).compose(existing -> Future.failedFuture(existing != null
            ? immutable(existing)
            : new AppException(ErrorCode.CONFLICT, module.slug() + " already has version "
                + highest.getInteger("version") + "; a new draft must have a higher version")));
      }
      return insert(draft);
    });
  }

  @Override
  public Future<Module> startDraft(String slug, String user) {
    return highest(slug).compose(highest -> {
      if (highest == null) {
        return Future.failedFuture(AppException.notFound("there is no module " + slug));
      }
      if (DRAFT.equals(highest.getString("status"))) {
        return Future.succeededFuture(read(highest));
      }
      int next = highest.getInteger("version") + 1;
      JsonObject doc = authored(highest).put("version", next).put("status", DRAFT);
      doc.getJsonArray("changeLog").add(change(next, "Work in progress."));
      return build(doc).compose(draft -> insert(stored(draft, DRAFT, user)))
          // Someone else started the same draft a moment ago: theirs is the open draft.
          .recover(err -> err instanceof AppException e && e.code() == ErrorCode.CONFLICT
              ? get(slug, next) : Future.failedFuture(err));
    });
  }

  @Override
  public Future<Module> publish(String slug, int version, String user) {
    return changeStatus(slug, version, ModuleStatus.DRAFT, ModuleStatus.PUBLISHED, user);
  }

  @Override
  public Future<Module> retire(String slug, int version, String user) {
    return changeStatus(slug, version, ModuleStatus.PUBLISHED, ModuleStatus.RETIRED, user);
  }

  private Future<Module> changeStatus(String slug, int version, ModuleStatus from, ModuleStatus to, String user) {
    String key = Module.key(slug, version);
    JsonObject update = new JsonObject().put("$set", new JsonObject()
        .put("status", to.wireName()).put("updatedAt", now()).put("updatedBy", user));
    return client.findOneAndUpdateWithOptions(COLLECTION,
            new JsonObject().put("_id", key).put("status", from.wireName()), update,
            new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
        .recover(MongoModuleStore::storage)
        .compose(changed -> changed != null ? Future.succeededFuture(read(changed))
            : findById(key).compose(existing -> Future.failedFuture(AppException.wrongState(key + " is "
                + existing.getString("status") + "; only a " + from.wireName() + " version can be "
                + to.wireName()))));
  }

  @Override
  public Future<Module> get(String slug, int version) {
    return findById(Module.key(slug, version)).map(MongoModuleStore::read);
  }

  @Override
  public Future<Module> latestPublished(String slug) {
    return client.findWithOptions(COLLECTION, new JsonObject().put("slug", slug).put("status", PUBLISHED),
            new FindOptions().setSort(new JsonObject().put("version", -1)).setLimit(1))
        .recover(MongoModuleStore::storage)
        .compose(found -> found.isEmpty()
            ? Future.failedFuture(AppException.notFound("no published version of " + slug))
            : Future.succeededFuture(read(found.get(0))));
  }

  @Override
  public Future<List<ModuleSummary>> listPublished() {
    JsonObject fields = fields("slug", "version", "title", "summary", "durationMinutes");
    return client.findWithOptions(COLLECTION, new JsonObject().put("status", PUBLISHED),
            new FindOptions().setFields(fields).setSort(new JsonObject().put("slug", 1).put("version", -1)))
        .recover(MongoModuleStore::storage)
        .map(found -> {
          List<ModuleSummary> latest = new ArrayList<>();
          String previous = null;
          for (JsonObject d : found) {
            if (!d.getString("slug").equals(previous)) {
              latest.add(new ModuleSummary(d.getString("slug"), d.getInteger("version"), d.getString("title"),
                  d.getString("summary"), d.getInteger("durationMinutes")));
              previous = d.getString("slug");
            }
          }
          return latest;
        });
  }

  @Override
  public Future<List<VersionInfo>> listAll() {
    return versionInfos(new JsonObject());
  }

  @Override
  public Future<List<VersionInfo>> versions(String slug) {
    return versionInfos(new JsonObject().put("slug", slug));
  }

  private Future<List<VersionInfo>> versionInfos(JsonObject query) {
    return client.findWithOptions(COLLECTION, query, new FindOptions()
            .setFields(fields("slug", "version", "status", "title", "updatedAt", "updatedBy"))
            .setSort(new JsonObject().put("slug", 1).put("version", 1)))
        .recover(MongoModuleStore::storage)
        .map(found -> found.stream().map(d -> new VersionInfo(d.getString("slug"), d.getInteger("version"),
            ModuleStatus.fromWire(d.getString("status")), d.getString("title"), d.getString("updatedAt"),
            d.getString("updatedBy"))).toList());
  }

  @Override
  public Future<Module> duplicate(String fromSlug, int fromVersion, String newSlug, String user) {
    return get(fromSlug, fromVersion).compose(source -> {
      JsonObject doc = source.document().put("slug", newSlug).put("version", 1).put("status", DRAFT)
          .put("derivedFrom", new JsonObject().put("slug", fromSlug).put("version", fromVersion))
          .put("changeLog", new JsonArray().add(change(1, "Copied from " + source.key() + ".")));
      return build(doc);
    }).compose(copy -> client.count(COLLECTION, new JsonObject().put("slug", newSlug))
        .recover(MongoModuleStore::storage)
        .compose(taken -> taken > 0
            ? Future.failedFuture(new AppException(ErrorCode.CONFLICT, "a module called " + newSlug + " already exists"))
            : insert(stored(copy, DRAFT, user))));
  }

  // --- helpers ---

  /** Inserts a new version; an existing {@code _id} means someone else created it first. */
  private Future<Module> insert(JsonObject doc) {
    return client.insert(COLLECTION, doc)
        .map(id -> read(doc))
        .recover(err -> isDuplicate(err)
            ? Future.failedFuture(new AppException(ErrorCode.CONFLICT, doc.getString("_id") + " already exists"))
            : storage(err));
  }

  private Future<Module> build(JsonObject doc) {
    ValidationResult result = validator.validateJson(ModuleValidator.FORM, doc);
    return result.isValid() ? Future.succeededFuture(result.module())
        : Future.failedFuture(AppException.invalid(result.describe()));
  }

  private Future<JsonObject> highest(String slug) {
    return client.findWithOptions(COLLECTION, new JsonObject().put("slug", slug),
            new FindOptions().setSort(new JsonObject().put("version", -1)).setLimit(1))
        .recover(MongoModuleStore::storage)
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  private Future<JsonObject> findById(String key) {
    return findOptional(key).compose(found -> found != null ? Future.succeededFuture(found)
        : Future.failedFuture(AppException.notFound("there is no module version " + key)));
  }

  private Future<JsonObject> findOptional(String key) {
    return client.findOne(COLLECTION, new JsonObject().put("_id", key), null)
        .recover(MongoModuleStore::storage);
  }

  private static AppException immutable(JsonObject existing) {
    return AppException.wrongState(existing.getString("_id") + " is " + existing.getString("status")
        + " and cannot be changed; edits go to a new draft version");
  }

  private JsonObject stored(Module module, String status, String user) {
    return module.document()
        .put("_id", module.key())
        .put("status", status)
        .put("updatedAt", now())
        .put("updatedBy", user)
        .put("contentHash", module.contentHash());
  }

  private static JsonObject authored(JsonObject stored) {
    JsonObject doc = stored.copy();
    for (String server : List.of("_id", "updatedAt", "updatedBy", "contentHash")) {
      doc.remove(server);
    }
    return doc;
  }

  private static Module read(JsonObject stored) {
    return ModuleReader.read(authored(stored));
  }

  private JsonObject change(int version, String summary) {
    return new JsonObject().put("version", version)
        .put("date", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString())
        .put("summary", summary);
  }

  private String now() {
    return clock.instant().toString();
  }

  private static JsonObject fields(String... names) {
    JsonObject fields = new JsonObject();
    for (String name : names) {
      fields.put(name, 1);
    }
    return fields;
  }

  private static boolean isDuplicate(Throwable err) {
    return err instanceof MongoException e
        && ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
  }

  /** Database failures become {@code STORAGE_UNAVAILABLE}; our own failures pass through. */
  private static <T> Future<T> storage(Throwable err) {
    if (err instanceof AppException) {
      return Future.failedFuture(err);
    }
    return Future.failedFuture(new AppException(ErrorCode.STORAGE_UNAVAILABLE,
        "the module store is not available", err));
  }
}
