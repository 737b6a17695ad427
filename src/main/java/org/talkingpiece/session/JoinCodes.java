package org.talkingpiece.session;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Six-character join codes from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B),
 * read case-insensitively with any hyphens or spaces ignored.
 */
public final class JoinCodes {
  static final String ALPHABET = "ACDEFHJKMNPRTUVWXY3479";
  static final int LENGTH = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private JoinCodes() {}

  public static String generate() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The canonical code for what someone typed, or empty when it cannot be a code. */
  public static Optional<String> normalise(String typed) {
    if (typed == null || typed.length() > 20) {
      return Optional.empty();
    }
    String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(code);
  }

  /** How the code is shown to people: {@code ABC-DEF}. */
  public static String display(String code) {
    return code.substring(0, 3) + "-" + code.substring(3);
  }
}
