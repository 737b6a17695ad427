package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.shared.AppException;

@DisplayName("Floor settings from a module's activity")
class FloorSettingsTest {

  @Test
  @DisplayName("a round activity takes its settings, with the module format's defaults")
  void round() {
    assertThat(FloorSettings.forActivity("go-around", "round", null)).isEqualTo(
        new FloorSettings("go-around", FloorMode.ROUND, 90, Overtime.SOFT, 15, true, RoundOrder.JOIN, true));
    assertThat(FloorSettings.forActivity("go-around", "round", new JsonObject().put("secondsPerTurn", 60)
        .put("order", "shuffled").put("secondPass", false).put("overtime", "hard").put("warnSeconds", 10)))
        .isEqualTo(new FloorSettings("go-around", FloorMode.ROUND, 60, Overtime.HARD, 10, true,
            RoundOrder.SHUFFLED, false));
  }

  @Test
  @DisplayName("a discussion is progressive with a two-minute limit unless the module says otherwise")
  void discussion() {
    assertThat(FloorSettings.forActivity("talk-it-over", "discussion", new JsonObject())).isEqualTo(
        new FloorSettings("talk-it-over", FloorMode.PROGRESSIVE, 120, Overtime.SOFT, 15, true, RoundOrder.JOIN, true));
    assertThat(FloorSettings.forActivity("d", "discussion", new JsonObject().put("queueMode", "queue")
        .put("turnLimitSeconds", 0).put("showQueueNames", false)).showQueueNames()).isFalse();
  }

  @Test
  @DisplayName("other activities get an open floor with no limit")
  void others() {
    FloorSettings talk = FloorSettings.forActivity("intro", "talk", null);
    assertThat(talk.mode()).isEqualTo(FloorMode.OPEN);
    assertThat(talk.turnLimitSeconds()).isZero();
  }

  @Test
  @DisplayName("a session's default turn limit fills in where the module left the floor without one, and"
      + " a limit the module set is kept")
  void sessionDefaultTurnLimit() {
    FloorSettings unlimited = FloorSettings.forActivity("d", "discussion", new JsonObject().put("turnLimitSeconds", 0));
    assertThat(unlimited.withSessionDefaults(60, null)).isEqualTo(
        new FloorSettings("d", FloorMode.PROGRESSIVE, 60, Overtime.SOFT, 15, true, RoundOrder.JOIN, true));
    assertThat(FloorSettings.forActivity("r", "round", new JsonObject().put("secondsPerTurn", 0))
        .withSessionDefaults(45, null).turnLimitSeconds()).isEqualTo(45);
    assertThat(FloorSettings.forActivity("intro", "talk", null).withSessionDefaults(60, null).turnLimitSeconds())
        .as("a talk's open floor has no limit of its own").isEqualTo(60);

    FloorSettings limited = FloorSettings.forActivity("d", "discussion", new JsonObject().put("turnLimitSeconds", 90));
    assertThat(limited.withSessionDefaults(60, null)).isEqualTo(limited);
    assertThat(limited.withSessionDefaults(0, null)).as("0, no limit, does not lift a module's limit").isEqualTo(limited);
    FloorSettings round = FloorSettings.forActivity("r", "round", new JsonObject().put("secondsPerTurn", 20));
    assertThat(round.withSessionDefaults(60, null)).isEqualTo(round);
    assertThat(unlimited.withSessionDefaults(0, null)).isEqualTo(unlimited);
    assertThat(unlimited.withSessionDefaults(null, null)).isEqualTo(unlimited);
  }

  @Test
  @DisplayName("a session's queue mode replaces queue and progressive floors, never a round or an open floor")
  void sessionQueueMode() {
    FloorSettings progressive = FloorSettings.forActivity("d", "discussion", new JsonObject());
    FloorSettings queue = FloorSettings.forActivity("q", "discussion", new JsonObject().put("queueMode", "queue"));
    assertThat(progressive.withSessionDefaults(null, FloorMode.QUEUE))
        .isEqualTo(new FloorSettings("d", FloorMode.QUEUE, 120, Overtime.SOFT, 15, true, RoundOrder.JOIN, true));
    assertThat(queue.withSessionDefaults(null, FloorMode.PROGRESSIVE).mode()).isEqualTo(FloorMode.PROGRESSIVE);
    assertThat(queue.withSessionDefaults(null, FloorMode.QUEUE)).isEqualTo(queue);

    FloorSettings round = FloorSettings.forActivity("r", "round", null);
    FloorSettings openDiscussion = FloorSettings.forActivity("o", "discussion", new JsonObject().put("queueMode", "open"));
    FloorSettings talk = FloorSettings.forActivity("intro", "talk", null);
    for (FloorMode mode : new FloorMode[] {FloorMode.QUEUE, FloorMode.PROGRESSIVE}) {
      assertThat(round.withSessionDefaults(null, mode)).isEqualTo(round);
      assertThat(openDiscussion.withSessionDefaults(null, mode)).isEqualTo(openDiscussion);
      assertThat(talk.withSessionDefaults(null, mode)).isEqualTo(talk);
    }
    assertThatThrownBy(() -> progressive.withSessionDefaults(null, FloorMode.ROUND))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("bad settings are refused naming the activity and the setting")
  void refused() {
    assertThatThrownBy(() -> FloorSettings.forActivity("r", "round", new JsonObject().put("secondsPerTurn", 5)))
        .isInstanceOf(AppException.class)
        .hasMessage("activity r settings: secondsPerTurn must be 0 (no limit) or between 15 and 900");
    assertThatThrownBy(() -> FloorSettings.forActivity("d", "discussion", new JsonObject().put("queueMode", "round")))
        .hasMessage("activity d settings: queueMode must be one of open, queue, progressive");
    assertThatThrownBy(() -> FloorSettings.forActivity("d", "discussion", new JsonObject().put("overtime", 3)))
        .hasMessage("activity d settings: overtime must be a non-empty string");
  }
}
