package org.talkingpiece.floor;

/** How the floor is handed out during an activity. */
public enum FloorMode implements WireName {
  /** No queue: the facilitator taps whoever speaks. */
  OPEN("open"),
  /** Hands in the order they went up, first come first served. */
  QUEUE("queue"),
  /** Hands ordered by fewest turns so far, then least airtime, then earliest hand. */
  PROGRESSIVE("progressive"),
  /** A go-around in a fixed order; each person may speak or pass. */
  ROUND("round");

  private final String wire;

  FloorMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  public static FloorMode parse(String field, String value) {
    return WireName.parse(values(), field, value);
  }

  /** Whether people wait in a queue of raised hands: {@code queue} or {@code progressive}. */
  public boolean isHandQueue() {
    return this == QUEUE || this == PROGRESSIVE;
  }

  boolean usesHands() {
    return this != OPEN;
  }
}
