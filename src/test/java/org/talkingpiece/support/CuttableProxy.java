package org.talkingpiece.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 whose link can be cut and restored, to take a database away from a
 * running server the way a network failure would.
 */
public final class CuttableProxy implements AutoCloseable {
  private final Vertx vertx;
  private final NetServer server;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private CuttableProxy(Vertx vertx, int targetPort) throws Exception {
    this.vertx = vertx;
    var client = vertx.createNetClient();
    this.server = vertx.createNetServer().connectHandler(in -> {
      if (cut) {
        in.close();
        return;
      }
      in.pause();
      client.connect(targetPort, "127.0.0.1").onSuccess(out -> {
        open.add(in);
        open.add(out);
        in.handler(out::write);
        out.handler(in::write);
        in.closeHandler(v -> out.close());
        out.closeHandler(v -> in.close());
        in.resume();
      }).onFailure(e -> in.close());
    }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  public static CuttableProxy to(Vertx vertx, int targetPort) throws Exception {
    return new CuttableProxy(vertx, targetPort);
  }

  public int port() {
    return server.actualPort();
  }

  /** Drops every connection and refuses new ones. */
  public void cut() {
    cut = true;
    open.forEach(NetSocket::close);
    open.clear();
  }

  public void restore() {
    cut = false;
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
