package org.talkingpiece.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One person in a session as the log describes them. Mutable, owned by {@link SessionState}, so
 * touched only on the session owner's thread.
 */
public final class Participant {
  private final String id;
  private final long joinedAt;
  private final String tag;
  private String name;
  private boolean removed;
  private final Map<String, String> selfId = new LinkedHashMap<>();

  Participant(String id, String name, long joinedAt, String tag) {
    this.id = id;
    this.name = name;
    this.joinedAt = joinedAt;
    this.tag = tag;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public long joinedAt() {
    return joinedAt;
  }

  /**
   * A short value that stands for this participant on public screens (queue places, round order),
   * so the public view never carries participant ids. Only the participant learns their own tag.
   */
  public String tag() {
    return tag;
  }

  public boolean removed() {
    return removed;
  }

  public Map<String, String> selfId() {
    return Map.copyOf(selfId);
  }

  void rename(String newName) {
    this.name = newName;
  }

  void remove() {
    this.removed = true;
  }

  void identify(String category, String value) {
    if (value == null) {
      selfId.remove(category);
    } else {
      selfId.put(category, value);
    }
  }
}
