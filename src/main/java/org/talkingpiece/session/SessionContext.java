package org.talkingpiece.session;

import io.vertx.core.Vertx;
import java.time.InstantSource;
import org.talkingpiece.curriculum.Module;

/**
 * What a {@link LiveFeature} may see and do in its session. Read-only access to the state; the only
 * way to change what screens show is {@link #publishSoon()}. Use on the owner's thread only.
 */
public interface SessionContext {
  String sessionId();

  SessionState state();

  Module module();

  InstantSource clock();

  Vertx vertx();

  /** Asks the owner to publish fresh views (coalesced with other changes). */
  void publishSoon();
}
