package org.talkingpiece.accounts;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.talkingpiece.shared.AppException;

/**
 * What a valid username, password and role list look like. Every check fails with an
 * {@link AppException#invalid} whose message starts with the field's name, so forms can show it at
 * the field and the API can name the field.
 */
final class AccountRules {
  static final int USERNAME_MIN = 3;
  static final int USERNAME_MAX = 40;
  static final int PASSWORD_MIN = 10;
  static final int PASSWORD_MAX = 200;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{" + USERNAME_MIN + "," + USERNAME_MAX + "}");
  /** No look-alikes (0/o, 1/l/i): generated passwords are read from a log or a screen and typed. */
  private static final char[] READABLE = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private AccountRules() {}

  /** The stored form of a username: trimmed and lower-case, so uniqueness ignores case. */
  static String username(String raw) {
    if (raw == null || raw.isBlank()) {
      throw AppException.invalid("username is required");
    }
    String name = raw.trim().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw AppException.invalid("username must be " + USERNAME_MIN + "–" + USERNAME_MAX
          + " characters: letters a–z, digits, '.', '_' or '-'");
    }
    return name;
  }

  /** A new password: 10–200 characters, not only spaces. */
  static String newPassword(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw AppException.invalid("password is required");
    }
    if (raw.length() < PASSWORD_MIN || raw.length() > PASSWORD_MAX) {
      throw AppException.invalid("password must be " + PASSWORD_MIN + "–" + PASSWORD_MAX + " characters long");
    }
    if (raw.isBlank()) {
      throw AppException.invalid("password must not be only spaces");
    }
    return raw;
  }

  /** A password typed to sign in: present and not absurdly long (hashing is slow; bound the work). */
  static String signInPassword(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw AppException.invalid("password is required");
    }
    if (raw.length() > PASSWORD_MAX) {
      throw AppException.invalid("password must be at most " + PASSWORD_MAX + " characters long");
    }
    return raw;
  }

  /** Parses role codes; at least one, each known. */
  static Set<Role> roles(Iterable<String> codes) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String code : codes) {
      roles.add(Role.fromCode(code).orElseThrow(() -> AppException.invalid(
          "roles must be some of admin, facilitator, author; got '" + code + "'")));
    }
    if (roles.isEmpty()) {
      throw AppException.invalid("roles must include at least one of admin, facilitator, author");
    }
    return roles;
  }

  /** A one-time password of four groups of four readable characters, e.g. {@code k7mq-x2pa-9rtw-hf3e} (~79 bits). */
  static String generatedPassword() {
    StringBuilder sb = new StringBuilder(19);
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        sb.append('-');
      }
      sb.append(READABLE[RANDOM.nextInt(READABLE.length)]);
    }
    return sb.toString();
  }

  /** The field an {@link AppException#invalid} message names (its first word), for forms. */
  static String fieldOf(String message) {
    int space = message.indexOf(' ');
    return space < 0 ? message : message.substring(0, space);
  }
}
