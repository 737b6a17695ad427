package org.talkingpiece.shared;

import java.util.Objects;

/**
 * Who acts in a live session, as resolved by the server from a token (never from a message body).
 * The server itself, acting for an HTTP route (a join, a snapshot), is no actor: it is passed as
 * {@code null}.
 *
 * @param role the actor's role in this session
 * @param participantId the participant's id for {@link Role#PARTICIPANT}; {@code null} otherwise
 */
public record Actor(Role role, String participantId) {

  /**
   * Someone's role inside one live session, as a session token grants it. This is not an account's
   * role ({@code accounts.Role}: admin, facilitator, author), which says what a signed-in account may
   * do on the site; an account with the facilitator role gets a {@link #FACILITATOR} token for the
   * sessions it runs, while participants and the projector have no account at all.
   */
  public enum Role {
    /** Runs the session: every command, the facilitator's view. */
    FACILITATOR,
    /** One person in the session: their own commands, the public view and their private one. */
    PARTICIPANT,
    /** The projector: only listens, to the display view. */
    DISPLAY
  }

  public Actor {
    Objects.requireNonNull(role, "role");
    if (role == Role.PARTICIPANT && (participantId == null || participantId.isBlank())) {
      throw new IllegalArgumentException("a participant actor needs a participant id");
    }
    if (role != Role.PARTICIPANT) {
      participantId = null;
    }
  }

  public static Actor facilitator() {
    return new Actor(Role.FACILITATOR, null);
  }

  public static Actor participant(String participantId) {
    return new Actor(Role.PARTICIPANT, participantId);
  }

  public static Actor display() {
    return new Actor(Role.DISPLAY, null);
  }

  public boolean isFacilitator() {
    return role == Role.FACILITATOR;
  }

  public boolean isDisplay() {
    return role == Role.DISPLAY;
  }
}
