package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkingpiece.shared.BusFailure;
import org.talkingpiece.shared.Ids;

/**
 * Runs session owners on this node. A new session is opened by whichever host answers
 * {@link #OPEN} (the event bus spreads those across nodes); on start, a host takes over sessions
 * whose owner's lease has run out (or every running session when it is the only node). Leases are
 * renewed every {@link #RENEW_MS}, which also records when each session was last known alive.
 *
 * <p>The owners map is this verticle's own and touched only on its event loop; which node owns a
 * session is recorded in MongoDB, never assumed from memory.
 */
public final class SessionHost extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SessionHost.class);
  /** Internal: "open this session here", sent (not published) so exactly one host takes it. */
  public static final String OPEN = Addresses.INTERNAL_PREFIX + "host.open";
  static final long LEASE_MS = 15_000;
  static final long RENEW_MS = 5_000;
  static final long ENDED_KEPT_MS = 30 * 60_000;

  private final SessionServices services;
  private final boolean onlyNode;
  private final String node = Ids.random();
  private final Map<String, SessionOwner> owners = new HashMap<>();
  /** Sessions being opened right now, so a second request waits for the first instead of opening twice. */
  private final Map<String, Future<Void>> opening = new HashMap<>();
  private long renewTimer;

  /**
   * @param onlyNode true when this server is not clustered: it may take every running session at
   *     start without waiting for old leases to run out
   */
  public SessionHost(SessionServices services, boolean onlyNode) {
    this.services = services;
    this.onlyNode = onlyNode;
  }

  @Override
  public Future<?> start() {
    renewTimer = vertx.setPeriodic(RENEW_MS, t -> renew());
    return vertx.eventBus().<JsonObject>consumer(OPEN, this::onOpen).completion()
        .compose(v -> services.directory().running())
        .compose(ids -> Future.join(ids.stream().map(id -> open(id, onlyNode)
            .recover(e -> {
              LOG.warn("Session {} was not rebuilt here: {}", id, e.getMessage());
              return Future.succeededFuture();
            })).toList()))
        .onSuccess(v -> {
          if (!owners.isEmpty()) {
            LOG.info("Rebuilt {} running session(s) from their logs", owners.size());
          }
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(renewTimer);
    List<String> ids = List.copyOf(owners.keySet());
    List<Future<Void>> closing = new ArrayList<>();
    owners.values().forEach(o -> closing.add(o.close()));
    owners.clear();
    // A clean stop records that every session was alive until now, then lets the leases go.
    return Future.join(closing)
        .compose(v -> services.directory().renew(node, ids, services.clock().millis(), 0))
        .recover(e -> Future.succeededFuture());
  }

  private void onOpen(Message<JsonObject> msg) {
    String id = msg.body().getString("sessionId");
    open(id, false)
        .onSuccess(v -> msg.reply(new JsonObject().put("ok", true)))
        .onFailure(e -> BusFailure.fail(msg, e));
  }

  private Future<Void> open(String sessionId, boolean force) {
    if (owners.containsKey(sessionId)) {
      return Future.succeededFuture();
    }
    Future<Void> already = opening.get(sessionId);
    if (already != null) {
      return already;
    }
    long now = services.clock().millis();
    Future<Void> result = services.directory().claim(sessionId, node, now, LEASE_MS, force)
        .compose(lastAlive -> SessionOwner.open(vertx, sessionId, lastAlive, services))
        .map(owner -> {
          owners.put(sessionId, owner);
          owner.onLost(() -> {
            owners.remove(sessionId);
            owner.close();
          });
          return (Void) null;
        })
        .onComplete(ar -> opening.remove(sessionId));
    if (!result.isComplete()) {
      opening.put(sessionId, result);
    }
    return result;
  }

  private void renew() {
    List<String> ids = List.copyOf(owners.keySet());
    services.directory().renew(node, ids, services.clock().millis(), LEASE_MS)
        .onFailure(e -> LOG.warn("Could not renew session leases: {}", e.getMessage()));
    // Take over sessions whose owner stopped renewing (a node died); losing the race is fine.
    services.directory().orphans(services.clock().millis())
        .onSuccess(orphans -> orphans.stream().filter(id -> !owners.containsKey(id))
            .forEach(id -> open(id, false).onSuccess(v -> LOG.info("Took over session {} from a node that stopped", id))))
        .onFailure(e -> LOG.debug("Could not look for orphaned sessions: {}", e.getMessage()));
    // Ended sessions keep their owner for a while so screens can still show "ended", then let go.
    long now = services.clock().millis();
    for (String id : ids) {
      SessionOwner owner = owners.get(id);
      if (owner != null && owner.state().status() == SessionStatus.ENDED
          && now - owner.state().endedAt() > ENDED_KEPT_MS) {
        owners.remove(id);
        owner.close().onComplete(ar -> services.directory().release(id, node));
      }
    }
  }
}
