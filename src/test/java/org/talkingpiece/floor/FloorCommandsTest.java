package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorCommand.Extend;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.MoveInQueue;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.SetQueueVisibility;
import org.talkingpiece.floor.FloorCommand.SetTurnLimit;
import org.talkingpiece.floor.FloorCommand.StartRound;
import org.talkingpiece.floor.FloorCommand.SwitchMode;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

@DisplayName("Floor commands from browsers")
class FloorCommandsTest {

  @Test
  @DisplayName("every command name is understood, with or without a body where none is needed")
  void everyName() {
    JsonObject body = new JsonObject().put("participantId", "p1").put("seconds", 30).put("mode", "queue")
        .put("showNames", false).put("toIndex", 0);
    for (String name : FloorCommands.NAMES) {
      assertThat(FloorCommands.parse(name, body)).as(name).isNotNull();
    }
    assertThat(FloorCommands.parse("raise-hand", null)).isEqualTo(new RaiseHand());
  }

  @Test
  @DisplayName("bodies become the commands they describe")
  void bodies() {
    assertThat(FloorCommands.parse("give-floor", new JsonObject().put("participantId", "facilitator")))
        .isEqualTo(new GiveFloor(Turn.FACILITATOR));
    assertThat(FloorCommands.parse("extend", new JsonObject().put("seconds", 45))).isEqualTo(new Extend(45));
    assertThat(FloorCommands.parse("switch-mode", new JsonObject().put("mode", "progressive")))
        .isEqualTo(new SwitchMode(FloorMode.PROGRESSIVE));
    assertThat(FloorCommands.parse("set-turn-limit", new JsonObject().put("seconds", 0)))
        .isEqualTo(new SetTurnLimit(0, null, null));
    assertThat(FloorCommands.parse("set-turn-limit",
        new JsonObject().put("seconds", 90).put("overtime", "hard").put("warnSeconds", 20)))
        .isEqualTo(new SetTurnLimit(90, Overtime.HARD, 20));
    assertThat(FloorCommands.parse("set-queue-visibility", new JsonObject().put("showNames", false)))
        .isEqualTo(new SetQueueVisibility(false));
    assertThat(FloorCommands.parse("move-in-queue", new JsonObject().put("participantId", "p2").put("toIndex", 1)))
        .isEqualTo(new MoveInQueue("p2", 1));
    assertThat(FloorCommands.parse("start-round", new JsonObject().put("order", "arranged")
        .put("arranged", new JsonArray().add("p2").add("p1")).put("secondPass", false)))
        .isEqualTo(new StartRound(RoundOrder.ARRANGED, List.of("p2", "p1"), false));
    assertThat(FloorCommands.parse("start-round", null)).isEqualTo(StartRound.withDefaults());
  }

  @Test
  @DisplayName("bad input is refused with a message naming the command and the field")
  void refusals() {
    refused("dance", new JsonObject(), "floor command: unknown command name");
    refused("give-floor", new JsonObject(), "give-floor: participantId must be a non-empty string");
    refused("give-floor", new JsonObject().put("participantId", " "), "give-floor: participantId must be a non-empty string");
    refused("extend", new JsonObject().put("seconds", "ten"), "extend: seconds must be a whole number");
    refused("extend", new JsonObject().put("seconds", 0), "extend: seconds must be between 1 and 900");
    refused("extend", new JsonObject().put("seconds", 1e12), "extend: seconds is out of range");
    refused("switch-mode", new JsonObject().put("mode", "shouting"),
        "switch-mode: mode must be one of open, queue, progressive, round");
    refused("set-turn-limit", new JsonObject().put("seconds", 5),
        "set-turn-limit: seconds must be 0 (no limit) or between 15 and 900");
    refused("set-turn-limit", new JsonObject().put("seconds", 60).put("warnSeconds", 121),
        "set-turn-limit: warnSeconds must be between 0 and 120");
    refused("set-turn-limit", new JsonObject().put("seconds", 60).put("overtime", "maybe"),
        "set-turn-limit: overtime must be one of soft, hard");
    refused("set-queue-visibility", new JsonObject().put("showNames", "yes"),
        "set-queue-visibility: showNames must be true or false");
    refused("move-in-queue", new JsonObject().put("participantId", "p1").put("toIndex", -1),
        "move-in-queue: toIndex must not be negative");
    refused("start-round", new JsonObject().put("order", "arranged"),
        "start-round: arranged must list the participants in order");
    refused("start-round", new JsonObject().put("order", "join").put("arranged", new JsonArray().add("p1")),
        "start-round: arranged is only used with order 'arranged'");
    refused("start-round", new JsonObject().put("order", "arranged").put("arranged", new JsonArray().add("p1").add("p1")),
        "start-round: arranged lists someone twice");
    refused("start-round", new JsonObject().put("arranged", "p1"), "start-round: arranged must be a list of strings");
  }

  private static void refused(String name, JsonObject body, String message) {
    assertThatThrownBy(() -> FloorCommands.parse(name, body)).isInstanceOfSatisfying(AppException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }
}
