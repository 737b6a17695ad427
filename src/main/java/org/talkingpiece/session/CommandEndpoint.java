package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * The event-bus face of one session owner: it takes frames from the session's command, presence and
 * control addresses, turns the identity headers the bridge guard set into an {@link Actor}, hands the
 * owner a well-formed command, and turns any failure into a {@code "code: message"} reply.
 *
 * <p>Threading: its consumers are registered on the owner's event loop, so every handler runs there.
 */
final class CommandEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(CommandEndpoint.class);
  static final String ROLE_HEADER = "tp-role";
  static final String PARTICIPANT_HEADER = "tp-participant";
  static final String SYSTEM_ROLE = "SYSTEM";

  private final Vertx vertx;
  private final SessionOwner owner;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  CommandEndpoint(Vertx vertx, SessionOwner owner) {
    this.vertx = vertx;
    this.owner = owner;
  }

  /** Starts listening; completes once every consumer is registered. */
  Future<Void> register(String sessionId) {
    var bus = vertx.eventBus();
    MessageConsumer<Object> cmd = bus.consumer(Addresses.command(sessionId), this::onCommand);
    MessageConsumer<JsonObject> presence = bus.consumer(Addresses.presence(sessionId),
        msg -> owner.presenceChanged(msg.body().getString("participantId"), msg.body().getBoolean("connected", false)));
    MessageConsumer<JsonObject> control = bus.consumer(Addresses.control(sessionId), msg -> {
      owner.lost();
      msg.reply(new JsonObject().put("ok", true));
    });
    consumers.add(cmd);
    consumers.add(presence);
    consumers.add(control);
    return Future.join(cmd.completion(), presence.completion(), control.completion()).mapEmpty();
  }

  Future<Void> close() {
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  private void onCommand(Message<Object> msg) {
    if (!(msg.body() instanceof JsonObject body)) {
      msg.fail(400, "invalid-input: A command must be a JSON object {command, args}");
      return;
    }
    if ("DISPLAY".equals(msg.headers().get(ROLE_HEADER))) {
      if ("sync".equals(body.getString("command"))) {
        msg.reply(owner.displaySync());
      } else {
        msg.fail(403, "forbidden: The display view only listens");
      }
      return;
    }
    Actor actor;
    try {
      actor = actorFrom(msg.headers());
    } catch (AppException e) {
      fail(msg, e);
      return;
    }
    Object args = body.getValue("args");
    if (args != null && !(args instanceof JsonObject)) {
      msg.fail(400, "invalid-input: args must be a JSON object");
      return;
    }
    owner.execute(actor, body.getString("command"), (JsonObject) args)
        .onSuccess(msg::reply)
        .onFailure(e -> fail(msg, e));
  }

  static Actor actorFrom(MultiMap headers) {
    String role = headers.get(ROLE_HEADER);
    if (SYSTEM_ROLE.equals(role)) {
      return null;
    }
    if ("FACILITATOR".equals(role)) {
      return Actor.facilitator();
    }
    if ("PARTICIPANT".equals(role) && headers.get(PARTICIPANT_HEADER) != null) {
      return Actor.participant(headers.get(PARTICIPANT_HEADER));
    }
    throw new AppException(ErrorCode.FORBIDDEN, "This token cannot send commands");
  }

  private static void fail(Message<?> msg, Throwable e) {
    AppException app = e instanceof AppException a ? a : new AppException(ErrorCode.INTERNAL, "Something went wrong on our side");
    if (!(e instanceof AppException)) {
      LOG.error("A session command failed unexpectedly", e);
    }
    msg.fail(app.code().status(), app.code().code() + ": " + app.getMessage());
  }
}
