package org.talkingpiece.session;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;

/**
 * The identity headers on a session's command address, written and read only here. The bridge guard
 * replaces a browser frame's headers with {@link #headersFor} the token it resolved; the server itself
 * marks its own requests with {@link #asServer}; the command endpoint reads both back with
 * {@link #actorFrom}. Nothing a browser writes in a header or a body can claim to be someone else.
 */
public final class Identity {
  /** The {@link Actor.Role} name, or {@link #SERVER} for the server itself. */
  public static final String ROLE_HEADER = "tp-role";
  /** The participant's id, present only for {@link Actor.Role#PARTICIPANT}. */
  public static final String PARTICIPANT_HEADER = "tp-participant";
  private static final String SERVER = "SYSTEM";

  private Identity() {}

  /** The headers that stand for a token's holder on a frame the bridge forwards. */
  public static JsonObject headersFor(SessionToken token) {
    JsonObject headers = new JsonObject().put(ROLE_HEADER, token.role().name());
    if (token.participantId() != null) {
      headers.put(PARTICIPANT_HEADER, token.participantId());
    }
    return headers;
  }

  /** Marks a request as sent by the server itself (an HTTP route acting for someone it checked). */
  static DeliveryOptions asServer(DeliveryOptions options) {
    return options.addHeader(ROLE_HEADER, SERVER);
  }

  /**
   * Who sent a command: {@code null} for the server itself, else the actor the headers name.
   *
   * @throws AppException FORBIDDEN when the headers name nobody who may send commands
   */
  static Actor actorFrom(MultiMap headers) {
    String role = headers.get(ROLE_HEADER);
    if (SERVER.equals(role)) {
      return null;
    }
    for (Actor.Role r : Actor.Role.values()) {
      if (r.name().equals(role)) {
        String participant = headers.get(PARTICIPANT_HEADER);
        if (r == Actor.Role.PARTICIPANT && participant == null) {
          break;
        }
        return new Actor(r, participant);
      }
    }
    throw AppException.forbidden("This token cannot send commands");
  }
}
