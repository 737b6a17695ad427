package org.talkingpiece.floor;

import java.util.ArrayList;
import java.util.List;

/**
 * One plan being worked out: a scratch copy of the floor, the events planned so far (each already
 * applied to the copy, so later steps see its effect), the roster and the time. Lives for one call on
 * the owner's thread.
 */
final class Decision {
  private final Floor floor;
  private final Roster roster;
  private final long now;
  private final List<FloorEvent> events = new ArrayList<>();

  Decision(Floor scratch, Roster roster, long now) {
    this.floor = scratch;
    this.roster = roster;
    this.now = now;
  }

  Floor floor() {
    return floor;
  }

  /** The roster; {@code null} for plans that need none (new activity, restart). */
  Roster roster() {
    return roster;
  }

  long now() {
    return now;
  }

  void emit(FloorEvent event) {
    floor.apply(event);
    events.add(event);
  }

  List<FloorEvent> events() {
    return List.copyOf(events);
  }
}
