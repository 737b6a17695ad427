package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.curriculum.StoreTesting.expectFailure;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.support.EmbeddedMongo;

/** The store against a real MongoDB wire server (embedded, in memory). */
@ExtendWith(VertxExtension.class)
class ModuleStoreTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  private EmbeddedMongo mongo;
  private MongoClient client;
  private ModuleStore store;
  private final Module v1 = Fixtures.exampleModule();

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    mongo = EmbeddedMongo.start();
    client = mongo.client(vertx);
    ModuleStore.mongo(client, ModuleValidator.create(), CLOCK)
        .onComplete(ctx.succeeding(s -> {
          store = s;
          ctx.completeNow();
        }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    client.close().onComplete(done -> {
      mongo.stop();
      ctx.completeNow();
    });
  }

  private static Module edited(Module draft, String title) {
    return Fixtures.module(draft.document().put("title", title));
  }

  @Test
  @DisplayName("Saving over a published version fails and leaves it as it was")
  void publishedIsImmutable(VertxTestContext ctx) {
    Module changed = edited(v1, "A changed title");

    store.importPublished(v1, "system")
        .compose(imported -> expectFailure(store.saveDraft(changed, "author"), ErrorCode.WRONG_STATE,
            "example-module@1 is published and cannot be changed"))
        .compose(refused -> store.get("example-module", 1))
        .map(stored -> {
          assertThat(stored.title()).isEqualTo("An example module");
          assertThat(stored.status()).isEqualTo(ModuleStatus.PUBLISHED);
          return stored;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Editing a published module starts a draft of the next version, once")
  void editingStartsNextVersion(VertxTestContext ctx) {
    store.importPublished(v1, "system")
        .compose(imported -> store.startDraft("example-module", "author"))
        .map(draft -> {
          assertThat(draft.version()).isEqualTo(2);
          assertThat(draft.status()).isEqualTo(ModuleStatus.DRAFT);
          assertThat(draft.document().getJsonArray("changeLog").getJsonObject(1))
              .isEqualTo(new JsonObject().put("version", 2).put("date", "2026-12-01").put("summary", "Work in progress."));
          return draft;
        })
        .compose(draft -> store.startDraft("example-module", "someone else"))
        .compose(again -> store.versions("example-module"))
        .map(versions -> {
          assertThat(versions).extracting(VersionInfo::version, VersionInfo::status)
              .containsExactly(org.assertj.core.groups.Tuple.tuple(1, ModuleStatus.PUBLISHED),
                  org.assertj.core.groups.Tuple.tuple(2, ModuleStatus.DRAFT));
          assertThat(versions.get(1).updatedBy()).isEqualTo("author");
          return versions;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Publishing a draft makes it the latest; the old version is still readable")
  void publishKeepsOldVersion(VertxTestContext ctx) {
    store.importPublished(v1, "system")
        .compose(imported -> store.startDraft("example-module", "author"))
        .compose(draft -> store.saveDraft(edited(draft, "Version two"), "author"))
        .compose(saved -> store.publish("example-module", 2, "author"))
        .map(published -> {
          assertThat(published.status()).isEqualTo(ModuleStatus.PUBLISHED);
          assertThat(published.title()).isEqualTo("Version two");
          return published;
        })
        .compose(published -> store.latestPublished("example-module"))
        .map(latest -> {
          assertThat(latest.version()).isEqualTo(2);
          return latest;
        })
        .compose(latest -> store.get("example-module", 1))
        .map(old -> {
          assertThat(old.title()).isEqualTo("An example module");
          assertThat(old.status()).isEqualTo(ModuleStatus.PUBLISHED);
          assertThat(old.contentHash()).isEqualTo(v1.contentHash());
          return old;
        })
        .compose(old -> store.listPublished())
        .map(list -> {
          assertThat(list).containsExactly(new ModuleSummary("example-module", 2, "Version two",
              "A short module that shows every field.", 20));
          return list;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("A draft can be saved again and again until it is published")
  void draftReplaced(VertxTestContext ctx) {
    Module draft = Fixtures.module(Fixtures.exampleDoc().put("status", "draft"));

    store.saveDraft(draft, "author")
        .compose(saved -> store.saveDraft(edited(saved, "Second try"), "editor"))
        .compose(saved -> store.get("example-module", 1))
        .map(stored -> {
          assertThat(stored.title()).isEqualTo("Second try");
          assertThat(stored.status()).isEqualTo(ModuleStatus.DRAFT);
          return stored;
        })
        .compose(stored -> store.listPublished())
        .map(list -> {
          assertThat(list).isEmpty();
          return list;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Only a draft can be published, and only a published version retired")
  void statusChanges(VertxTestContext ctx) {
    store.importPublished(v1, "system")
        .compose(imported -> expectFailure(store.publish("example-module", 1, "author"), ErrorCode.WRONG_STATE,
            "example-module@1 is published; only a draft version can be published"))
        .compose(refused -> store.retire("example-module", 1, "admin"))
        .map(retired -> {
          assertThat(retired.status()).isEqualTo(ModuleStatus.RETIRED);
          return retired;
        })
        .compose(retired -> expectFailure(store.retire("example-module", 1, "admin"), ErrorCode.WRONG_STATE,
            "example-module@1 is retired"))
        .compose(refused -> expectFailure(store.latestPublished("example-module"), ErrorCode.NOT_FOUND,
            "no published version of example-module"))
        .compose(none -> store.get("example-module", 1))
        .map(stillReadable -> {
          assertThat(stillReadable.status()).isEqualTo(ModuleStatus.RETIRED);
          return stillReadable;
        })
        .compose(read -> expectFailure(store.publish("example-module", 7, "author"), ErrorCode.NOT_FOUND,
            "example-module@7"))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Importing the same version twice changes nothing; other content at that version is refused")
  void importIdempotent(VertxTestContext ctx) {
    Module changed = edited(v1, "Sneaky change");

    store.importPublished(v1, "system")
        .map(first -> {
          assertThat(first).isEqualTo(ModuleStore.ImportOutcome.IMPORTED);
          return first;
        })
        .compose(first -> store.importPublished(v1, "someone"))
        .map(second -> {
          assertThat(second).isEqualTo(ModuleStore.ImportOutcome.UNCHANGED);
          return second;
        })
        .compose(second -> expectFailure(store.importPublished(changed, "system"), ErrorCode.CONFLICT,
            "example-module@1 is already stored with different content"))
        .compose(refused -> client.findOne(MongoModuleStore.COLLECTION, new JsonObject(), null))
        .map(raw -> {
          assertThat(raw.getString("title")).isEqualTo("An example module");
          assertThat(raw.getString("updatedBy")).isEqualTo("system");
          return raw;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("A retired version stays retired when its file is imported again")
  void retiredStaysRetired(VertxTestContext ctx) {
    store.importPublished(v1, "system")
        .compose(imported -> store.retire("example-module", 1, "admin"))
        .compose(retired -> store.importPublished(v1, "system"))
        .map(outcome -> {
          assertThat(outcome).isEqualTo(ModuleStore.ImportOutcome.UNCHANGED);
          return outcome;
        })
        .compose(outcome -> store.get("example-module", 1))
        .map(stored -> {
          assertThat(stored.status()).isEqualTo(ModuleStatus.RETIRED);
          return stored;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("A new draft must have a version above every stored one")
  void draftVersionMustIncrease(VertxTestContext ctx) {
    Module v2 = Fixtures.module(Fixtures.variant("example-module", 2, "Two"));

    store.importPublished(v2, "system")
        .compose(imported -> expectFailure(store.saveDraft(v1, "author"), ErrorCode.CONFLICT,
            "example-module already has version 2; a new draft must have a higher version"))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Duplicating a module makes a version-1 draft that says where it came from")
  void duplicate(VertxTestContext ctx) {
    store.importPublished(v1, "system")
        .compose(imported -> store.duplicate("example-module", 1, "example-copy", "author"))
        .map(copy -> {
          assertThat(copy.key()).isEqualTo("example-copy@1");
          assertThat(copy.status()).isEqualTo(ModuleStatus.DRAFT);
          assertThat(copy.document().getJsonObject("derivedFrom"))
              .isEqualTo(new JsonObject().put("slug", "example-module").put("version", 1));
          assertThat(copy.document().getJsonArray("changeLog")).hasSize(1);
          assertThat(copy.activities()).hasSize(2);
          return copy;
        })
        .compose(copy -> expectFailure(store.duplicate("example-module", 1, "example-copy", "author"),
            ErrorCode.CONFLICT, "a module called example-copy already exists"))
        .compose(taken -> expectFailure(store.duplicate("example-module", 1, "Bad Slug", "author"),
            ErrorCode.INVALID_INPUT, "slug: must be kebab-case"))
        .compose(invalid -> expectFailure(store.duplicate("nothing-here", 1, "x-copy", "author"),
            ErrorCode.NOT_FOUND, "nothing-here@1"))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Authors see every version of every module with its status")
  void listAll(VertxTestContext ctx) {
    Module other = Fixtures.module(Fixtures.variant("another-module", 1, "Another"));

    store.importPublished(other, "system")
        .compose(imported -> store.importPublished(v1, "system"))
        .compose(imported -> store.startDraft("example-module", "author"))
        .compose(draft -> store.listAll())
        .map(all -> {
          assertThat(all).extracting(VersionInfo::slug, VersionInfo::version, VersionInfo::status).containsExactly(
              org.assertj.core.groups.Tuple.tuple("another-module", 1, ModuleStatus.PUBLISHED),
              org.assertj.core.groups.Tuple.tuple("example-module", 1, ModuleStatus.PUBLISHED),
              org.assertj.core.groups.Tuple.tuple("example-module", 2, ModuleStatus.DRAFT));
          assertThat(all.get(2).updatedAt()).isEqualTo("2026-12-01T10:00:00Z");
          return all;
        })
        .compose(all -> store.versions("no-such-module"))
        .map(none -> {
          assertThat(none).isEmpty();
          return none;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Each version is stored under slug@version with its server fields")
  void storedShape(VertxTestContext ctx) {
    store.importPublished(v1, "system")
        .compose(imported -> client.findOne(MongoModuleStore.COLLECTION, new JsonObject(), null))
        .map(raw -> {
          assertThat(raw.getValue("_id")).isEqualTo("example-module@1");
          assertThat(raw.getString("contentHash")).isEqualTo(v1.contentHash());
          assertThat(raw.getString("updatedAt")).isEqualTo("2026-12-01T10:00:00Z");
          assertThat(raw.getString("updatedBy")).isEqualTo("system");
          return raw;
        })
        .compose(raw -> expectFailure(store.get("example-module", 2), ErrorCode.NOT_FOUND, "example-module@2"))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("When the database is gone, calls fail with storage-unavailable")
  void storageUnavailable(VertxTestContext ctx) {
    mongo.stop();

    expectFailure(store.get("example-module", 1), ErrorCode.STORAGE_UNAVAILABLE, "not available")
        .compose(v -> expectFailure(store.importPublished(v1, "system"), ErrorCode.STORAGE_UNAVAILABLE, "not available"))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("An exported module imports back as the same content")
  void exportImportRoundTrip(Vertx vertx, VertxTestContext ctx) {
    ModuleValidator validator = ModuleValidator.create();

    store.importPublished(v1, "system")
        .compose(imported -> store.get("example-module", 1))
        .map(stored -> validator.validateYaml("example-module.yaml", ModuleYaml.export(stored)).orElseThrow())
        .compose(reimported -> store.importPublished(reimported, "system"))
        .map(outcome -> {
          assertThat(outcome).isEqualTo(ModuleStore.ImportOutcome.UNCHANGED);
          return outcome;
        })
        .onComplete(ctx.succeedingThenComplete());
  }
}
