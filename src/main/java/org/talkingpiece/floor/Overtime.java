package org.talkingpiece.floor;

/** What happens when a timed turn reaches its limit. */
public enum Overtime implements WireName {
  /** The turn goes on; screens show it is over time and the facilitator decides. */
  SOFT("soft"),
  /** The turn ends ({@code expired}) and the next speaker in the queue or round gets the floor. */
  HARD("hard");

  private final String wire;

  Overtime(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  public static Overtime parse(String field, String value) {
    return WireName.parse(values(), field, value);
  }
}
