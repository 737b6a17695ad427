package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talkingpiece.floor.FloorMode;
import org.talkingpiece.session.LifecycleEvent.SessionCreated;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

@DisplayName("A session's settings")
class SessionSettingsTest {

  private static SessionSettings read(JsonObject settings) {
    return SessionSettings.fromJson(settings, 5);
  }

  private static void assertRefused(JsonObject settings, String message) {
    assertThatThrownBy(() -> read(settings))
        .isInstanceOf(AppException.class)
        .satisfies(e -> assertThat(((AppException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT))
        .hasMessage(message);
  }

  @Test
  @DisplayName("without floor defaults nothing is chosen, and the view says nothing about them")
  void absent() {
    SessionSettings settings = read(new JsonObject());
    assertThat(settings.defaultTurnSeconds()).isNull();
    assertThat(settings.queueMode()).isNull();
    assertThat(settings).isEqualTo(SessionSettings.defaults());
    assertThat(settings.toJson().fieldNames()).containsExactlyInAnyOrder("anonymityThreshold", "selfIdCategories",
        "displayShowsBalance");
  }

  @Test
  @DisplayName("a default turn limit (0 for none, or 15–900 s) and a queue mode are read and shown back")
  void chosen() {
    SessionSettings settings = read(new JsonObject().put("defaultTurnSeconds", 120).put("queueMode", "progressive"));
    assertThat(settings.defaultTurnSeconds()).isEqualTo(120);
    assertThat(settings.queueMode()).isEqualTo(FloorMode.PROGRESSIVE);
    assertThat(settings.toJson().getInteger("defaultTurnSeconds")).isEqualTo(120);
    assertThat(settings.toJson().getString("queueMode")).isEqualTo("progressive");
    assertThat(read(new JsonObject().put("defaultTurnSeconds", 0)).defaultTurnSeconds()).isZero();
    assertThat(read(new JsonObject().put("defaultTurnSeconds", 15)).defaultTurnSeconds()).isEqualTo(15);
    assertThat(read(new JsonObject().put("defaultTurnSeconds", 900.0)).defaultTurnSeconds()).isEqualTo(900);
    assertThat(read(new JsonObject().put("queueMode", "queue")).queueMode()).isEqualTo(FloorMode.QUEUE);
  }

  @ParameterizedTest(name = "{0} s")
  @ValueSource(longs = {-1, 901, 10, 14, 1L << 32})
  @DisplayName("a turn limit outside 0 or 15–900 seconds is refused naming the field")
  void badTurnSeconds(long seconds) {
    assertRefused(new JsonObject().put("defaultTurnSeconds", seconds),
        "settings.defaultTurnSeconds must be 0 (no limit) or between 15 and 900");
  }

  @Test
  @DisplayName("a turn limit that is not a whole number is refused naming the field")
  void turnSecondsNotAWholeNumber() {
    for (Object bad : new Object[] {1.5, "60", true, new JsonArray()}) {
      assertRefused(new JsonObject().put("defaultTurnSeconds", bad), "settings.defaultTurnSeconds must be a whole number");
    }
  }

  @Test
  @DisplayName("a queue mode other than queue or progressive (round and open included) is refused naming the field")
  void badQueueMode() {
    for (Object bad : new Object[] {"loud", "round", "open", "Progressive", "", 3}) {
      assertRefused(new JsonObject().put("queueMode", bad), "settings.queueMode must be one of queue, progressive");
    }
  }

  @Test
  @DisplayName("settings built in code obey the same rules")
  void constructorRules() {
    assertThatThrownBy(() -> new SessionSettings(5, Map.of(), false, 901, null))
        .hasMessage("settings.defaultTurnSeconds must be 0 (no limit) or between 15 and 900");
    assertThatThrownBy(() -> new SessionSettings(5, Map.of(), false, null, FloorMode.ROUND))
        .hasMessage("settings.queueMode must be one of queue, progressive");
  }

  @Test
  @DisplayName("the session's first event keeps the floor defaults through the log, as text")
  void storedAndReadBack() {
    SessionSettings settings = new SessionSettings(4, Map.of("Role", List.of("Staff", "Guest")), true, 0,
        FloorMode.QUEUE);
    SessionCreated created = new SessionCreated("s-1", "ACDEFH", "understanding-privilege", 2, "acct-1", settings, "salt");
    JsonObject stored = new JsonObject(EventCodec.encode(created).encode());
    assertThat(EventCodec.decode(stored)).isEqualTo(created);

    SessionCreated plain = new SessionCreated("s-2", "ACDEFH", "understanding-privilege", 2, "acct-1",
        SessionSettings.defaults(), "salt");
    assertThat(EventCodec.decode(new JsonObject(EventCodec.encode(plain).encode()))).isEqualTo(plain);
  }

  @Test
  @DisplayName("a session logged before floor defaults existed still rebuilds, with each activity as its module says")
  void oldLogStillReads() {
    JsonObject old = new JsonObject("""
        {"type": "session.SessionCreated", "sessionId": "s-old", "joinCode": "ACDEFH",
         "moduleSlug": "understanding-privilege", "moduleVersion": 1, "facilitatorAccountId": "acct-1",
         "settings": {"anonymityThreshold": 3, "selfIdCategories": {"Role": ["Staff"]}, "displayShowsBalance": true},
         "salt": "salt"}""");
    SessionCreated decoded = (SessionCreated) EventCodec.decode(old);
    assertThat(decoded.settings()).isEqualTo(new SessionSettings(3, Map.of("Role", List.of("Staff")), true));
    assertThat(decoded.settings().defaultTurnSeconds()).isNull();
    assertThat(decoded.settings().queueMode()).isNull();
  }
}
