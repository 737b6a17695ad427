package org.talkingpiece.accounts;

/** Checks redirect targets taken from requests, so sign-in can never send someone to another site. */
final class LocalPaths {
  private static final int MAX_LENGTH = 2000;

  private LocalPaths() {}

  /**
   * The path when it is a plain local path ({@code /...}, not {@code //host} or {@code /\host}, no
   * scheme, no control characters or backslashes); {@code null} otherwise.
   */
  static String safe(String next) {
    if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || next.charAt(0) != '/') {
      return null;
    }
    if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
      return null;
    }
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return null;
      }
    }
    return next;
  }
}
