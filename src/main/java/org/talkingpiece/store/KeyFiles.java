package org.talkingpiece.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Small secret files in {@code KEY_DIR}: created readable by the owner only, on disk before the call
 * returns, and erased by overwriting before they are removed. Blocking: call from a worker thread.
 */
public final class KeyFiles {
  private KeyFiles() {}

  /** Creates the directory (and its parents) if missing; a directory made here is owner-only. */
  public static void ensureDir(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir.toAbsolutePath().getParent());
    try {
      Files.createDirectory(dir, attributes(dir, "rwx------"));
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // made by another start at the same moment
    }
  }

  /**
   * Writes a new file and syncs it and its directory, so it survives a crash once this returns.
   *
   * @throws java.nio.file.FileAlreadyExistsException if it exists already
   */
  public static void writeNew(Path file, byte[] content) throws IOException {
    ensureDir(file.toAbsolutePath().getParent());
    try (SeekableByteChannel out = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE, StandardOpenOption.SYNC), attributes(file, "rw-------"))) {
      out.write(ByteBuffer.wrap(content));
    }
    syncDir(file.toAbsolutePath().getParent());
  }

  /**
   * Overwrites the file with zeros, syncs, then deletes it. On a journaling or copy-on-write file
   * system, or an SSD, old blocks may survive; this removes the key from the file system's view and
   * from any later copy of the directory, which is what the threat model asks of it.
   */
  public static void erase(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long size = ch.size();
      ch.write(ByteBuffer.allocate((int) Math.min(size, 1 << 16)), 0);
      ch.force(true);
    } catch (NoSuchFileException gone) {
      return;
    }
    Files.deleteIfExists(file);
    syncDir(file.toAbsolutePath().getParent());
  }

  private static void syncDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException notSupported) {
      // Some systems cannot open a directory for sync; the file itself is synced already.
    }
  }

  private static FileAttribute<?>[] attributes(Path path, String perms) {
    boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))}
        : new FileAttribute<?>[0];
  }

  /** Owner-only permissions, for checks. */
  static Set<PosixFilePermission> ownerOnly() {
    return PosixFilePermissions.fromString("rw-------");
  }
}
