package org.talkingpiece.session;

import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.Actor.Role;

/**
 * What a live token grants: one session, as its facilitator, one participant, or the projector.
 *
 * @param sessionId the only session this token reaches
 * @param role who the holder is in that session
 * @param participantId the participant's id for {@link Role#PARTICIPANT}, else {@code null}
 * @param tokenHash the stored hash of the token (used to revoke live sockets), never the token
 */
public record SessionToken(String sessionId, Role role, String participantId, String tokenHash) {

  /** The actor this token's holder is. */
  public Actor actor() {
    return new Actor(role, participantId);
  }
}
