package org.talkingpiece.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: a bare Vert.x SockJS bridge with nothing of Talking Piece in it. A send of
 * {@code {group}} to {@code bench.cmd} publishes a state-shaped frame of {@code frameBytes} (the size
 * the bench measured for the real view) to {@code bench.out.<group>} and replies with its version, so
 * the load client measures it exactly as it measures the server, group for session. Run as its own
 * process: {@code BaselineServer PORT FRAME_BYTES}.
 */
public final class BaselineServer {
  static final String COMMAND = "bench.cmd";
  static final String OUT = "bench.out.";

  static String out(int group) {
    return OUT + group;
  }

  private BaselineServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int frameBytes = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    java.util.Map<Integer, Long> versions = new java.util.HashMap<>();
    String padding = "x".repeat(Math.max(0, frameBytes - 120));
    vertx.eventBus().<JsonObject>consumer(COMMAND, msg -> {
      int group = msg.body() == null ? 0 : msg.body().getInteger("group", 0);
      long v = versions.merge(group, 1L, Long::sum);
      long now = System.currentTimeMillis();
      vertx.eventBus().publish(out(group), new JsonObject().put("type", "state").put("version", v).put("serverTime", now)
          .put("view", new JsonObject().put("padding", padding)));
      msg.reply(new JsonObject().put("ok", true).put("version", v));
    });
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddress(COMMAND))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("bench\\.out\\.[0-9]+"))
        .setPingTimeout(30_000);
    Router router = Router.router(vertx);
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, new SockJSHandlerOptions()
        .setRegisterWriteHandler(false)).bridge(options));
    int actual = vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
        .await(20, TimeUnit.SECONDS).actualPort();
    System.out.println("READY " + actual);
    System.out.flush();
  }
}
