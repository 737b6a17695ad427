package org.talkingpiece.shared;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random identifiers and secrets. Never MongoDB ObjectIds: those embed their creation time, which
 * would date anonymous items.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Ids() {}

  /** A 128-bit random id, URL-safe, 22 characters. */
  public static String random() {
    return randomBytes(16);
  }

  /** A 256-bit random secret (tokens, keys), URL-safe, 43 characters. */
  public static String secret() {
    return randomBytes(32);
  }

  private static String randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return URL.encodeToString(bytes);
  }
}
