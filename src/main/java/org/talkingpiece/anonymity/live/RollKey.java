package org.talkingpiece.anonymity.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.talkingpiece.Config;

/**
 * The secret that keys the anonymous rolls ({@link org.talkingpiece.anonymity.ParticipantRefs}). It
 * comes from {@code ANONYMITY_KEY}, or else from {@code DATA_DIR/anonymity.key}, which is made on the
 * first start (256 random bits, base64url, readable by the owner only) and read on every later one.
 * The key never goes into the database, so a dump cannot turn roll entries back into people.
 *
 * <p>File work runs on a worker thread, never on the event loop.
 */
public final class RollKey {
  static final String FILE_NAME = "anonymity.key";
  private static final int BYTES = 32;

  private RollKey() {}

  /** The key bytes: from the configuration, or from (or newly into) the data directory. */
  public static Future<byte[]> load(Vertx vertx, Config config) {
    if (config.anonymityKey() != null) {
      return Future.succeededFuture(Base64.getUrlDecoder().decode(config.anonymityKey()));
    }
    Path file = config.dataDir().resolve(FILE_NAME);
    return vertx.executeBlocking(() -> readOrCreate(file), false);
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
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    byte[] text = (Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] ownerOnly = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
        : new FileAttribute<?>[0];
    try (var out = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.SYNC), ownerOnly)) {
      out.write(java.nio.ByteBuffer.wrap(text));
    }
  }
}
