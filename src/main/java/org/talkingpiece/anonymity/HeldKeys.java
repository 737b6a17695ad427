package org.talkingpiece.anonymity;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.talkingpiece.store.KeyFiles;

/**
 * The held keys: one AES-256 key per prompt round while it has items waiting for release, in
 * {@code KEY_DIR/held/<prompt doc id>.key}, never in the database. Items that wait are stored only
 * sealed under it, all sealed to the same size; when the last waiting item is released (or taken back,
 * or the session deleted) the key is erased, and with it any way to tell which seal, in any older
 * copy of the data, became which released text.
 *
 * <p>A key is on disk before the first item sealed under it is acknowledged, so waiting items survive
 * a crash. File work runs on a worker thread when called on a Vert.x context. Thread-safe; callers
 * apply one change of a prompt at a time (see {@link AnonymousStore}).
 */
final class HeldKeys {
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  HeldKeys(Path keyDir) {
    this.dir = keyDir.resolve("held");
  }

  /** The prompt's key, made (and on disk) if it has none. */
  Future<byte[]> getOrCreate(String docId) {
    byte[] cached = cache.get(docId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return blocking(() -> {
      Path file = file(docId);
      if (!Files.exists(file)) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        KeyFiles.writeNew(file, Base64.getUrlEncoder().withoutPadding().encodeToString(key).getBytes(StandardCharsets.US_ASCII));
      }
      byte[] key = read(file);
      cache.put(docId, key);
      return key;
    });
  }

  /** The prompt's key if it has one (null if none, or if it was lost). */
  Future<byte[]> find(String docId) {
    byte[] cached = cache.get(docId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return blocking(() -> {
      Path file = file(docId);
      if (!Files.exists(file)) {
        return null;
      }
      byte[] key = read(file);
      cache.put(docId, key);
      return key;
    });
  }

  /** Forgets and erases the prompt's key. */
  Future<Void> erase(String docId) {
    cache.remove(docId);
    return blocking(() -> {
      KeyFiles.erase(file(docId));
      return null;
    });
  }

  private Path file(String docId) {
    return dir.resolve(docId + ".key");
  }

  private static byte[] read(Path file) throws java.io.IOException {
    return Base64.getUrlDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
  }

  private static <T> Future<T> blocking(Callable<T> work) {
    Context context = Vertx.currentContext();
    if (context != null) {
      return context.executeBlocking(work, false);
    }
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Seals a JSON value, padded with spaces to {@code size} bytes first so that every seal of a prompt
   * has the same length whatever its text. Values longer than {@code size} are padded to a multiple of it.
   */
  static String seal(byte[] key, JsonObject value, int size) {
    byte[] plain = value.encode().getBytes(StandardCharsets.UTF_8);
    int padded = Math.max(size, ((plain.length + size - 1) / size) * size);
    byte[] buffer = new byte[padded];
    java.util.Arrays.fill(buffer, (byte) ' ');
    System.arraycopy(plain, 0, buffer, 0, plain.length);
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      byte[] sealed = aes.doFinal(buffer);
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** Opens a seal; throws if it was not made with this key or was altered. */
  static JsonObject open(byte[] key, String seal) throws GeneralSecurityException {
    byte[] in = Base64.getUrlDecoder().decode(seal);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, NONCE_BYTES));
    byte[] plain = aes.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
    return new JsonObject(new String(plain, StandardCharsets.UTF_8).strip());
  }

  /** The padded size of a prompt's seals: room for its longest text, escaped, plus id and key hash. */
  static int sealSize(PromptSettings settings) {
    return 256 + 6 * Math.max(settings.maxLength(), 200);
  }
}
