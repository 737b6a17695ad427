package org.talkingpiece.accounts;

import java.util.Locale;
import java.util.Optional;

/** What an account may do. An account holds one or more roles. */
public enum Role {
  /** Manages accounts. */
  ADMIN("Admin"),
  /** Runs sessions. */
  FACILITATOR("Facilitator"),
  /** Writes and publishes curriculum modules. */
  AUTHOR("Author");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  /** The lower-case name used in JSON, forms and storage: {@code admin}, {@code facilitator}, {@code author}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name people read. */
  public String label() {
    return label;
  }

  /** The role with this {@link #code()}, ignoring case; empty for anything else. */
  public static Optional<Role> fromCode(String code) {
    for (Role r : values()) {
      if (r.code().equalsIgnoreCase(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
