package org.talkingpiece.floor;

import java.util.List;

/**
 * The session's participants as the floor needs to see them. The session owner supplies it on each
 * call, on its own thread; the floor reads it during that call and keeps no reference to it.
 *
 * <p>Contract: {@link #joinOrder()} only grows (a removed participant stays in it, marked removed), so
 * "who joined after this round started" has one answer on a live session and on a rebuilt one.
 */
public interface Roster {

  /** Every participant who joined the session, in join order, removed ones included. */
  List<String> joinOrder();

  /** Whether the participant ever joined this session (removed ones included). */
  boolean contains(String participantId);

  /** Connected, not stepped out and not removed: someone a round can give the floor to now. */
  boolean isPresent(String participantId);

  /** Removed from the session by the facilitator: out of the queue, the round and the floor for good. */
  boolean isRemoved(String participantId);

  /** The name to show on screens (display name or pseudonym). */
  String displayName(String participantId);
}
