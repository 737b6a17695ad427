package org.talkingpiece.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * A feature's HTTP routes. The HTTP verticle mounts every feature's routes into its router; with
 * several verticle instances the same object is mounted once per instance, so implementations hold
 * no per-request state and are safe to call from several event loops.
 */
@FunctionalInterface
public interface Routes {
  void mount(Router router, Vertx vertx);
}
