package org.talkingpiece.anonymity.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.talkingpiece.session.Addresses;

/**
 * One person's raw bridge connection to a session (the bridge's JSON frames over a plain WebSocket at
 * {@code /eventbus/websocket}): sends commands with their token and waits for the reply, or listens on
 * addresses and keeps every frame it hears. Whole messages are read, since a facilitator's view is
 * larger than one WebSocket frame. Blocking; use from the test thread.
 */
final class BridgeActor implements AutoCloseable {
  /** Held for as long as the socket: Vert.x closes a client's connections once the client is garbage. */
  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final String sessionId;
  final String token;
  private final List<JsonObject> heard = new ArrayList<>();
  private int replies;

  /** A refused command: the failure code and the message the client would show. */
  static final class Refused extends RuntimeException {
    final int code;

    Refused(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  BridgeActor(Vertx vertx, int port, String sessionId, String token) throws Exception {
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 22));
    this.socket = client.connect(port, "127.0.0.1", "/eventbus/websocket").await(10, TimeUnit.SECONDS);
    socket.binaryMessageHandler(b -> received.add(new JsonObject(b.toString())));
    socket.textMessageHandler(t -> received.add(new JsonObject(t)));
    this.sessionId = sessionId;
    this.token = token;
  }

  /** Sends a command and waits for its reply body; throws {@link Refused} for a failed reply. */
  JsonObject send(String command, JsonObject args) throws Exception {
    for (int attempt = 0; ; attempt++) {
      String reply = "r-" + (++replies);
      write(new JsonObject().put("type", "send").put("address", Addresses.command(sessionId)).put("replyAddress", reply)
          .put("headers", new JsonObject().put("token", token))
          .put("body", new JsonObject().put("command", command).put("args", args == null ? new JsonObject() : args)));
      JsonObject frame = next(f -> reply.equals(f.getString("address")), 10_000);
      if (frame == null) {
        throw new AssertionError("no reply to " + command);
      }
      if ("err".equals(frame.getString("type"))) {
        int code = frame.getInteger("failureCode", 0);
        if (code == 429 && attempt < 20) {
          Thread.sleep(250);
          continue;
        }
        throw new Refused(code, frame.getString("message"));
      }
      return frame.getJsonObject("body");
    }
  }

  /** Registers on an address; refusals arrive as frames, see {@link #heard(long)}. */
  void listen(String address) throws Exception {
    write(new JsonObject().put("type", "register").put("address", address).put("headers", new JsonObject().put("token", token)));
  }

  private void write(JsonObject frame) throws Exception {
    socket.writeTextMessage(frame.encode()).await(5, TimeUnit.SECONDS);
  }

  /** The next frame that matches; frames that do not are kept for {@link #heard(long)}. */
  private JsonObject next(Predicate<JsonObject> wanted, long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    for (long left = millis; left > 0; left = end - System.currentTimeMillis()) {
      JsonObject f = received.poll(left, TimeUnit.MILLISECONDS);
      if (f == null) {
        return null;
      }
      if (wanted.test(f)) {
        return f;
      }
      heard.add(f);
    }
    return null;
  }

  /** Every frame heard so far, waiting up to {@code quietMillis} for more after the last one. */
  List<JsonObject> heard(long quietMillis) throws InterruptedException {
    JsonObject f;
    while ((f = received.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
      heard.add(f);
    }
    return List.copyOf(heard);
  }

  @Override
  public void close() {
    socket.close();
    client.close();
  }
}
