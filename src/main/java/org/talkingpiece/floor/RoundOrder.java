package org.talkingpiece.floor;

/** How a go-around is ordered when it starts. */
public enum RoundOrder implements WireName {
  /** The order in which participants joined the session. */
  JOIN("join"),
  /** Join order shuffled once when the round starts; the result is recorded in the log. */
  SHUFFLED("shuffled"),
  /** An order the facilitator gives with the command. */
  ARRANGED("arranged");

  private final String wire;

  RoundOrder(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  public static RoundOrder parse(String field, String value) {
    return WireName.parse(values(), field, value);
  }
}
