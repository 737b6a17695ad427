package org.talkingpiece.session;

import java.util.Locale;

/** {@code lobby} → {@code live} → {@code ended}. */
public enum SessionStatus {
  LOBBY, LIVE, ENDED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
