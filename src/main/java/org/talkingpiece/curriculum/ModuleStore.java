package org.talkingpiece.curriculum;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.util.List;

/**
 * Stored module versions. A version is identified by {@code slug@version}; a published version
 * never changes (SPEC "Concepts: Module"): edits go to a draft of a new version, published when
 * ready, and sessions keep the version they were started with.
 *
 * <p>Failures are {@link org.talkingpiece.shared.AppException}s: {@code NOT_FOUND} for a missing
 * version, {@code WRONG_STATE} for a change its status forbids, {@code CONFLICT} for a version that
 * already exists with other content, {@code INVALID_INPUT} for a document that does not validate,
 * {@code STORAGE_UNAVAILABLE} when the database does not answer. Every change is one write, so a
 * failure leaves nothing half-applied.
 */
public interface ModuleStore {

  /** What {@link #importPublished} did. */
  enum ImportOutcome {
    /** The version was new and is now stored as published. */
    IMPORTED,
    /** The version was already stored with the same content; nothing changed (its status included). */
    UNCHANGED
  }

  /**
   * A store over the {@code modules} collection. Completes once its indexes exist.
   *
   * @param validator used for the documents the store builds itself (new drafts, copies)
   * @param clock gives {@code updatedAt} and the date of generated change-log entries
   */
  static Future<ModuleStore> mongo(MongoClient client, ModuleValidator validator, Clock clock) {
    return MongoModuleStore.create(client, validator, clock);
  }

  /**
   * Stores a module shipped as a file, as published. Idempotent: a version already stored with the
   * same content hash is {@code UNCHANGED}, whatever its status now; with another hash it fails with
   * {@code CONFLICT} naming {@code slug@version}, and the stored version is left as it is.
   */
  Future<ImportOutcome> importPublished(Module module, String updatedBy);

  /**
   * Creates or replaces the draft {@code module.slug()@module.version()}, stored as a draft whatever
   * the module's own status says. Fails with {@code WRONG_STATE} if that version is published or
   * retired (use {@link #startDraft} to edit a published module), and with {@code CONFLICT} if it is
   * a new version not above every stored version of the slug.
   */
  Future<Module> saveDraft(Module module, String user);

  /**
   * Starts editing a module: the slug's open draft if its highest version is one; otherwise a new
   * draft, version highest + 1, copied from the highest version, with a change-log entry dated today
   * for the author to fill in. Fails with {@code NOT_FOUND} for an unknown slug.
   */
  Future<Module> startDraft(String slug, String user);

  /** Makes a draft published. Fails with {@code WRONG_STATE} unless that version is a draft. */
  Future<Module> publish(String slug, int version, String user);

  /**
   * Withdraws a published version from new sessions; it stays readable for sessions that ran on it.
   * Fails with {@code WRONG_STATE} unless that version is published.
   */
  Future<Module> retire(String slug, int version, String user);

  /** Any stored version, whatever its status. {@code NOT_FOUND} if missing. */
  Future<Module> get(String slug, int version);

  /** The highest published version of a slug. {@code NOT_FOUND} if none is published. */
  Future<Module> latestPublished(String slug);

  /** The latest published version of every module, by slug. */
  Future<List<ModuleSummary>> listPublished();

  /** Every stored version of every module, by slug then version: for authors. */
  Future<List<VersionInfo>> listAll();

  /** Every stored version of one slug, lowest first; empty for an unknown slug. */
  Future<List<VersionInfo>> versions(String slug);

  /**
   * Copies a stored version to a new module: version 1, a draft, {@code derivedFrom} naming the
   * source, a fresh change log. Fails with {@code CONFLICT} if {@code newSlug} is taken and
   * {@code INVALID_INPUT} if it is not a valid slug.
   */
  Future<Module> duplicate(String fromSlug, int fromVersion, String newSlug, String user);
}
