package org.talkingpiece.session;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every event-bus address a session uses, built in one place.
 *
 * <p>Browser-facing addresses start with {@link #CLIENT_PREFIX}; internal ones start with
 * {@link #INTERNAL_PREFIX} and are never permitted on the bridge. A client may send only to
 * {@link #command}; it may register on {@link #publicUpdates}, {@link #facilitator},
 * {@link #display} and {@link #participant}, each guarded by its token (see docs/protocol.md).
 */
public final class Addresses {
  public static final String CLIENT_PREFIX = "tp.client.";
  public static final String INTERNAL_PREFIX = "tp.internal.";
  /** Session and participant ids: random URL-safe base64 (see {@code Ids}). */
  static final String ID = "[A-Za-z0-9_-]{8,64}";
  public static final String COMMAND_REGEX = "tp\\.client\\.session\\." + ID + "\\.cmd";
  public static final String REGISTER_REGEX =
      "tp\\.client\\.session\\." + ID + "\\.(public|facilitator|display|p\\." + ID + ")";
  private static final Pattern CLIENT = Pattern.compile(
      "tp\\.client\\.session\\.(" + ID + ")\\.(cmd|public|facilitator|display|p\\.(" + ID + "))");

  private Addresses() {}

  public static String command(String sessionId) {
    return CLIENT_PREFIX + "session." + sessionId + ".cmd";
  }

  public static String publicUpdates(String sessionId) {
    return CLIENT_PREFIX + "session." + sessionId + ".public";
  }

  public static String facilitator(String sessionId) {
    return CLIENT_PREFIX + "session." + sessionId + ".facilitator";
  }

  public static String display(String sessionId) {
    return CLIENT_PREFIX + "session." + sessionId + ".display";
  }

  public static String participant(String sessionId, String participantId) {
    return CLIENT_PREFIX + "session." + sessionId + ".p." + participantId;
  }

  /** Internal: presence reports from bridge nodes to the session owner. */
  public static String presence(String sessionId) {
    return INTERNAL_PREFIX + "session." + sessionId + ".presence";
  }

  /** Internal: tells a session's owner to let go of it (the session is being deleted). */
  public static String control(String sessionId) {
    return INTERNAL_PREFIX + "session." + sessionId + ".control";
  }

  /** Internal: every node's bridge listens here to drop sockets using a revoked token. */
  public static final String TOKEN_REVOKED = INTERNAL_PREFIX + "bridge.token-revoked";

  /** Which session and channel a browser-facing address names. */
  public record ClientAddress(String sessionId, Channel channel, String participantId) {}

  public enum Channel { COMMAND, PUBLIC, FACILITATOR, DISPLAY, PARTICIPANT }

  /** Parses a browser-facing address; empty for anything else. */
  public static Optional<ClientAddress> parse(String address) {
    if (address == null) {
      return Optional.empty();
    }
    Matcher m = CLIENT.matcher(address);
    if (!m.matches()) {
      return Optional.empty();
    }
    Channel channel = switch (m.group(2)) {
      case "cmd" -> Channel.COMMAND;
      case "public" -> Channel.PUBLIC;
      case "facilitator" -> Channel.FACILITATOR;
      case "display" -> Channel.DISPLAY;
      default -> Channel.PARTICIPANT;
    };
    return Optional.of(new ClientAddress(m.group(1), channel, m.group(3)));
  }
}
