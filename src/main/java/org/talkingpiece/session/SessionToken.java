package org.talkingpiece.session;

import org.talkingpiece.shared.Actor;

/**
 * What a live token grants: one session, as its facilitator, one participant, or the projector.
 *
 * @param sessionId the only session this token reaches
 * @param role who the holder is in that session
 * @param participantId the participant's id for {@link Role#PARTICIPANT}, else {@code null}
 * @param tokenHash the stored hash of the token (used to revoke live sockets), never the token
 */
public record SessionToken(String sessionId, Role role, String participantId, String tokenHash) {
  public enum Role { FACILITATOR, PARTICIPANT, DISPLAY }

  /** The actor commands run as; the display sends no commands. */
  public Actor actor() {
    return switch (role) {
      case FACILITATOR -> Actor.facilitator();
      case PARTICIPANT -> Actor.participant(participantId);
      case DISPLAY -> throw new IllegalStateException("the display view sends no commands");
    };
  }
}
