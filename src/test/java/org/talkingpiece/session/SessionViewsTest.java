package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.shared.Actor;

class SessionViewsTest {

  @Test
  @DisplayName("The public view names the speaker but carries no participant ids, nobody's airtime and no facilitator notes")
  void publicViewIsSafe() {
    SessionFixtures s = new SessionFixtures("understanding-privilege");
    String ana = s.join("Ana");
    String ben = s.join("Ben");
    s.run(SessionFixtures.FACILITATOR, "start", null);
    int discussion = indexOf(s, "discussion");
    s.run(SessionFixtures.FACILITATOR, "goto", new JsonObject().put("index", discussion));
    s.run(Actor.participant(ben), "floor.raise-hand", null);
    s.run(SessionFixtures.FACILITATOR, "floor.give-floor", new JsonObject().put("participantId", ana));
    s.now += 20_000;

    SessionViews views = new SessionViews(s.module);
    String text = views.publicView(s.state, "http://x/j/ACDEFH", s.now).encode();
    assertThat(text).doesNotContain(ana).doesNotContain(ben).doesNotContain("airtimeMs")
        .doesNotContain("facilitatorNotes").doesNotContain("spokenMillis");
    // Only the group's figures, which every participant may see.
    JsonObject group = views.publicView(s.state, "u", s.now).getJsonObject("airtime");
    assertThat(group.fieldNames()).containsExactlyInAnyOrder("balance", "voicesHeard");
    assertThat(group.getJsonObject("voicesHeard").getInteger("count")).isEqualTo(1);
    JsonObject floor = views.publicView(s.state, "u", s.now).getJsonObject("floor");
    assertThat(floor.getJsonObject("speaker").getString("name")).isEqualTo("Ana");
    assertThat(floor.getJsonArray("queue")).hasSize(1);
    // Ben learns his own place from his private view; nobody else can follow him by a handle.
    assertThat(views.participantView(s.state, s.state.participant(ben).get(), s.now).getJsonObject("floor")
        .getInteger("queuePosition")).isEqualTo(1);

    JsonObject facilitator = views.facilitatorView(s.state, "u", s.now);
    assertThat(facilitator.getJsonObject("current").getJsonObject("activity").getString("facilitatorNotesHtml")).isNotBlank();
    assertThat(facilitator.getJsonObject("airtime").getJsonArray("participants")).hasSize(2);
  }

  @Test
  @DisplayName("A participant's private view holds only their own figures")
  void privateViewIsOwn() {
    SessionFixtures s = new SessionFixtures("understanding-privilege");
    String ana = s.join("Ana");
    String ben = s.join("Ben");
    s.run(SessionFixtures.FACILITATOR, "start", null);
    s.run(SessionFixtures.FACILITATOR, "floor.give-floor", new JsonObject().put("participantId", ben));
    s.now += 45_000;
    SessionViews views = new SessionViews(s.module);
    JsonObject mine = views.participantView(s.state, s.state.participant(ana).get(), s.now);
    assertThat(mine.getString("name")).isEqualTo("Ana");
    assertThat(mine.encode()).doesNotContain(ben).doesNotContain("Ben").doesNotContain("45000");
    assertThat(mine.getJsonObject("airtime").getLong("airtimeMs")).isZero();
  }

  @Test
  @DisplayName("Stepping out is private from the facilitator too: while waiting, and after the go-around moved"
      + " past them, a stepped-out person looks on every screen exactly like someone connected who is not"
      + " taking a turn now (whose connection dropped and came back, or who passed)")
  void stepOutLooksLikeAnyoneNotTakingATurn() {
    Room out = new Room();
    Room here = new Room();
    Room dropped = new Room();
    Room passes = new Room();
    out.stepOut(out.ben);
    assertThat(out.screens()).as("waiting for their place, hand up").isEqualTo(here.screens());

    dropped.disconnect(dropped.ben);
    for (Room r : List.of(out, dropped, passes)) {
      r.run(Actor.participant(r.ana), "floor.yield", null);
    }
    passes.run(Actor.participant(passes.ben), "floor.pass", null);
    dropped.reconnect(dropped.ben);

    assertThat(out.state().floor().speakerId()).contains(out.cleo);
    assertThat(out.screens()).as("after the go-around moved past them").isEqualTo(dropped.screens());
    // Someone who passed took the floor first, which lowered their hand; their place in the go-around,
    // their figures and what comes next read the same.
    for (String audience : List.of("facilitator", "display", "public")) {
      assertThat(out.screens().getJsonObject(audience).getJsonObject("floor").getJsonObject("round"))
          .as("the %s's go-around", audience)
          .isEqualTo(passes.screens().getJsonObject(audience).getJsonObject("floor").getJsonObject("round"));
    }
    assertThat(out.screens().getJsonObject("facilitator").getJsonObject("airtime"))
        .isEqualTo(passes.screens().getJsonObject("facilitator").getJsonObject("airtime"));
    assertThat(out.screens().encode()).doesNotContain("\"skipped\"", "\"present\"", "\"steppedOut\"");
    // Only they are told, in their own view.
    assertThat(out.views.participantView(out.state(), out.state().participant(out.ben).get(), out.s.now)
        .getBoolean("steppedOut")).isTrue();
  }

  /** Four people in the check-in go-around, in join order: Ana speaks, Ben's hand is up and he is next. */
  private static final class Room {
    final SessionFixtures s = new SessionFixtures("understanding-privilege");
    final SessionViews views = new SessionViews(s.module);
    final String ana = s.join("Ana");
    final String ben = s.join("Ben");
    final String cleo = s.join("Cleo");
    final String dev = s.join("Dev");

    Room() {
      run(SessionFixtures.FACILITATOR, "start", null);
      run(SessionFixtures.FACILITATOR, "goto", new JsonObject().put("index", indexOf(s, "round")));
      s.now += 1_000;
      run(SessionFixtures.FACILITATOR, "floor.start-round", new JsonObject().put("order", "join"));
      s.now += 10_000;
      run(Actor.participant(ben), "floor.raise-hand", null);
      s.now += 10_000;
    }

    SessionState state() {
      return s.state;
    }

    void run(Actor actor, String command, JsonObject args) {
      s.run(actor, command, args);
    }

    /** As the session owner does: the private choice, then whatever the floor's rules say is due now. */
    void stepOut(String id) {
      s.run(Actor.participant(id), "step-out", null);
      tick();
    }

    void disconnect(String id) {
      s.state.connectionChanged(id, false);
      tick();
    }

    void reconnect(String id) {
      s.state.connectionChanged(id, true);
      tick();
    }

    private void tick() {
      java.util.List<SessionEvent> due = new java.util.ArrayList<>(s.state.floor().tick(s.state, s.now));
      if (!due.isEmpty()) {
        s.apply(due);
      }
    }

    /** Every view the facilitator's screens receive: the console, the projector and the public view. */
    JsonObject screens() {
      return new JsonObject().put("facilitator", views.facilitatorView(s.state, "u", s.now))
          .put("display", views.displayView(s.state, "u", s.now))
          .put("public", views.publicView(s.state, "u", s.now));
    }
  }

  @Test
  @DisplayName("The console's group parity stands as it was when the activity began, so a turn cannot be traced"
      + " to a group; the next activity brings it up to date")
  void parityMovesBetweenActivities() {
    SessionFixtures s = new SessionFixtures("understanding-privilege", new SessionSettings(3,
        java.util.Map.of("Role", java.util.List.of("Staff", "Guest")), false));
    java.util.List<String> staff = new java.util.ArrayList<>();
    for (String name : java.util.List.of("Ana", "Ben", "Cleo")) {
      String id = s.join(name);
      staff.add(id);
      s.run(Actor.participant(id), "self-identify", new JsonObject().put("category", "Role").put("value", "Staff"));
    }
    String dev = s.join("Dev");
    s.run(SessionFixtures.FACILITATOR, "start", null);
    s.now += 1_000;
    s.run(SessionFixtures.FACILITATOR, "floor.give-floor", new JsonObject().put("participantId", staff.get(0)));
    s.now += 30_000;
    s.run(SessionFixtures.FACILITATOR, "floor.give-floor", new JsonObject().put("participantId", dev));
    s.now += 10_000;
    SessionViews views = new SessionViews(s.module);

    JsonObject during = staffGroup(views.facilitatorView(s.state, "u", s.now));
    assertThat(during.getDouble("airtimeShare")).isZero();
    assertThat(during.getDouble("headcountShare")).isEqualTo(0.75);

    s.run(SessionFixtures.FACILITATOR, "next", null);
    s.now += 5_000;
    JsonObject after = staffGroup(views.facilitatorView(s.state, "u", s.now));
    assertThat(after.getDouble("airtimeShare")).isEqualTo(0.75);
    assertThat(after.getDouble("ratio")).isEqualTo(1.0);
  }

  private static JsonObject staffGroup(JsonObject facilitatorView) {
    JsonObject role = facilitatorView.getJsonObject("airtime").getJsonObject("groupParity").getJsonArray("categories")
        .getJsonObject(0);
    assertThat(role.getString("category")).isEqualTo("Role");
    assertThat(role.getJsonArray("groups")).hasSize(1);
    return role.getJsonArray("groups").getJsonObject(0);
  }

  private static int indexOf(SessionFixtures s, String type) {
    for (int i = 0; i < s.module.activities().size(); i++) {
      if (s.module.activities().get(i).type().wireName().equals(type)) {
        return i;
      }
    }
    throw new AssertionError("no " + type);
  }
}
