package org.talkingpiece.anonymity.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.talkingpiece.Config;
import org.talkingpiece.store.KeyFiles;

/**
 * The secret that keys the anonymous rolls ({@link org.talkingpiece.anonymity.ParticipantRefs}). It
 * comes from {@code ANONYMITY_KEY}, or else from {@code KEY_DIR/anonymity.key}, which is made on the
 * first start (256 random bits, base64url, readable by the owner only) and read on every later one.
 * The key never goes into the database or the data directory, so neither a dump nor a copy of the
 * data directory can turn roll entries back into people.
 *
 * <p>A key left in {@code DATA_DIR} by an older version is moved to {@code KEY_DIR} on start, so
 * one-per-person rules carry on; the start-up log then warns that older backups of the data
 * directory hold it. File work runs on a worker thread, never on the event loop.
 */
public final class RollKey {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RollKey.class);
  static final String FILE_NAME = "anonymity.key";
  private static final int BYTES = 32;

  private RollKey() {}

  /** The key bytes: from the configuration, or from (or newly into) the data directory. */
  public static Future<byte[]> load(Vertx vertx, Config config) {
    if (config.anonymityKey() != null) {
      return Future.succeededFuture(Base64.getUrlDecoder().decode(config.anonymityKey()));
    }
    Path file = config.keyDir().resolve(FILE_NAME);
    Path legacy = config.dataDir().resolve(FILE_NAME);
    return vertx.executeBlocking(() -> {
      moveLegacy(legacy, file);
      boolean made = !Files.exists(file);
      byte[] key = readOrCreate(file);
      if (made) {
        LOG.warn("Made a new key for anonymous rolls in {}. Back it up apart from DATA_DIR (never with it),"
            + " or set ANONYMITY_KEY (or KEY_DIR) to keep it elsewhere; see docs/operators.md", file.toAbsolutePath());
      }
      return key;
    }, false);
  }

  /** Moves a key that an older version kept in the data directory to the key directory. */
  static void moveLegacy(Path legacy, Path file) throws IOException {
    if (!Files.exists(legacy) || Files.exists(file)) {
      return;
    }
    KeyFiles.ensureDir(file.toAbsolutePath().getParent());
    Files.move(legacy, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    LOG.warn("Moved the anonymous-roll key from {} to {}. Backups of the data directory taken before now hold it:"
        + " keep them apart from your data, or delete them", legacy.toAbsolutePath(), file.toAbsolutePath());
  }

  static byte[] readOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        create(file);
      } catch (FileAlreadyExistsException raced) {
        // Another start made it first: use theirs.
      }
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " does not hold a base64url key; restore it from a backup, or remove it"
          + " to start anonymous one-per-person rules afresh");
    }
    if (key.length < BYTES) {
      throw new IOException(file + " holds a key shorter than " + BYTES + " bytes");
    }
    return key;
  }

  private static void create(Path file) throws IOException {
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    KeyFiles.writeNew(file, (Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n")
        .getBytes(StandardCharsets.US_ASCII));
  }
}
