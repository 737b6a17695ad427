package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.curriculum.StoreTesting.expectFailure;

import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.support.EmbeddedMongo;

@ExtendWith(VertxExtension.class)
class ModuleImporterTest {
  @TempDir
  Path dir;

  private EmbeddedMongo mongo;
  private MongoClient client;
  private ModuleStore store;
  private ModuleImporter importer;
  private final Logger importerLog = Logger.getLogger(ModuleImporter.class.getName());
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    importerLog.addHandler(capture);
    mongo = EmbeddedMongo.start();
    client = mongo.client(vertx);
    ModuleValidator validator = ModuleValidator.create();
    ModuleStore.mongo(client, validator, ModuleStoreTest.CLOCK)
        .onComplete(ctx.succeeding(s -> {
          store = s;
          importer = new ModuleImporter(vertx, s, validator);
          ctx.completeNow();
        }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    importerLog.removeHandler(capture);
    client.close().onComplete(done -> {
      mongo.stop();
      ctx.completeNow();
    });
  }

  private void write(String name, String yaml) throws IOException {
    Files.writeString(dir.resolve(name), yaml);
  }

  private static String variantYaml(String slug, int version, String title) {
    return ModuleYaml.export(Fixtures.module(Fixtures.variant(slug, version, title)));
  }

  private List<String> errorsLogged() {
    return logged.stream().filter(r -> r.getLevel() == Level.SEVERE)
        .map(r -> r.getMessage() + " " + List.of(r.getParameters() == null ? new Object[0] : r.getParameters()))
        .toList();
  }

  @Test
  @DisplayName("An invalid file is skipped, loudly, while the other files import")
  void invalidFileSkipped(VertxTestContext ctx) throws IOException {
    write("example-module.yaml", Fixtures.exampleYaml());
    write("another-module.yaml", variantYaml("another-module", 1, "Another module"));
    write("broken.yaml", Fixtures.exampleYaml().replace("slug: example-module", "slug: broken")
        .replace("durationMinutes: 20", "durationMinutes: 25"));
    write("notes.txt", "not a module");

    importer.importDirectory(dir.toString(), "system")
        .map(summary -> {
          assertThat(summary.imported()).containsExactly("another-module@1", "example-module@1");
          assertThat(summary.unchanged()).isEmpty();
          assertThat(summary.refused()).containsExactly(new ImportSummary.Refusal("broken.yaml",
              List.of("durationMinutes: durationMinutes is 25 but the activities add up to 20 minutes; make them equal")));
          assertThat(errorsLogged()).singleElement().asString()
              .contains("broken.yaml").contains("durationMinutes is 25");
          return summary;
        })
        .compose(summary -> store.listPublished())
        .map(published -> {
          assertThat(published).extracting(ModuleSummary::slug).containsExactly("another-module", "example-module");
          return published;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Importing the same folder twice reports everything unchanged and changes nothing")
  void idempotent(VertxTestContext ctx) throws IOException {
    write("example-module.yaml", Fixtures.exampleYaml());

    importer.importDirectory(dir.toString(), "first-start")
        .compose(first -> importer.importDirectory(dir.toString(), "second-start"))
        .map(second -> {
          assertThat(second.imported()).isEmpty();
          assertThat(second.unchanged()).containsExactly("example-module@1");
          assertThat(second.refused()).isEmpty();
          return second;
        })
        .compose(second -> store.listAll())
        .map(all -> {
          assertThat(all).singleElement().satisfies(v -> assertThat(v.updatedBy()).isEqualTo("first-start"));
          assertThat(errorsLogged()).isEmpty();
          return all;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("A published version whose file changed is refused loudly and not overwritten")
  void changedVersionRefused(VertxTestContext ctx) throws IOException {
    write("example-module.yaml", Fixtures.exampleYaml());

    importer.importDirectory(dir.toString(), "system")
        .compose(first -> {
          try {
            write("example-module.yaml", Fixtures.exampleYaml().replace("title: An example module", "title: Quietly edited"));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return importer.importDirectory(dir.toString(), "system");
        })
        .map(second -> {
          assertThat(second.imported()).isEmpty();
          assertThat(second.refused()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("example-module.yaml");
            assertThat(r.reasons()).singleElement().asString()
                .contains("example-module@1 is already stored with different content");
          });
          assertThat(errorsLogged()).singleElement().asString().contains("example-module.yaml");
          return second;
        })
        .compose(second -> store.get("example-module", 1))
        .map(stored -> {
          assertThat(stored.title()).isEqualTo("An example module");
          return stored;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("A missing module folder is reported, not ignored")
  void missingDirectory(VertxTestContext ctx) {
    expectFailure(importer.importDirectory(dir.resolve("nope").toString(), "system"), ErrorCode.NOT_FOUND, "does not exist")
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("An uploaded file is saved as a draft; an invalid one is refused with every error")
  void uploadAsDraft(VertxTestContext ctx) {
    String invalid = Fixtures.exampleYaml().replace("title: An example module", "title: X").replace("version: 1", "version: 0");

    importer.importYaml("example-module.yaml", Fixtures.exampleYaml(), "author")
        .map(draft -> {
          assertThat(draft.status()).isEqualTo(ModuleStatus.DRAFT);
          return draft;
        })
        .compose(draft -> store.get("example-module", 1))
        .map(stored -> {
          assertThat(stored.status()).isEqualTo(ModuleStatus.DRAFT);
          return stored;
        })
        .compose(stored -> expectFailure(importer.importYaml("upload.yaml", invalid, "author"), ErrorCode.INVALID_INPUT,
            "upload.yaml: title: must be at least 3 characters long"))
        .compose(refused -> expectFailure(importer.importYaml("upload.yaml", invalid, "author"), ErrorCode.INVALID_INPUT,
            "upload.yaml: version: must be at least 1"))
        .onComplete(ctx.succeedingThenComplete());
  }
}
