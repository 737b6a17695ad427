package org.talkingpiece.session;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.talkingpiece.airtime.AirtimeSnapshot;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * Sends a session's views to its screens: one full view per audience (public, facilitator, display),
 * and each participant's private view only when it changed. Publishing is coalesced: at most one
 * publish per {@link #PUBLISH_GAP_MS}, and never of a version that is not yet durable.
 *
 * <p>The views themselves come from {@link SessionViews} plus each {@link LiveFeature}'s part; this
 * class decides only when and to whom. Threading: the owner's event loop only.
 */
final class SessionPublisher {
  static final long PUBLISH_GAP_MS = 100;

  private final Vertx vertx;
  private final SessionState state;
  private final SessionViews views;
  private final List<LiveFeature> features;
  private final InstantSource clock;
  private final String joinUrl;
  /** The newest version known to be durable: screens are never shown a state newer than this. */
  private final LongSupplier durableVersion;
  private final Map<String, JsonObject> lastPrivate = new HashMap<>();
  private long lastPublishAt;
  private long timer = -1;
  private boolean closed;

  SessionPublisher(Vertx vertx, SessionState state, SessionViews views, List<LiveFeature> features,
      InstantSource clock, String joinUrl, LongSupplier durableVersion) {
    this.vertx = vertx;
    this.state = state;
    this.views = views;
    this.features = features;
    this.clock = clock;
    this.joinUrl = joinUrl;
    this.durableVersion = durableVersion;
  }

  /** Publishes fresh views soon, coalesced with every other change in the same gap. */
  void publishSoon() {
    if (timer >= 0 || closed) {
      return;
    }
    long wait = lastPublishAt + PUBLISH_GAP_MS - clock.millis();
    timer = vertx.setTimer(Math.max(1, wait), t -> publishNow());
  }

  /** Stops publishing for good (the owner is letting the session go). */
  void close() {
    closed = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** Forgets what a removed participant was last sent. */
  void forget(String participantId) {
    lastPrivate.remove(participantId);
  }

  private void publishNow() {
    timer = -1;
    if (closed || state.version() > durableVersion.getAsLong()) {
      // A newer version is still being flushed; its flush publishes.
      return;
    }
    long now = clock.millis();
    lastPublishAt = now;
    var bus = vertx.eventBus();
    String id = state.id();
    // One airtime projection for every audience of this publish.
    AirtimeSnapshot airtime = views.airtime(state, now);
    bus.publish(Addresses.publicUpdates(id), envelope(publicView(airtime, now), now));
    bus.publish(Addresses.facilitator(id), envelope(facilitatorView(airtime, now), now));
    bus.publish(Addresses.display(id), envelope(displayView(airtime, now), now));
    for (Participant p : state.members()) {
      JsonObject view = participantView(p, airtime);
      if (!view.equals(lastPrivate.get(p.id()))) {
        lastPrivate.put(p.id(), view);
        bus.publish(Addresses.participant(id, p.id()), envelope(view, now));
      }
    }
  }

  /**
   * The views a {@code sync} answers with: the facilitator's (with the display's and the notes) for
   * the facilitator or the server, the public and private ones for a participant still in the session.
   */
  JsonObject viewsFor(Actor actor, long now) {
    AirtimeSnapshot airtime = views.airtime(state, now);
    if (actor == null || actor.isFacilitator()) {
      return new JsonObject().put("facilitator", facilitatorView(airtime, now))
          .put("display", displayView(airtime, now))
          .put("notes", views.facilitatorNotes());
    }
    Participant p = state.participant(actor.participantId()).filter(x -> !x.removed())
        .orElseThrow(() -> new AppException(ErrorCode.UNAUTHENTICATED, "You are no longer in this session"));
    return new JsonObject().put("public", publicView(airtime, now)).put("private", participantView(p, airtime));
  }

  /** What the display's {@code sync} answers with: its own view only. */
  JsonObject displayViews(long now) {
    return new JsonObject().put("display", displayView(views.airtime(state, now), now));
  }

  private JsonObject publicView(AirtimeSnapshot airtime, long now) {
    return withFeatures(views.publicView(state, joinUrl, airtime, now), LiveFeature.Audience.PUBLIC, null);
  }

  private JsonObject facilitatorView(AirtimeSnapshot airtime, long now) {
    return withFeatures(views.facilitatorView(state, joinUrl, airtime, now), LiveFeature.Audience.FACILITATOR, null);
  }

  private JsonObject displayView(AirtimeSnapshot airtime, long now) {
    return withFeatures(views.displayView(state, joinUrl, airtime, now), LiveFeature.Audience.DISPLAY, null);
  }

  private JsonObject participantView(Participant p, AirtimeSnapshot airtime) {
    return withFeatures(views.participantView(state, p, airtime), LiveFeature.Audience.PARTICIPANT, p.id());
  }

  private JsonObject withFeatures(JsonObject view, LiveFeature.Audience audience, String participantId) {
    for (LiveFeature feature : features) {
      feature.addTo(view, audience, participantId);
    }
    return view;
  }

  private JsonObject envelope(JsonObject view, long now) {
    return new JsonObject().put("type", "state").put("version", state.version()).put("serverTime", now).put("view", view);
  }
}
