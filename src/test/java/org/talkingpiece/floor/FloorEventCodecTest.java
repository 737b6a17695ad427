package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.talkingpiece.floor.FloorEvent.FloorConfigured;
import org.talkingpiece.floor.FloorEvent.FloorGiven;
import org.talkingpiece.floor.FloorEvent.HandLowered;
import org.talkingpiece.floor.FloorEvent.HandRaised;
import org.talkingpiece.floor.FloorEvent.ModeChanged;
import org.talkingpiece.floor.FloorEvent.ParticipantLeft;
import org.talkingpiece.floor.FloorEvent.Passed;
import org.talkingpiece.floor.FloorEvent.QueueMoved;
import org.talkingpiece.floor.FloorEvent.QueueRemoved;
import org.talkingpiece.floor.FloorEvent.QueueVisibilitySet;
import org.talkingpiece.floor.FloorEvent.RoundFinished;
import org.talkingpiece.floor.FloorEvent.RoundJoined;
import org.talkingpiece.floor.FloorEvent.RoundSecondPass;
import org.talkingpiece.floor.FloorEvent.RoundSkipped;
import org.talkingpiece.floor.FloorEvent.RoundStarted;
import org.talkingpiece.floor.FloorEvent.TimerPaused;
import org.talkingpiece.floor.FloorEvent.TimerResumed;
import org.talkingpiece.floor.FloorEvent.TurnEnded;
import org.talkingpiece.floor.FloorEvent.TurnExtended;
import org.talkingpiece.floor.FloorEvent.TurnLimitSet;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

@DisplayName("Floor events in the session log")
class FloorEventCodecTest {
  private static final long T = 1_700_000_123_456L;

  static List<FloorEvent> samples() {
    return List.of(
        new FloorConfigured(new FloorSettings("act-2", FloorMode.ROUND, 90, Overtime.HARD, 15, false,
            RoundOrder.SHUFFLED, false)),
        new HandRaised("p1", T),
        new HandLowered("p1"),
        new QueueMoved("p2", 3),
        new QueueRemoved("p3"),
        new FloorGiven(Turn.FACILITATOR, "act-2", FloorMode.PROGRESSIVE, T, "given"),
        new TurnEnded(new Turn("p1", "act-2", "round", T, T + 61_001, 2_500, -1, "expired")),
        new TurnExtended(30),
        new TimerPaused(T + 1),
        new TimerResumed(T + 2),
        new ModeChanged(FloorMode.QUEUE, List.of("p2", "p1")),
        new TurnLimitSet(120, Overtime.SOFT, 0),
        new QueueVisibilitySet(true),
        new Passed("p4", T + 3),
        new RoundStarted(List.of("p3", "p1"), true, List.of("p2")),
        new RoundJoined("p5"),
        new RoundSkipped("p1", "absent"),
        new RoundSecondPass(List.of("p1")),
        new RoundFinished("completed"),
        new ParticipantLeft("p3"));
  }

  @Test
  @DisplayName("the samples cover every kind of floor event")
  void everyEventHasASample() {
    assertThat(samples()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(
        Arrays.asList(FloorEvent.class.getPermittedSubclasses()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @DisplayName("every event reads back exactly as it was written, through text")
  void roundTrip(FloorEvent event) {
    JsonObject stored = new JsonObject(FloorEventCodec.encode(event).encode());

    assertThat(FloorEventCodec.decode(stored)).isEqualTo(event);
    assertThat(FloorEventCodec.handles(stored.getString("type"))).isTrue();
  }

  @Test
  @DisplayName("type names are stable strings in the log")
  void typeNames() {
    assertThat(samples()).extracting(e -> FloorEventCodec.encode(e).getString("type")).containsExactly(
        "floor.configured", "floor.hand-raised", "floor.hand-lowered", "floor.queue-moved", "floor.queue-removed",
        "floor.given", "floor.turn-ended", "floor.turn-extended", "floor.timer-paused", "floor.timer-resumed",
        "floor.mode-changed", "floor.turn-limit-set", "floor.queue-visibility-set", "floor.passed",
        "floor.round-started", "floor.round-joined", "floor.round-skipped", "floor.round-second-pass",
        "floor.round-finished", "floor.participant-left");
  }

  @Test
  @DisplayName("a missing field is refused, naming the event type and the field")
  void missingField() {
    refused(new JsonObject().put("type", "floor.given").put("speakerId", "p1").put("activityId", "a")
        .put("mode", "queue").put("reason", "queue"), "floor.given: at must be a whole number");
  }

  @Test
  @DisplayName("a field of the wrong type is refused, naming the field")
  void wrongType() {
    refused(new JsonObject().put("type", "floor.hand-raised").put("participantId", 7).put("at", T),
        "floor.hand-raised: participantId must be a non-empty string");
    refused(new JsonObject().put("type", "floor.timer-paused").put("at", 1.5), "floor.timer-paused: at must be a whole number");
    refused(new JsonObject().put("type", "floor.round-started").put("order", new JsonArray().add("p1").add(3))
        .put("secondPass", true).put("leftOut", new JsonArray()), "floor.round-started: order[1] must be a non-empty string");
    refused(new JsonObject().put("type", "floor.mode-changed").put("mode", "loud").put("queueOrder", new JsonArray()),
        "floor.mode-changed: mode must be one of open, queue, progressive, round");
  }

  @Test
  @DisplayName("a turn that ends before it starts, or an unknown type, is refused")
  void nonsense() {
    JsonObject turn = FloorEventCodec.encode(samples().get(6)).put("endedAt", T - 1);
    refused(turn, "floor.turn-ended: endedAt must not be before startedAt");
    refused(new JsonObject().put("type", "floor.dance"), "floor event: unknown type");
    refused(new JsonObject(), "floor event: type must be a non-empty string");
  }

  private static void refused(JsonObject json, String message) {
    assertThatThrownBy(() -> FloorEventCodec.decode(json)).isInstanceOfSatisfying(AppException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }
}
