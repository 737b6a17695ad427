package org.talkingpiece.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.airtime.AirtimeProjection;
import org.talkingpiece.airtime.AirtimeSnapshot;
import org.talkingpiece.airtime.Member;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Markdown;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.floor.PublicFloor;

/**
 * What each audience's screen shows, built from the state. Pure; called on the owner's thread.
 *
 * <p>Privacy by construction: the public view (everyone with a token for the session), the projector's
 * view and each participant's private view are built field by field from the state, never by copying
 * the facilitator's view and deleting what must not show. A field added to the facilitator's view
 * later stays on the console until someone adds it here on purpose (and {@code EveryAudienceViewTest}
 * fails until its allow-list says so). The facilitator's view is the public one plus what only the
 * facilitator may see.
 *
 * <p>What no view but the facilitator's holds: participant ids, presence, facilitator notes, anyone
 * else's airtime or turns, progressive-place reasons, self-identification. Nobody's view, the
 * facilitator's included, says who stepped out (see {@code floor/FloorViews}).
 */
public final class SessionViews {
  private final Module module;
  /** Markdown rendered once per activity: the pinned module never changes. */
  private final Map<String, String> promptHtml = new HashMap<>();
  private final Map<String, String> notesHtml = new HashMap<>();

  public SessionViews(Module module) {
    this.module = module;
    for (Activity a : module.activities()) {
      promptHtml.put(a.id(), Markdown.render(a.prompt()));
      notesHtml.put(a.id(), Markdown.render(a.facilitatorNotes()));
    }
  }

  public Module module() {
    return module;
  }

  public JsonObject publicView(SessionState s, String joinUrl, long now) {
    return publicView(s, joinUrl, airtime(s, now), now);
  }

  /**
   * The public view with the session's airtime computed once by the caller: one projection serves
   * every audience of a publish (see {@link #participantView(SessionState, Participant, AirtimeSnapshot)}).
   */
  public JsonObject publicView(SessionState s, String joinUrl, AirtimeSnapshot airtime, long now) {
    // The group's balance and voices heard, which every participant may see: here once for everyone,
    // not in each private view, so that a turn ending does not mean a new frame for every screen.
    return shared(s, joinUrl, now).put("airtime", groupAirtime(airtime));
  }

  /**
   * What every audience's view starts from: {@code session, participantCount, serverTime, joinCode,
   * joinUrl, agenda, current, floor}. All of it may be seen by anyone in the room.
   */
  private JsonObject shared(SessionState s, String joinUrl, long now) {
    JsonObject view = header(s, now).put("joinCode", JoinCodes.display(s.joinCode())).put("joinUrl", joinUrl);
    JsonArray agenda = new JsonArray();
    List<Activity> activities = module.activities();
    for (int i = 0; i < activities.size(); i++) {
      Activity a = activities.get(i);
      agenda.add(new JsonObject().put("index", i).put("id", a.id()).put("title", a.title())
          .put("type", a.type().wireName()).put("minutes", a.minutes())
          .put("contentNote", a.contentNote().orElse(null)));
    }
    view.put("agenda", agenda);
    view.put("current", current(s, false));
    view.put("floor", publicFloor(s, now));
    return view;
  }

  public JsonObject facilitatorView(SessionState s, String joinUrl, long now) {
    return facilitatorView(s, joinUrl, airtime(s, now), now);
  }

  /** As {@link #facilitatorView(SessionState, String, long)} with the airtime computed by the caller. */
  public JsonObject facilitatorView(SessionState s, String joinUrl, AirtimeSnapshot snapshot, long now) {
    JsonObject view = shared(s, joinUrl, now);
    view.put("current", current(s, true));
    JsonArray people = new JsonArray();
    for (Participant p : s.participants()) {
      if (!p.removed()) {
        people.add(new JsonObject().put("id", p.id()).put("name", p.name())
            .put("connected", s.isConnected(p.id())).put("joinedAt", p.joinedAt()));
      }
    }
    view.put("participants", people);
    view.put("floor", s.floor().facilitatorView(s, now));
    JsonObject airtime = snapshot.toFacilitatorJson();
    if (!s.settings().selfIdCategories().isEmpty()) {
      // Group figures as they stood when the current activity started: updated with every turn, they
      // would show which group the person who just spoke belongs to.
      long asOf = parityAsOf(s, now);
      JsonObject parity = asOf == now ? snapshot.groupParityJson() : airtime(s, asOf).groupParityJson();
      airtime.put("groupParity", parity).put("groupParityAsOf", asOf);
    }
    view.put("airtime", airtime);
    view.put("settings", s.settings().toJson());
    return view;
  }

  /** While live, the start of the current activity; before and after, now. */
  static long parityAsOf(SessionState s, long now) {
    List<SessionState.ActivityRun> runs = s.activityRuns();
    if (s.status() != SessionStatus.LIVE || runs.isEmpty()) {
      return now;
    }
    return Math.min(now, runs.get(runs.size() - 1).startedAt());
  }

  /**
   * Every activity's facilitator notes and debrief questions. They never change during a session, so
   * they are sent once in the facilitator's {@code sync} reply rather than with every update.
   */
  public JsonArray facilitatorNotes() {
    JsonArray notes = new JsonArray();
    module.activities().forEach(a -> notes.add(new JsonObject().put("id", a.id())
        .put("facilitatorNotesHtml", notesHtml.get(a.id())).put("debrief", new JsonArray(a.debrief()))));
    return notes;
  }

  public JsonObject displayView(SessionState s, String joinUrl, long now) {
    return displayView(s, joinUrl, airtime(s, now), now);
  }

  /** As {@link #displayView(SessionState, String, long)} with the airtime computed by the caller. */
  public JsonObject displayView(SessionState s, String joinUrl, AirtimeSnapshot airtime, long now) {
    JsonObject view = shared(s, joinUrl, now);
    if (s.settings().displayShowsBalance()) {
      view.put("balance", groupAirtime(airtime));
    }
    return view;
  }

  /** Only this participant's own figures: name, airtime, place on the floor, presence choice. */
  public JsonObject participantView(SessionState s, Participant p, long now) {
    return participantView(s, p, airtime(s, now));
  }

  /**
   * As {@link #participantView(SessionState, Participant, long)} with the session's airtime computed
   * once by the caller, so a publish to every participant costs one projection, not one each.
   *
   * <p>{@code {id, name, steppedOut, selfId, airtime: {airtimeMs, turns}, floor}}, where {@code floor}
   * is their own place ({@link org.talkingpiece.floor.Floor#participantView}): the one place a
   * participant's place in the queue or the round is worked out. Nothing in it moves with the clock
   * alone, so it is resent only when something in it changed.
   */
  public JsonObject participantView(SessionState s, Participant p, AirtimeSnapshot snapshot) {
    JsonObject airtime = snapshot.participant(p.id())
        .map(a -> new JsonObject().put("airtimeMs", a.airtimeMs()).put("turns", a.turns()))
        .orElseGet(() -> new JsonObject().put("airtimeMs", 0L).put("turns", 0));
    return new JsonObject().put("id", p.id()).put("name", p.name())
        .put("steppedOut", s.isSteppedOut(p.id()))
        .put("selfId", new JsonObject(new HashMap<>(p.selfId())))
        .put("airtime", airtime)
        .put("floor", s.floor().participantView(s, p.id(), snapshot.at()));
  }

  /** The group's figures that every participant may see (SPEC: the balance, never a person's numbers). */
  private static JsonObject groupAirtime(AirtimeSnapshot airtime) {
    return new JsonObject().put("balance", airtime.balance()).put("voicesHeard", new JsonObject()
        .put("count", airtime.voicesHeard().count()).put("of", airtime.voicesHeard().of()));
  }

  public AirtimeSnapshot airtime(SessionState s, long now) {
    List<Member> members = s.participants().stream()
        .map(p -> new Member(p.id(), p.name(), p.joinedAt(), p.removed(), p.selfId()))
        .toList();
    return AirtimeProjection.at(s.floor().turns(), members, now, s.settings().anonymityThreshold(),
        List.copyOf(s.settings().selfIdCategories().keySet()));
  }

  private JsonObject header(SessionState s, long now) {
    JsonObject categories = new JsonObject();
    s.settings().selfIdCategories().forEach((category, options) -> categories.put(category, new JsonArray(options)));
    return new JsonObject()
        .put("session", new JsonObject().put("id", s.id()).put("status", s.status().wire())
            .put("paused", s.paused()).put("title", module.title()).put("moduleVersion", module.version())
            .put("anonymityThreshold", s.settings().anonymityThreshold())
            .put("selfIdCategories", categories))
        .put("participantCount", s.members().size())
        .put("serverTime", now);
  }

  private JsonObject current(SessionState s, boolean forFacilitator) {
    if (s.activityIndex() < 0) {
      return null;
    }
    Activity a = module.activities().get(s.activityIndex());
    JsonObject activity = a.participantView().put("promptHtml", promptHtml.get(a.id()));
    if (forFacilitator) {
      activity.put("facilitatorNotesHtml", notesHtml.get(a.id())).put("debrief", new JsonArray(a.debrief()));
    }
    List<SessionState.ActivityRun> runs = s.activityRuns();
    long startedAt = runs.isEmpty() ? -1 : runs.get(runs.size() - 1).startedAt();
    return new JsonObject().put("index", s.activityIndex()).put("activity", activity).put("startedAt", startedAt)
        .put("endsAt", startedAt + a.minutes() * 60_000L);
  }

  /** The floor for everyone: see {@link PublicFloor}, which is built apart from the facilitator's. */
  static JsonObject publicFloor(SessionState s, long now) {
    return PublicFloor.of(s.floor(), s, now);
  }
}
