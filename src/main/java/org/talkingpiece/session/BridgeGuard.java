package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.Config;
import org.talkingpiece.session.Addresses.ClientAddress;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.BusFailure;
import org.talkingpiece.shared.RateLimiter;
import org.talkingpiece.shared.ErrorCode;

/**
 * Decides every frame a browser sends over the bridge. Deny by default: the bridge's permits only
 * let browsers send to a session's command address and register on its browser-facing addresses;
 * this guard then requires a token (frame header {@code token}) that grants exactly that session and
 * channel, replaces the frame's headers with the identity it resolved (so a body or header can never
 * claim to be someone else), and refuses oversized frames and floods with a clear error while the
 * server keeps serving everyone else.
 *
 * <p>One guard per HTTP verticle instance; all its state is touched on that instance's event loop.
 */
final class BridgeGuard implements Handler<BridgeEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeGuard.class);
  /** Frames refused for rate within {@link #FLOOD_WINDOW_MS} after which a socket is closed as a flood. */
  private static final int FLOOD_CLOSE_AFTER = 50;
  private static final long FLOOD_WINDOW_MS = 10_000;

  private final Vertx vertx;
  private final SessionTokens tokens;
  private final int maxFrameBytes;
  private final int framesPerSecond;
  private final InstantSource clock;
  private final Map<SockJSSocket, SocketState> sockets = new IdentityHashMap<>();

  BridgeGuard(Vertx vertx, SessionTokens tokens, Config config, InstantSource clock) {
    this.vertx = vertx;
    this.clock = clock;
    this.tokens = tokens;
    this.maxFrameBytes = config.bridgeMaxFrameBytes();
    this.framesPerSecond = config.bridgeMaxFramesPerSecond();
    vertx.eventBus().<String>consumer(Addresses.TOKEN_REVOKED, msg -> dropSocketsUsing(msg.body()));
  }

  private static final class SocketState {
    final RateLimiter limiter;
    /** Resolutions by token, kept while they succeed, so a burst of frames costs one lookup. */
    final Map<String, Future<SessionToken>> resolved = new HashMap<>();
    final Set<ClientAddress> participantChannels = new HashSet<>();
    long floodWindowStart;
    int refusedInWindow;

    SocketState(RateLimiter limiter) {
      this.limiter = limiter;
    }
  }

  @Override
  public void handle(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    BridgeEventType type = event.type();
    switch (type) {
      case SOCKET_CREATED -> {
        sockets.put(socket, new SocketState(new RateLimiter(framesPerSecond, clock.millis())));
        event.complete(true);
      }
      case SOCKET_CLOSED -> {
        SocketState state = sockets.remove(socket);
        if (state != null) {
          state.participantChannels.forEach(a -> reportPresence(a, false));
        }
        event.complete(true);
      }
      case SEND, REGISTER -> guard(event, socket);
      case PUBLISH -> refuse(event, socket, ErrorCode.FORBIDDEN, "Browsers may not publish; send a command instead");
      default -> event.complete(true);
    }
  }

  private void guard(BridgeEvent event, SockJSSocket socket) {
    SocketState state = sockets.get(socket);
    if (state == null) {
      event.complete(false);
      return;
    }
    long now = clock.millis();
    if (!state.limiter.tryAcquire(now)) {
      refuse(event, socket, ErrorCode.RATE_LIMITED,
          "Too many messages: at most " + framesPerSecond + " a second; this one was dropped");
      if (now - state.floodWindowStart > FLOOD_WINDOW_MS) {
        state.floodWindowStart = now;
        state.refusedInWindow = 0;
      }
      if (++state.refusedInWindow >= FLOOD_CLOSE_AFTER) {
        LOG.warn("Closing a bridge socket from {} that kept flooding", socket.remoteAddress());
        socket.close(4008, "flood");
      }
      return;
    }
    JsonObject raw = event.getRawMessage();
    if (raw.encode().length() > maxFrameBytes) {
      refuse(event, socket, ErrorCode.TOO_LARGE, "A message may be at most " + maxFrameBytes + " bytes");
      return;
    }
    Optional<ClientAddress> parsed = Addresses.parse(raw.getString("address"));
    if (parsed.isEmpty()) {
      // Not a browser-facing address: the bridge's own permission check refuses it with access_denied.
      event.complete(true);
      return;
    }
    ClientAddress address = parsed.get();
    JsonObject headers = raw.getJsonObject("headers");
    String token = headers == null ? null : headers.getString("token");
    resolve(state, token).onComplete(ar -> {
      if (ar.failed()) {
        ErrorCode code = ar.cause() instanceof AppException app ? app.code() : ErrorCode.UNAUTHENTICATED;
        refuse(event, socket, code, ar.cause().getMessage());
        return;
      }
      SessionToken who = ar.result();
      String why = whyNot(who, address, event.type());
      if (why != null) {
        refuse(event, socket, ErrorCode.FORBIDDEN, why);
        return;
      }
      if (event.type() == BridgeEventType.SEND) {
        event.setRawMessage(raw.copy().put("headers", Identity.headersFor(who)));
      } else if (address.channel() == Addresses.Channel.PARTICIPANT && state.participantChannels.add(address)) {
        reportPresence(address, true);
      }
      event.complete(true);
    });
  }

  private Future<SessionToken> resolve(SocketState state, String token) {
    if (token == null) {
      return Future.failedFuture(new AppException(ErrorCode.UNAUTHENTICATED,
          "A session token is required in the frame headers (headers.token)"));
    }
    Future<SessionToken> known = state.resolved.get(token);
    if (known == null) {
      known = tokens.resolve(token);
      state.resolved.put(token, known);
      known.onFailure(e -> state.resolved.remove(token));
    }
    return known;
  }

  /** Why this identity may not use this address, or null when it may. */
  static String whyNot(SessionToken who, ClientAddress address, BridgeEventType type) {
    if (!who.sessionId().equals(address.sessionId())) {
      return "This token belongs to another session";
    }
    if (type == BridgeEventType.SEND && address.channel() != Addresses.Channel.COMMAND) {
      return "Browsers may only send to a session's command address";
    }
    return switch (address.channel()) {
      case COMMAND -> type != BridgeEventType.SEND ? "Commands are sent, not listened to" : null;
      case PUBLIC -> null;
      case FACILITATOR -> who.role() == Actor.Role.FACILITATOR ? null : "Only the facilitator may listen here";
      case DISPLAY -> who.role() != Actor.Role.PARTICIPANT ? null : "Only the display view may listen here";
      case PARTICIPANT -> who.role() == Actor.Role.PARTICIPANT
          && who.participantId().equals(address.participantId()) ? null : "This is another participant's address";
    };
  }

  /**
   * Refuses a frame with a reason the client can show. A refused send with a reply address gets a
   * failed reply, so the sender's callback hears why; every refusal also reaches the client's onerror.
   */
  private void refuse(BridgeEvent event, SockJSSocket socket, ErrorCode code, String message) {
    JsonObject raw = event.getRawMessage();
    String replyAddress = raw == null ? null : raw.getString("replyAddress");
    JsonObject frame = new JsonObject().put("type", "err")
        .put("failureCode", code.status())
        .put("failureType", "RECIPIENT_FAILURE")
        .put("message", BusFailure.message(code, message))
        .put("body", code == ErrorCode.FORBIDDEN || code == ErrorCode.UNAUTHENTICATED ? "access_denied" : code.code());
    if (replyAddress != null) {
      frame.put("address", replyAddress);
    }
    socket.write(Buffer.buffer(frame.encode()));
    event.complete(false);
  }

  private void reportPresence(ClientAddress address, boolean connected) {
    vertx.eventBus().send(Addresses.presence(address.sessionId()),
        new JsonObject().put("participantId", address.participantId()).put("connected", connected));
  }

  private void dropSocketsUsing(String tokenHash) {
    sockets.entrySet().stream()
        .filter(e -> e.getValue().resolved.values().stream()
            .anyMatch(f -> f.succeeded() && f.result().tokenHash().equals(tokenHash)))
        .map(Map.Entry::getKey)
        .toList()
        .forEach(s -> s.close(4001, "token revoked"));
  }
}
