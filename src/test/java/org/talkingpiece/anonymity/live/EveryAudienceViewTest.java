package org.talkingpiece.anonymity.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.anonymity.live.FeatureHarness.args;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.airtime.AirtimeSnapshot;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.session.LifecycleEvent;
import org.talkingpiece.session.LiveFeature.Audience;
import org.talkingpiece.session.SessionCommands;
import org.talkingpiece.session.SessionEvent;
import org.talkingpiece.session.SessionSettings;
import org.talkingpiece.session.SessionViews;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.Ids;

/**
 * Every audience's whole view (the session's part and the anonymity feature's, put together as the
 * session owner does) for a session with everything going on at once: a go-around with an open turn,
 * raised hands with names hidden, someone stepped out, an anonymous prompt released, a waiting signal,
 * self-identification. The public, projector and participant views must hold exactly the fields their
 * allow-lists name, and none of the values only the facilitator may see.
 *
 * <p>When this fails because a field was added on purpose to a public projection, add its path to the
 * list below after checking that the room may see it. When it fails because a field appeared that
 * nobody meant to send, the projection is copying from somewhere it should not.
 */
@DisplayName("What each audience's view may hold")
class EveryAudienceViewTest {
  private static final String URL = "http://localhost/j/ACDEFH";
  private static final long SPOKE_MILLIS = 31_234;

  /** The shared part of the public, projector and participant-facing views. */
  private static final Set<String> SHARED = Set.of(
      "session", "session.id", "session.status", "session.paused", "session.title", "session.moduleVersion",
      "session.anonymityThreshold", "session.selfIdCategories", "session.selfIdCategories.Role",
      "session.selfIdCategories.Role[]",
      "participantCount", "serverTime", "joinCode", "joinUrl",
      "agenda", "agenda[]", "agenda[].index", "agenda[].id", "agenda[].title", "agenda[].type", "agenda[].minutes",
      "agenda[].contentNote",
      "current", "current.index", "current.startedAt", "current.endsAt", "current.activity", "current.activity.id",
      "current.activity.type", "current.activity.title", "current.activity.minutes", "current.activity.grouping",
      "current.activity.intensity", "current.activity.prompt", "current.activity.promptHtml",
      "current.activity.debrief", "current.activity.accessibility",
      "current.activity.settings", "current.activity.settings.secondsPerTurn", "current.activity.settings.order",
      "current.activity.settings.secondPass",
      "current.activity.settings.overtime", "current.activity.settings.warnSeconds",
      "floor", "floor.serverNow", "floor.activityId", "floor.mode", "floor.showQueueNames",
      "floor.turnLimitSeconds", "floor.warnSeconds", "floor.overtime",
      "floor.speaker", "floor.speaker.name", "floor.speaker.facilitator", "floor.speaker.startedAt",
      "floor.speaker.paused", "floor.speaker.limitMillis", "floor.speaker.deadline", "floor.speaker.warnAt",
      "floor.speaker.overtime", "floor.speaker.remainingMillis",
      "floor.queue", "floor.queue[]", "floor.queue[].name",
      "floor.round", "floor.round.active", "floor.round.finished", "floor.round.pass", "floor.round.secondPass",
      "floor.round.order");

  /** The anonymous prompt as everyone sees it. */
  private static final Set<String> ANONYMOUS_PUBLIC = Set.of(
      "anonymous", "anonymous.promptId", "anonymous.round", "anonymous.kind", "anonymous.title", "anonymous.adHoc",
      "anonymous.open", "anonymous.count", "anonymous.shown", "anonymous.held", "anonymous.released",
      "anonymous.threshold", "anonymous.immediate", "anonymous.guarantee", "anonymous.guarantee.headline",
      "anonymous.guarantee.text", "anonymous.limits", "anonymous.limits.maxLength", "anonymous.limits.perPerson",
      "anonymous.limits.maxWords", "anonymous.withdrawNotice", "anonymous.releasedIds", "anonymous.releasedIds[]",
      "anonymous.signals", "anonymous.signals.guarantee", "anonymous.signals.guarantee.headline",
      "anonymous.signals.guarantee.text");

  private static final Set<String> PUBLIC = union(SHARED, ANONYMOUS_PUBLIC, Set.of(
      "airtime", "airtime.balance", "airtime.voicesHeard", "airtime.voicesHeard.count", "airtime.voicesHeard.of"));

  private static final Set<String> DISPLAY = union(SHARED, Set.of(
      "balance", "balance.balance", "balance.voicesHeard", "balance.voicesHeard.count", "balance.voicesHeard.of",
      "anonymous", "anonymous.promptId", "anonymous.round", "anonymous.kind", "anonymous.title", "anonymous.adHoc",
      "anonymous.open", "anonymous.count", "anonymous.shown", "anonymous.held", "anonymous.released",
      "anonymous.threshold", "anonymous.immediate", "anonymous.guarantee", "anonymous.guarantee.headline",
      "anonymous.guarantee.text", "anonymous.projected", "anonymous.projected[]", "anonymous.projected[].id",
      "anonymous.projected[].text"));

  private static final Set<String> PRIVATE = Set.of(
      "id", "name", "steppedOut", "selfId", "selfId.Role", "airtime", "airtime.airtimeMs", "airtime.turns",
      "floor", "floor.youHaveTheFloor", "floor.canRaiseHand", "floor.handRaised", "floor.queuePosition",
      "floor.round", "floor.round.yourStatus", "floor.round.placesBeforeYou",
      "anonymous", "anonymous.promptId", "anonymous.round", "anonymous.remaining", "anonymous.signals",
      "anonymous.signals.ouch", "anonymous.signals.pause");

  private FeatureHarness h;
  private final SessionCommands commands = new SessionCommands(new Random(7));
  private SessionViews views;
  private long now = 2_000_000;
  private List<String> people;

  @BeforeEach
  void busySession() {
    h = FeatureHarness.start("understanding-privilege", 5);
    views = new SessionViews(h.module);
    h.commit(new LifecycleEvent.SettingsChanged(new SessionSettings(5, Map.of("Role", List.of("Staff", "Guest")), true)));
    people = h.join(7);
    people.forEach(id -> h.state.connectionChanged(id, true));
    for (String id : people.subList(0, 5)) {
      run(Actor.participant(id), "self-identify", args("category", "Role", "value", "Staff"));
    }
    h.startSession();
    goTo("round");
    // A go-around: the first person speaks for a while and finishes, the second holds the floor now.
    run(Actor.facilitator(), "floor.start-round", args("order", "join"));
    now += SPOKE_MILLIS;
    run(Actor.participant(people.get(0)), "floor.yield", null);
    now += 5_000;
    // The fifth steps out (nobody may learn it); the last two raise hands; names are not shown.
    run(Actor.participant(people.get(4)), "step-out", null);
    run(Actor.facilitator(), "floor.set-queue-visibility", args("showNames", false));
    run(Actor.participant(people.get(5)), "floor.raise-hand", null);
    run(Actor.participant(people.get(6)), "floor.raise-hand", null);
    // An anonymous reflection asked on the spot, released at five answers; one "ouch" is waiting.
    h.asFacilitator("anon.open", args("kind", "reflection", "prompt", "What stayed with you?"));
    for (int i = 0; i < 5; i++) {
      h.as(people.get(i), "anon.submit", args("text", "answer number " + i, "key", Ids.random()));
    }
    h.as(people.get(3), "signal.tap", args("kind", "ouch"));
    h.asFacilitator("anon.project", args("itemId",
        h.facilitatorView().getJsonArray("items").getJsonObject(0).getString("id")));
    now += 2_000;
  }

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  @DisplayName("the public, projector and participant views hold exactly their allow-listed fields")
  void exactlyTheAllowList() {
    assertExactly("public view", paths(view(Audience.PUBLIC, null)), PUBLIC);
    assertExactly("projector view", paths(view(Audience.DISPLAY, null)), DISPLAY);
    for (String id : people) {
      Set<String> mine = paths(view(Audience.PARTICIPANT, id));
      assertThat(notIn(mine, PRIVATE)).as("fields in the private view of %s that are not allow-listed", id).isEmpty();
    }
    // Someone who self-identified and is waiting in the go-around: every allow-listed field at once.
    assertExactly("private view", paths(view(Audience.PARTICIPANT, people.get(2))), PRIVATE);
  }

  private static void assertExactly(String what, Set<String> actual, Set<String> allowed) {
    assertThat(notIn(actual, allowed)).as("fields in the %s that no allow-list names", what).isEmpty();
    assertThat(notIn(allowed, actual)).as("allow-listed fields missing from the %s", what).isEmpty();
  }

  private static Set<String> notIn(Set<String> these, Set<String> those) {
    Set<String> rest = new TreeSet<>(these);
    rest.removeAll(those);
    return rest;
  }

  @Test
  @DisplayName("no value that only the facilitator may see reaches the public, projector or another person's view")
  void noFacilitatorValues() {
    JsonObject facilitator = view(Audience.FACILITATOR, null);
    JsonObject current = facilitator.getJsonObject("current").getJsonObject("activity");
    String notes = current.getString("facilitatorNotesHtml");
    assertThat(notes).isNotBlank();
    // The state is as rich as the test means it to be: the console sees all of it.
    assertThat(facilitator.getJsonObject("floor").getJsonArray("queue")).hasSize(2);
    assertThat(facilitator.getJsonObject("anonymous").getJsonObject("signals").getJsonObject("ouch")
        .getInteger("total")).isEqualTo(1);
    assertThat(facilitator.getJsonObject("airtime").encode()).contains(String.valueOf(SPOKE_MILLIS));

    List<String> hidden = new ArrayList<>(people);
    hidden.add(notes);
    // Names of the raised hands are not shown to the room.
    hidden.add(h.state.displayName(people.get(5)));
    hidden.add(h.state.displayName(people.get(6)));
    for (Audience audience : List.of(Audience.PUBLIC, Audience.DISPLAY)) {
      String text = view(audience, null).encode();
      assertThat(text).as("%s view", audience).doesNotContain(hidden)
          .doesNotContainPattern("\\b" + SPOKE_MILLIS + "\\b").doesNotContain("facilitatorNotes", "spokenMillis");
    }
    for (String id : people.subList(1, people.size())) {
      String mine = view(Audience.PARTICIPANT, id).encode();
      List<String> others = new ArrayList<>(hidden);
      others.remove(id);
      others.remove(h.state.displayName(id));
      others.add(h.state.displayName(people.get(0)));
      assertThat(mine).as("private view of %s", id).doesNotContain(others)
          .doesNotContainPattern("\\b" + SPOKE_MILLIS + "\\b");
    }
  }

  @Test
  @DisplayName("a stepped-out participant is told so in their own view and nowhere else")
  void stepOutOnlyInOwnView() {
    assertThat(view(Audience.PARTICIPANT, people.get(4)).getBoolean("steppedOut")).isTrue();
    for (Audience audience : List.of(Audience.PUBLIC, Audience.DISPLAY, Audience.FACILITATOR)) {
      JsonObject view = view(audience, null);
      assertThat(paths(view)).as("%s view", audience)
          .noneMatch(path -> path.endsWith("steppedOut") || path.endsWith("present"));
      assertThat(view.encode()).as("%s view", audience).doesNotContain("\"skipped\"");
    }
  }

  /** A whole view as the session owner sends it: the session's part, then the feature's. */
  private JsonObject view(Audience audience, String participantId) {
    AirtimeSnapshot airtime = views.airtime(h.state, now);
    JsonObject view = switch (audience) {
      case PUBLIC -> views.publicView(h.state, URL, airtime, now);
      case FACILITATOR -> views.facilitatorView(h.state, URL, airtime, now);
      case DISPLAY -> views.displayView(h.state, URL, airtime, now);
      case PARTICIPANT -> views.participantView(h.state, h.state.participant(participantId).orElseThrow(), airtime);
    };
    h.feature.addTo(view, audience, participantId);
    return view;
  }

  private void run(Actor actor, String command, JsonObject args) {
    List<SessionEvent> events = commands.decide(h.state, h.module, actor, command, args, now);
    if (!events.isEmpty()) {
      h.commit(events.toArray(SessionEvent[]::new));
    }
  }

  private void goTo(String type) {
    List<Activity> all = h.module.activities();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).type().wireName().equals(type)) {
        run(Actor.facilitator(), "goto", args("index", i));
        FeatureHarness.await(h.feature.activityChanged(all.get(i)));
        return;
      }
    }
    throw new IllegalArgumentException("no " + type + " activity");
  }

  /** Every key path in a view, objects as {@code a.b}, array elements as {@code a[]}. */
  static Set<String> paths(JsonObject view) {
    Set<String> out = new TreeSet<>();
    collect("", view, out);
    return out;
  }

  private static void collect(String prefix, Object value, Set<String> out) {
    if (value instanceof JsonObject o) {
      for (String key : o.fieldNames()) {
        String path = prefix.isEmpty() ? key : prefix + "." + key;
        out.add(path);
        collect(path, o.getValue(key), out);
      }
    } else if (value instanceof JsonArray a) {
      for (Object element : a) {
        out.add(prefix + "[]");
        collect(prefix + "[]", element, out);
      }
    }
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new TreeSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return all;
  }
}
