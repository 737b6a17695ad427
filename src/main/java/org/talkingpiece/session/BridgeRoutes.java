package org.talkingpiece.session;

import io.vertx.core.Vertx;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import java.time.InstantSource;
import org.talkingpiece.Config;
import org.talkingpiece.web.Routes;

/**
 * The SockJS event-bus bridge at {@code /eventbus}: the only way live traffic reaches browsers.
 * Permits are exact patterns over browser-facing addresses; {@link BridgeGuard} checks the token of
 * every frame against the address it names.
 */
public final class BridgeRoutes implements Routes {
  private final Config config;
  private final SessionTokens tokens;
  private final InstantSource clock;

  public BridgeRoutes(Config config, SessionTokens tokens, InstantSource clock) {
    this.config = config;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddressRegex(Addresses.COMMAND_REGEX))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(Addresses.REGISTER_REGEX))
        .setMaxAddressLength(200)
        .setMaxHandlersPerSocket(8)
        .setPingTimeout(30_000)
        .setReplyTimeout(10_000);
    SockJSHandler sockJS = SockJSHandler.create(vertx, new SockJSHandlerOptions()
        .setRegisterWriteHandler(false)
        .setHeartbeatInterval(10_000));
    router.route("/eventbus/*").subRouter(sockJS.bridge(options, new BridgeGuard(vertx, tokens, config, clock)));
  }
}
