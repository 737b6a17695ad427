package org.talkingpiece.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * A floor driven the way the session owner drives it: decide, then apply and keep the events in a
 * log. The clock is a plain field the test moves.
 */
final class FloorHarness {
  static final long START = 1_700_000_000_000L;

  final Floor floor = new Floor(new Random(42));
  final TestRoster roster = new TestRoster();
  final List<FloorEvent> log = new ArrayList<>();
  long now = START;

  FloorHarness(FloorSettings settings, String... participants) {
    roster.join(participants);
    record(floor.configureFor(settings, now));
  }

  static FloorSettings settings(FloorMode mode, int limitSeconds, Overtime overtime) {
    return new FloorSettings("act-1", mode, limitSeconds, overtime, 10, true, RoundOrder.JOIN, true);
  }

  static FloorHarness of(FloorMode mode, String... participants) {
    return new FloorHarness(settings(mode, 0, Overtime.SOFT), participants);
  }

  static FloorHarness timed(FloorMode mode, int limitSeconds, Overtime overtime, String... participants) {
    return new FloorHarness(settings(mode, limitSeconds, overtime), participants);
  }

  List<FloorEvent> facilitator(FloorCommand cmd) {
    return record(floor.decide(cmd, Actor.facilitator(), roster, now));
  }

  List<FloorEvent> participant(String id, FloorCommand cmd) {
    return record(floor.decide(cmd, Actor.participant(id), roster, now));
  }

  List<FloorEvent> tick() {
    return record(floor.tick(roster, now));
  }

  List<FloorEvent> configure(FloorSettings settings) {
    return record(floor.configureFor(settings, now));
  }

  List<FloorEvent> record(List<FloorEvent> events) {
    events.forEach(floor::apply);
    log.addAll(events);
    return events;
  }

  FloorHarness at(long millisSinceStart) {
    now = START + millisSinceStart;
    return this;
  }

  FloorHarness later(long millis) {
    now += millis;
    return this;
  }

  /** A new floor with the log replayed into it, as after a restart. */
  Floor rebuilt() {
    Floor fresh = new Floor(new Random(42));
    log.forEach(fresh::apply);
    return fresh;
  }

  String speaker() {
    return floor.speakerId().orElse(null);
  }

  JsonObject view() {
    return floor.facilitatorView(roster, now);
  }

  JsonObject viewOf(String participantId) {
    return floor.participantView(roster, participantId, now);
  }

  List<String> queue() {
    return view().getJsonArray("queue").stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  /** Ids in the round still to get the floor, in order. */
  List<String> upNext() {
    return view().getJsonObject("round").getJsonArray("upNext").stream().map(Object::toString).toList();
  }

  /** Runs {@code call}, which must be refused with {@code code}, and checks the floor did not change. */
  void refused(ErrorCode code, ThrowingCallable call) {
    JsonObject before = view();
    int logSize = log.size();
    assertThatThrownBy(call).isInstanceOfSatisfying(AppException.class, e -> assertThat(e.code()).isEqualTo(code));
    assertThat(view()).isEqualTo(before);
    assertThat(log).hasSize(logSize);
  }

  /** A turn: given by the facilitator, spoken for {@code millis}, ended by the facilitator. */
  void speaks(String id, long millis) {
    facilitator(new FloorCommand.GiveFloor(id));
    later(millis);
    facilitator(new FloorCommand.EndTurn());
  }
}
