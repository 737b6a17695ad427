package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
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
    String benTag = s.state.participant(ben).get().tag();
    assertThat(floor.getJsonArray("queue").getJsonObject(0).getString("tag")).isEqualTo(benTag);

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
