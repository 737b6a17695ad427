package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.BusFailure;
import org.talkingpiece.shared.ErrorCode;

/**
 * The event-bus face of one session owner: it takes frames from the session's command, presence and
 * control addresses, turns the identity headers the bridge guard set into an {@link Actor}, hands the
 * owner a well-formed command, and turns any failure into a {@code "code: message"} reply.
 *
 * <p>Threading: its consumers are registered on the owner's event loop, so every handler runs there.
 */
final class CommandEndpoint {

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
    Actor actor;
    SessionCommand command;
    try {
      actor = Identity.actorFrom(msg.headers());
      command = parse(msg.body());
    } catch (AppException e) {
      BusFailure.fail(msg, e);
      return;
    }
    if (actor != null && actor.isDisplay()) {
      if (command instanceof SessionCommand.Sync) {
        msg.reply(owner.displaySync());
      } else {
        BusFailure.fail(msg, ErrorCode.FORBIDDEN, "The display view only listens");
      }
      return;
    }
    owner.execute(actor, command)
        .onSuccess(msg::reply)
        .onFailure(e -> BusFailure.fail(msg, e));
  }

  /** A frame's body, {@code {command, args?}}, as the command it names. */
  private static SessionCommand parse(Object body) {
    if (!(body instanceof JsonObject json) || !(json.getValue("command", "") instanceof String name)) {
      throw AppException.invalid("A command must be a JSON object {command, args}");
    }
    Object args = json.getValue("args");
    if (args != null && !(args instanceof JsonObject)) {
      throw AppException.invalid("args must be a JSON object");
    }
    return SessionCommand.parse(name, (JsonObject) args);
  }
}
