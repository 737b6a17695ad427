package org.talkingpiece.shared;

import java.util.Objects;

/**
 * Who sends a live command, as resolved by the server from a token (never from a message body).
 *
 * @param role the actor's role in this session
 * @param participantId the participant's id for {@link Role#PARTICIPANT}; {@code null} for the facilitator
 */
public record Actor(Role role, String participantId) {
  public enum Role { FACILITATOR, PARTICIPANT }

  public Actor {
    Objects.requireNonNull(role, "role");
    if (role == Role.PARTICIPANT && (participantId == null || participantId.isBlank())) {
      throw new IllegalArgumentException("a participant actor needs a participant id");
    }
    if (role == Role.FACILITATOR) {
      participantId = null;
    }
  }

  public static Actor facilitator() {
    return new Actor(Role.FACILITATOR, null);
  }

  public static Actor participant(String participantId) {
    return new Actor(Role.PARTICIPANT, participantId);
  }

  public boolean isFacilitator() {
    return role == Role.FACILITATOR;
  }
}
