package org.talkingpiece.anonymity;

/** The one-tap anonymous messages a participant can send the facilitator at any time. */
public enum SignalKind {
  /** Something that was said hurt. */
  OUCH("ouch"),
  /** I need a break. */
  PAUSE("pause");

  private final String wire;

  SignalKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static SignalKind fromWire(String wire) {
    for (SignalKind k : values()) {
      if (k.wire.equals(wire)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown signal: " + wire);
  }
}
