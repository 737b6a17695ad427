package org.talkingpiece.anonymity;

/** The anonymous mechanics, one per activity type that collects anonymous input. */
public enum PromptKind {
  REFLECTION("reflection"),
  QUESTIONS("questions"),
  POLL("poll"),
  WORDCLOUD("wordcloud");

  private final String wire;

  PromptKind(String wire) {
    this.wire = wire;
  }

  /** The name used in module files, commands and stored documents. */
  public String wire() {
    return wire;
  }

  public static PromptKind fromWire(String wire) {
    for (PromptKind k : values()) {
      if (k.wire.equals(wire)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown prompt kind: " + wire);
  }
}
