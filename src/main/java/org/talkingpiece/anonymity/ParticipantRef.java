package org.talkingpiece.anonymity;

import java.util.Objects;

/**
 * Who took part in one prompt, as the roll stores it: a keyed hash of the participant id, scoped to
 * the prompt, never the id itself. Someone who reads the database without the key cannot tell which
 * participant a roll entry belongs to, nor match entries of different prompts to the same person.
 *
 * <p>Made only by {@link ParticipantRefs}, or when reading the roll back from the store.
 */
public final class ParticipantRef implements Comparable<ParticipantRef> {
  private final String value;

  private ParticipantRef(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A ref read back from the store (or built by a test in this package). */
  static ParticipantRef stored(String value) {
    return new ParticipantRef(value);
  }

  /** The stored form. */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(ParticipantRef other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParticipantRef other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Deliberately not the value: refs have no business in logs. */
  @Override
  public String toString() {
    return "ParticipantRef[…]";
  }
}
