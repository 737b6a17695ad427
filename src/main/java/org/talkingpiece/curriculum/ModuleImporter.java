package org.talkingpiece.curriculum;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * Brings module files into the store: the shipped {@code content/modules/*.yaml} on start (as
 * published) and single uploads from authors (as drafts).
 *
 * <p>Files are read with Vert.x's asynchronous file system, one after another, so the event loop
 * is never blocked and the start-up load stays small. A file that does not validate, or whose
 * version is stored with other content, is logged at ERROR with every reason and skipped; the
 * other files still import.
 */
public final class ModuleImporter {
  private static final Logger LOG = LoggerFactory.getLogger(ModuleImporter.class);
  /** Only {@code *.yaml} files are modules; {@code .yml} and other files in the folder are ignored. */
  static final String FILE_PATTERN = ".*\\.yaml";

  private final Vertx vertx;
  private final ModuleStore store;
  private final ModuleValidator validator;

  public ModuleImporter(Vertx vertx, ModuleStore store, ModuleValidator validator) {
    this.vertx = vertx;
    this.store = store;
    this.validator = validator;
  }

  /**
   * Imports every {@code *.yaml} file in a directory, in file-name order, as published versions.
   * Fails only if the directory cannot be listed ({@code NOT_FOUND}) or the store does not answer;
   * problems with single files are in the summary's refusals.
   */
  public Future<ImportSummary> importDirectory(String directory, String user) {
    Tally tally = new Tally();
    return vertx.fileSystem().exists(directory)
        .compose(exists -> exists
            ? vertx.fileSystem().readDir(directory, FILE_PATTERN)
            : Future.failedFuture(AppException.notFound("the module directory " + directory + " does not exist")))
        .compose(files -> {
          Future<Void> chain = Future.succeededFuture();
          for (String file : files.stream().sorted().toList()) {
            chain = chain.compose(v -> importFile(file, user, tally));
          }
          return chain;
        })
        .map(v -> tally.summary())
        .onSuccess(s -> LOG.info("Modules from {}: {} imported, {} unchanged, {} refused",
            directory, s.imported().size(), s.unchanged().size(), s.refused().size()));
  }

  /**
   * Validates one uploaded YAML document and saves it as a draft. Fails with {@code INVALID_INPUT}
   * listing every error (call {@link ModuleValidator#validateYaml} first to get them one by one),
   * or as {@link ModuleStore#saveDraft} does.
   *
   * @param source the uploaded file's name (checked against the slug) or {@link ModuleValidator#FORM}
   */
  public Future<Module> importYaml(String source, String yaml, String user) {
    ValidationResult result = validator.validateYaml(source, yaml);
    if (!result.isValid()) {
      return Future.failedFuture(AppException.invalid(source + " is " + result.describe()));
    }
    return store.saveDraft(result.module(), user);
  }

  private Future<Void> importFile(String path, String user, Tally tally) {
    String name = Path.of(path).getFileName().toString();
    return vertx.fileSystem().readFile(path)
        .map(ModuleImporter::text)
        .transform(read -> {
          if (read.failed()) {
            return refuse(tally, path, name, List.of("cannot be read: " + read.cause().getMessage()));
          }
          ValidationResult result = validator.validateYaml(name, read.result());
          if (!result.isValid()) {
            return refuse(tally, path, name, result.errors().stream().map(ModuleImporter::reason).toList());
          }
          return store(result.module(), path, name, user, tally);
        });
  }

  private Future<Void> store(Module module, String path, String name, String user, Tally tally) {
    return store.importPublished(module, user)
        .map(outcome -> {
          if (outcome == ModuleStore.ImportOutcome.IMPORTED) {
            LOG.info("Imported module {} from {}", module.key(), path);
            tally.imported.add(module.key());
          } else {
            LOG.debug("Module {} from {} is already stored", module.key(), path);
            tally.unchanged.add(module.key());
          }
          return (Void) null;
        })
        .recover(err -> err instanceof AppException e && e.code() == ErrorCode.CONFLICT
            ? refuse(tally, path, name, List.of(e.getMessage()))
            : Future.failedFuture(err));
  }

  private static Future<Void> refuse(Tally tally, String path, String name, List<String> reasons) {
    LOG.error("Module file {} was NOT imported:\n  {}", path, String.join("\n  ", reasons));
    tally.refused.add(new ImportSummary.Refusal(name, reasons));
    return Future.succeededFuture();
  }

  /** UTF-8 text without the byte-order mark some editors put first. */
  private static String text(Buffer bytes) {
    String text = bytes.toString(StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String reason(ValidationError e) {
    return e.path().isEmpty() ? e.message() : e.path() + ": " + e.message();
  }

  /** Results of one import run; filled by one sequential chain, so never touched concurrently. */
  private static final class Tally {
    final List<String> imported = new ArrayList<>();
    final List<String> unchanged = new ArrayList<>();
    final List<ImportSummary.Refusal> refused = new ArrayList<>();

    ImportSummary summary() {
      return new ImportSummary(imported, unchanged, refused);
    }
  }
}
