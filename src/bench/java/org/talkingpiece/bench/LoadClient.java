package org.talkingpiece.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Many participants' WebSockets at {@code /eventbus/websocket}, speaking the bridge's JSON frames the
 * way the browser client does: register, send with a reply address, ping every five seconds.
 * Replies are parsed; deliveries are only scanned for their address and version and handed to a
 * listener, so the client spends little of the machine it shares with the server.
 */
public final class LoadClient implements AutoCloseable {
  /** The browser client's default ping interval. */
  static final long PING_MS = 5_000;

  private final Vertx vertx;
  private final WebSocketClient client;
  private final String host;
  private final int port;
  final AtomicLong framesIn = new AtomicLong();
  final AtomicLong bytesIn = new AtomicLong();
  final AtomicLong errors = new AtomicLong();

  public LoadClient(String host, int port, int maxSockets) {
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    // The default pool allows 50 WebSockets per server; a load client needs them all open at once.
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(maxSockets + 16)
        .setMaxFrameSize(1 << 20)
        .setMaxMessageSize(4 << 20)
        .setConnectTimeout(30_000));
    this.host = host;
    this.port = port;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** A delivery on a registered address: the socket, the address, the version in it (or -1), when. */
  public interface Listener {
    void delivered(Socket socket, String address, long version, long atNanos, byte[] frame);
  }

  public Future<Socket> connect(int index, Listener listener) {
    return client.connect(port, host, "/eventbus/websocket").map(ws -> new Socket(index, ws, listener));
  }

  /** What came back for a send: the parsed body, or the error's code and message; when it went and came. */
  public record Reply(JsonObject body, Integer failureCode, String message, long sentNanos, long atNanos) {
    public boolean ok() {
      return failureCode == null;
    }

    /** The reply's {@code version}, or -1. */
    public long version() {
      return body == null ? -1 : body.getLong("version", -1L);
    }

    public long roundTripMicros() {
      return (atNanos - sentNanos) / 1_000;
    }
  }

  private record Pending(long sentNanos, Consumer<Reply> callback) {}

  public final class Socket {
    final int index;
    private final WebSocket ws;
    private final Listener listener;
    private final Map<String, Pending> waiting = new HashMap<>();
    private long nextReply;
    private final long[] pingTimer = {-1};
    private final io.vertx.core.Context context;
    private volatile boolean closed;

    private Socket(int index, WebSocket ws, Listener listener) {
      this.index = index;
      this.ws = ws;
      this.listener = listener;
      ws.binaryMessageHandler(this::onMessage);
      ws.textMessageHandler(text -> onMessage(Buffer.buffer(text)));
      ws.closeHandler(v -> closed = true);
      ws.exceptionHandler(e -> errors.incrementAndGet());
      // Made on the connection's event loop: commands for this socket are written from there.
      this.context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
      // Jittered so ten thousand sockets do not ping in the same millisecond.
      long first = 1 + (long) (Math.random() * PING_MS);
      pingTimer[0] = vertx.setTimer(first, t -> {
        ping();
        pingTimer[0] = vertx.setPeriodic(PING_MS, p -> ping());
      });
    }

    public int index() {
      return index;
    }

    public boolean isClosed() {
      return closed;
    }

    private void ping() {
      if (!closed) {
        ws.writeTextMessage("{\"type\":\"ping\"}");
      }
    }

    private void onMessage(Buffer buffer) {
      long at = System.nanoTime();
      byte[] frame = buffer.getBytes();
      framesIn.incrementAndGet();
      bytesIn.addAndGet(frame.length);
      String address = BridgeFrames.address(frame);
      Pending pending = address == null ? null : waiting.remove(address);
      if (pending != null) {
        JsonObject json = new JsonObject(buffer);
        if ("err".equals(json.getString("type"))) {
          pending.callback().accept(new Reply(null, json.getInteger("failureCode", 0), json.getString("message"),
              pending.sentNanos(), at));
        } else {
          pending.callback().accept(new Reply(json.getJsonObject("body"), null, null, pending.sentNanos(), at));
        }
        return;
      }
      if (BridgeFrames.isError(frame)) {
        errors.incrementAndGet();
        return;
      }
      listener.delivered(this, address, BridgeFrames.version(frame), at, frame);
    }

    /** Registers for deliveries on an address, with this participant's token. */
    public void register(String address, String token) {
      JsonObject frame = new JsonObject().put("type", "register").put("address", address);
      if (token != null) {
        frame.put("headers", new JsonObject().put("token", token));
      }
      ws.writeTextMessage(frame.encode());
    }

    /**
     * Sends a command and calls back with its reply (on this socket's event loop). Call it from that
     * event loop or through {@link #onLoop}.
     */
    public void send(String address, String token, JsonObject body, Consumer<Reply> onReply) {
      String reply = "r." + index + "." + (nextReply++);
      JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("replyAddress", reply)
          .put("body", body);
      if (token != null) {
        frame.put("headers", new JsonObject().put("token", token));
      }
      String text = frame.encode();
      waiting.put(reply, new Pending(System.nanoTime(), onReply));
      ws.writeTextMessage(text);
    }

    /** Same as {@link #send} but completes a future; safe from any thread. */
    public Future<Reply> request(String address, String token, JsonObject body) {
      Promise<Reply> promise = Promise.promise();
      onLoop(() -> send(address, token, body, promise::complete));
      return promise.future();
    }

    /** Runs an action on this socket's event loop. */
    public void onLoop(Runnable action) {
      context.runOnContext(v -> action.run());
    }

    void close() {
      vertx.cancelTimer(pingTimer[0]);
      closed = true;
      ws.close();
    }
  }

  @Override
  public void close() {
    try {
      client.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // Closing at the end of a run: nothing to keep.
    }
    try {
      vertx.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // As above.
    }
  }
}
