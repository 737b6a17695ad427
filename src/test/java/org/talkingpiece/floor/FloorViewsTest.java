package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.Pass;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.SetQueueVisibility;
import org.talkingpiece.floor.FloorCommand.StartRound;

@DisplayName("What screens show")
class FloorViewsTest {
  private final FloorHarness h = FloorHarness.timed(FloorMode.PROGRESSIVE, 90, Overtime.SOFT, "ana", "ben", "cy", "dee");

  /** The floor as the room sees it (phones and projector). */
  private JsonObject everyone() {
    return PublicFloor.of(h.floor, h.roster, h.now);
  }

  @Test
  @DisplayName("everyone sees who has the floor and the server's deadline to count down from")
  void speakerAndDeadline() {
    h.facilitator(new GiveFloor("ana"));
    long started = h.now;
    h.later(4_000);

    JsonObject room = everyone();

    assertThat(h.viewOf("ana").getBoolean("youHaveTheFloor")).isTrue();
    assertThat(h.viewOf("ben").getBoolean("youHaveTheFloor")).isFalse();
    assertThat(room.getJsonObject("speaker").getString("name")).isEqualTo("Ana");
    assertThat(room.getJsonObject("speaker").getBoolean("facilitator")).isFalse();
    assertThat(room.getJsonObject("speaker").getLong("deadline")).isEqualTo(started + 90_000);
    assertThat(room.getJsonObject("speaker").getLong("startedAt")).isEqualTo(started);
    assertThat(room.getLong("serverNow")).isEqualTo(h.now);
    assertThat(h.view().getJsonObject("speaker").getString("reason")).isEqualTo("given");
    assertThat(h.view().getJsonObject("speaker").getLong("spokenMillis")).isEqualTo(4_000);
  }

  @Test
  @DisplayName("a participant's own place is worked out on the server; the names are the room's when the"
      + " facilitator shows them")
  void ownPlaceAndNames() {
    h.participant("ben", new RaiseHand());
    h.participant("cy", new RaiseHand());

    JsonObject cy = h.viewOf("cy");

    assertThat(cy.getInteger("queuePosition")).isEqualTo(2);
    assertThat(cy.getBoolean("handRaised")).isTrue();
    assertThat(cy.getBoolean("canRaiseHand")).isFalse();
    assertThat(everyone().getJsonArray("queue")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("name", "Ben"))
        .add(new JsonObject().put("name", "Cy")));
    assertThat(h.viewOf("dee").getValue("queuePosition")).isNull();
    assertThat(h.viewOf("dee").getBoolean("canRaiseHand")).isTrue();
  }

  @Test
  @DisplayName("a participant's own place changes only with the floor, not with the clock, so it is not resent"
      + " every second")
  void ownPlaceIgnoresTheClock() {
    h.facilitator(new GiveFloor("ana"));
    h.participant("cy", new RaiseHand());
    JsonObject before = h.viewOf("cy");

    h.later(7_000);

    assertThat(h.viewOf("cy")).isEqualTo(before);
  }

  @Test
  @DisplayName("with names hidden, the room sees how many hands are up and a participant only their own place")
  void namesHidden() {
    h.participant("ben", new RaiseHand());
    h.participant("cy", new RaiseHand());
    h.facilitator(new SetQueueVisibility(false));

    JsonObject room = everyone();

    assertThat(room.getJsonArray("queue")).isEqualTo(new JsonArray()
        .add(new JsonObject().putNull("name")).add(new JsonObject().putNull("name")));
    assertThat(room.encode()).doesNotContain("Ben", "Cy");
    assertThat(h.viewOf("cy").getInteger("queuePosition")).isEqualTo(2);
    assertThat(h.viewOf("cy").encode()).doesNotContain("Ben");
    assertThat(h.view().getJsonArray("queue")).hasSize(2);
  }

  @Test
  @DisplayName("a participant never sees anyone's airtime or turn count; the facilitator does")
  void noFiguresForParticipants() {
    h.speaks("ben", 31_234);
    h.facilitator(StartRound.withDefaults());
    h.participant("ben", new RaiseHand());
    h.participant("cy", new RaiseHand());

    String participant = h.viewOf("cy").encode() + everyone().encode();

    assertThat(participant).contains("Ana", "Ben").doesNotContain("airtime", "turns", "reason", "spokenMillis",
        "so far").doesNotContainPattern("\\b31234\\b");
    assertThat(h.view().getJsonArray("queue").getJsonObject(0).getLong("airtimeMillis")).isEqualTo(31_234);
  }

  @Test
  @DisplayName("in a round everyone sees the order and whose turn it is; each person learns how many are"
      + " before them")
  void roundProgress() {
    h.facilitator(StartRound.withDefaults());
    h.participant("ana", new Pass());

    JsonObject dee = h.viewOf("dee").getJsonObject("round");
    JsonObject room = everyone().getJsonObject("round");
    JsonObject facilitator = h.view().getJsonObject("round");

    assertThat(dee.getInteger("placesBeforeYou")).isEqualTo(1);
    assertThat(dee.getString("yourStatus")).isEqualTo("waiting");
    assertThat(h.viewOf("dee").getBoolean("canRaiseHand")).as("everyone waits for their place").isFalse();
    assertThat(room.getJsonArray("order").getJsonObject(0))
        .isEqualTo(new JsonObject().put("name", "Ana").put("status", "passed"));
    assertThat(room.getJsonArray("order").getJsonObject(1).getString("status")).isEqualTo("speaking");
    assertThat(facilitator.getString("current")).isEqualTo("ben");
    assertThat(facilitator.getJsonArray("secondChance")).containsExactly("ana");
    assertThat(facilitator.getString("pass")).isEqualTo("first");
  }

  @Test
  @DisplayName("someone the round moved past while away learns it privately; the room and the console read"
      + " \"passed\", as for anyone who did not take their turn")
  void passedOverReadsAsPassed() {
    h.roster.disconnect("ben");
    h.facilitator(StartRound.withDefaults());
    h.participant("ana", new Pass());
    h.roster.reconnect("ben");

    assertThat(h.viewOf("ben").getJsonObject("round").getString("yourStatus")).isEqualTo("skipped");
    assertThat(everyone().getJsonObject("round").getJsonArray("order").getJsonObject(1))
        .isEqualTo(new JsonObject().put("name", "Ben").put("status", "passed"));
    assertThat(h.view().getJsonObject("round").getJsonArray("order").getJsonObject(1))
        .isEqualTo(h.view().getJsonObject("round").getJsonArray("order").getJsonObject(0).copy()
            .put("id", "ben").put("name", "Ben"));
    assertThat(h.view().encode()).doesNotContain("skipped", "present");
  }

  @Test
  @DisplayName("with names hidden the room sees no round order at all, so places cannot be matched to people")
  void hiddenRoundOrder() {
    h.facilitator(new SetQueueVisibility(false));
    h.facilitator(StartRound.withDefaults());
    h.participant("ana", new Pass());

    assertThat(everyone().getJsonObject("round").getJsonArray("order")).isEmpty();
    assertThat(h.viewOf("dee").getJsonObject("round").getInteger("placesBeforeYou")).isEqualTo(1);
  }

  @Test
  @DisplayName("the facilitator's queue says why each person is where they are")
  void reasons() {
    h.speaks("ana", 45_000);
    h.participant("ana", new RaiseHand());
    h.participant("ben", new RaiseHand());

    JsonArray queue = h.view().getJsonArray("queue");

    assertThat(queue.getJsonObject(0).getString("reason")).isEqualTo("first time speaking");
    assertThat(queue.getJsonObject(1).getString("reason")).isEqualTo("1 turn so far, 45 s");
    assertThat(queue.getJsonObject(1).getInteger("turns")).isEqualTo(1);
  }
}
