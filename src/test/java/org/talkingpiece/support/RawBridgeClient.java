package org.talkingpiece.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A browser stand-in speaking the bridge's raw WebSocket protocol at {@code /eventbus/websocket}:
 * JSON frames out, every frame the server sends (binary, JSON) collected in arrival order.
 */
public final class RawBridgeClient implements AutoCloseable {
  private final io.vertx.core.http.WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private volatile boolean closed;
  private volatile Short closeStatus;

  private RawBridgeClient(io.vertx.core.http.WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    // Whole messages, not frames: the server splits large views into several frames.
    socket.binaryMessageHandler(buffer -> received.add(new JsonObject(buffer.toString())));
    socket.textMessageHandler(text -> received.add(new JsonObject(text)));
    socket.closeHandler(v -> {
      closed = true;
      closeStatus = socket.closeStatusCode();
    });
  }

  public static RawBridgeClient connect(Vertx vertx, int port) throws Exception {
    // The client is kept with its socket: a client nobody holds may be closed under the socket.
    var client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 20));
    WebSocket ws = client.connect(port, "127.0.0.1", "/eventbus/websocket").await(20, TimeUnit.SECONDS);
    return new RawBridgeClient(client, ws);
  }

  public void sendFrame(JsonObject frame) throws Exception {
    socket.writeTextMessage(frame.encode()).await(5, TimeUnit.SECONDS);
  }

  /** Sends a command frame with a token header and a reply address. */
  public void send(String address, String token, JsonObject body, String replyAddress) throws Exception {
    JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("body", body)
        .put("replyAddress", replyAddress);
    if (token != null) {
      frame.put("headers", new JsonObject().put("token", token));
    }
    sendFrame(frame);
  }

  public void register(String address, String token) throws Exception {
    JsonObject frame = new JsonObject().put("type", "register").put("address", address);
    if (token != null) {
      frame.put("headers", new JsonObject().put("token", token));
    }
    sendFrame(frame);
  }

  /** The next frame from the server, or null after the timeout. */
  public JsonObject next(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** Waits for the next frame matching a predicate, skipping others; null after the timeout. */
  public JsonObject nextMatching(java.util.function.Predicate<JsonObject> p, long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (true) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        return null;
      }
      JsonObject f = received.poll(left, TimeUnit.MILLISECONDS);
      if (f == null) {
        return null;
      }
      if (p.test(f)) {
        return f;
      }
    }
  }

  public boolean isClosed() {
    return closed;
  }

  public Short closeStatus() {
    return closeStatus;
  }

  @Override
  public void close() {
    if (!closed) {
      socket.close();
    }
    client.close();
  }
}
