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

  @Test
  @DisplayName("everyone sees who has the floor and the server's deadline to count down from")
  void speakerAndDeadline() {
    h.facilitator(new GiveFloor("ana"));
    long started = h.now;
    h.later(4_000);

    JsonObject mine = h.viewOf("ana");
    JsonObject theirs = h.viewOf("ben");

    assertThat(mine.getBoolean("youHaveTheFloor")).isTrue();
    assertThat(mine.getBoolean("canPass")).isTrue();
    assertThat(theirs.getBoolean("youHaveTheFloor")).isFalse();
    assertThat(theirs.getJsonObject("speaker").getString("name")).isEqualTo("Ana");
    assertThat(theirs.getJsonObject("speaker").getLong("deadline")).isEqualTo(started + 90_000);
    assertThat(theirs.getJsonObject("speaker").getLong("startedAt")).isEqualTo(started);
    assertThat(theirs.getLong("serverNow")).isEqualTo(h.now);
    assertThat(h.view().getJsonObject("speaker").getString("reason")).isEqualTo("given");
    assertThat(h.view().getJsonObject("speaker").getLong("spokenMillis")).isEqualTo(4_000);
  }

  @Test
  @DisplayName("a participant sees their own place in the queue and the names when the facilitator shows them")
  void ownPlaceAndNames() {
    h.participant("ben", new RaiseHand());
    h.participant("cy", new RaiseHand());

    JsonObject cy = h.viewOf("cy");

    assertThat(cy.getInteger("queuePosition")).isEqualTo(2);
    assertThat(cy.getInteger("queueLength")).isEqualTo(2);
    assertThat(cy.getBoolean("handRaised")).isTrue();
    assertThat(cy.getBoolean("canRaiseHand")).isFalse();
    assertThat(cy.getJsonArray("queue")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("name", "Ben").put("you", false))
        .add(new JsonObject().put("name", "Cy").put("you", true)));
    assertThat(h.viewOf("dee").getValue("queuePosition")).isNull();
    assertThat(h.viewOf("dee").getBoolean("canRaiseHand")).isTrue();
  }

  @Test
  @DisplayName("with names hidden, a participant sees only their own position")
  void namesHidden() {
    h.participant("ben", new RaiseHand());
    h.participant("cy", new RaiseHand());
    h.facilitator(new SetQueueVisibility(false));

    JsonObject cy = h.viewOf("cy");

    assertThat(cy.containsKey("queue")).isFalse();
    assertThat(cy.getInteger("queuePosition")).isEqualTo(2);
    assertThat(cy.encode()).doesNotContain("Ben");
    assertThat(h.view().getJsonArray("queue")).hasSize(2);
  }

  @Test
  @DisplayName("a participant never sees anyone's airtime or turn count; the facilitator does")
  void noFiguresForParticipants() {
    h.speaks("ben", 31_234);
    h.facilitator(StartRound.withDefaults());
    h.participant("ben", new RaiseHand());
    h.participant("cy", new RaiseHand());

    String participant = h.viewOf("cy").encode();

    assertThat(participant).contains("Ana", "Ben").doesNotContain("airtime", "turns", "reason", "spokenMillis",
        "so far").doesNotContainPattern("\\b31234\\b");
    assertThat(h.view().getJsonArray("queue").getJsonObject(0).getLong("airtimeMillis")).isEqualTo(31_234);
  }

  @Test
  @DisplayName("in a round everyone sees the order, whose turn it is and how many are before them")
  void roundProgress() {
    h.facilitator(StartRound.withDefaults());
    h.participant("ana", new Pass());

    JsonObject dee = h.viewOf("dee").getJsonObject("round");
    JsonObject facilitator = h.view().getJsonObject("round");

    assertThat(dee.getInteger("placesBeforeYou")).isEqualTo(1);
    assertThat(dee.getString("yourStatus")).isEqualTo("waiting");
    assertThat(dee.getJsonArray("order").getJsonObject(0).getString("status")).isEqualTo("passed");
    assertThat(dee.getJsonArray("order").getJsonObject(1).getString("status")).isEqualTo("speaking");
    assertThat(facilitator.getString("current")).isEqualTo("ben");
    assertThat(facilitator.getJsonArray("secondChance")).containsExactly("ana");
    assertThat(facilitator.getString("pass")).isEqualTo("first");
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
