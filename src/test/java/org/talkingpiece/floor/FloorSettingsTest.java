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
