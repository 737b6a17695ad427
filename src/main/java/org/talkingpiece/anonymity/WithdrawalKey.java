package org.talkingpiece.anonymity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;
import org.talkingpiece.shared.AppException;

/**
 * The secret a participant's browser makes for each item it sends, so that the writer (and only the
 * writer) can take the item back. The server keeps the SHA-256 hash beside the item and nothing
 * else; the key itself is never stored or logged. A plain hash is enough because the key is at least
 * 128 random bits: there is nothing to guess.
 */
public final class WithdrawalKey {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22,128}");
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private WithdrawalKey() {}

  /**
   * The stored form of a key.
   *
   * @throws AppException invalid-input when the key is not 22-128 URL-safe base64 characters
   */
  public static String hash(String key) {
    if (key == null || !FORMAT.matcher(key).matches()) {
      throw AppException.invalid("The withdrawal key must be 22-128 URL-safe characters.");
    }
    try {
      return URL.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
