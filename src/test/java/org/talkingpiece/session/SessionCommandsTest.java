package org.talkingpiece.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.FloorMode;
import org.talkingpiece.floor.FloorSettings;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

class SessionCommandsTest {
  static final Actor F = SessionFixtures.FACILITATOR;
  SessionFixtures s;

  @BeforeEach
  void setUp() {
    s = new SessionFixtures("understanding-privilege");
  }

  private static JsonObject args(Object... kv) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < kv.length; i += 2) {
      o.put((String) kv[i], kv[i + 1]);
    }
    return o;
  }

  private void assertRefused(Actor actor, String command, JsonObject args, ErrorCode code, String message) {
    long version = s.state.version();
    assertThatThrownBy(() -> s.run(actor, command, args))
        .isInstanceOf(AppException.class)
        .satisfies(e -> assertThat(((AppException) e).code()).isEqualTo(code))
        .hasMessageContaining(message);
    assertThat(s.state.version()).as("nothing was applied").isEqualTo(version);
  }

  @Test
  @DisplayName("Joining gives the participant their name, trimmed; a taken name gets a number")
  void joinNames() {
    String a = s.join("  Ana  ");
    String b = s.join("ana");
    assertThat(s.state.displayName(a)).isEqualTo("Ana");
    assertThat(s.state.displayName(b)).isEqualTo("ana 2");
  }

  @Test
  @DisplayName("Joining without a name gives a friendly pseudonym")
  void pseudonym() {
    String id = s.join(null);
    assertThat(s.state.displayName(id)).matches("[A-Z][a-z]+ [A-Z][a-z]+( \\d+)?");
  }

  @Test
  @DisplayName("A name over 40 characters, or with control characters, is refused with a reason")
  void badNames() {
    assertRefused(null, "join", args("participantId", "p-long-0001", "name", "x".repeat(41)), ErrorCode.INVALID_INPUT,
        "at most 40 characters");
    assertRefused(null, "join", args("participantId", "p-ctrl-0001", "name", "a\u0007b"), ErrorCode.INVALID_INPUT,
        "control characters");
  }

  @Test
  @DisplayName("Only the server joins people: a participant or facilitator cannot send join")
  void joinOnlyBySystem() {
    assertRefused(F, "join", args("participantId", "p-x-00001"), ErrorCode.FORBIDDEN, "join page");
  }

  @Test
  @DisplayName("The facilitator starts the session: it goes live on the first activity with its floor set up")
  void start() {
    s.join("Ana");
    s.run(F, "start", null);
    assertThat(s.state.status()).isEqualTo(SessionStatus.LIVE);
    assertThat(s.state.activityIndex()).isZero();
    assertThat(s.state.floor().settings()).isPresent();
    assertThat(s.state.floor().settings().get().activityId()).isEqualTo(s.module.activities().get(0).id());
  }

  @Test
  @DisplayName("A participant cannot start, move, pause or end the session")
  void participantCannotSteer() {
    String ana = s.join("Ana");
    for (String command : new String[] {"start", "next", "previous", "pause", "end"}) {
      assertRefused(Actor.participant(ana), command, null, ErrorCode.FORBIDDEN, "Only the facilitator");
    }
    assertRefused(Actor.participant(ana), "goto", args("index", 2), ErrorCode.FORBIDDEN, "Only the facilitator");
    assertRefused(Actor.participant(ana), "remove", args("participantId", ana), ErrorCode.FORBIDDEN, "Only the facilitator");
  }

  @Test
  @DisplayName("Moving through the agenda: next, previous, jump, and clear refusals at either end")
  void agenda() {
    assertRefused(F, "next", null, ErrorCode.WRONG_STATE, "not started yet");
    s.run(F, "start", null);
    assertRefused(F, "previous", null, ErrorCode.WRONG_STATE, "first activity");
    s.run(F, "next", null);
    assertThat(s.state.activityIndex()).isEqualTo(1);
    int last = s.module.activities().size() - 1;
    s.run(F, "goto", args("index", last));
    assertThat(s.state.activityIndex()).isEqualTo(last);
    assertRefused(F, "next", null, ErrorCode.WRONG_STATE, "last activity");
    assertRefused(F, "goto", args("index", "three"), ErrorCode.INVALID_INPUT, "index must be a whole number");
    s.run(F, "previous", null);
    assertThat(s.state.activityIndex()).isEqualTo(last - 1);
    assertThat(s.state.activityRuns()).hasSize(4);
  }

  @Test
  @DisplayName("Pause and resume; pausing twice changes nothing")
  void pause() {
    s.run(F, "start", null);
    s.run(F, "pause", null);
    assertThat(s.state.paused()).isTrue();
    assertThat(s.run(F, "pause", null)).isEmpty();
    s.run(F, "resume", null);
    assertThat(s.state.paused()).isFalse();
  }

  @Test
  @DisplayName("Ending closes an open turn first, and nothing can be started or joined afterwards")
  void end() {
    String ana = s.join("Ana");
    s.run(F, "start", null);
    s.run(F, "floor.give-floor", args("participantId", ana));
    s.now += 30_000;
    s.run(F, "end", null);
    assertThat(s.state.status()).isEqualTo(SessionStatus.ENDED);
    assertThat(s.state.floor().turns()).singleElement().satisfies(t -> {
      assertThat(t.isOpen()).isFalse();
      assertThat(t.durationAt(s.now)).isEqualTo(30_000);
    });
    assertRefused(F, "start", null, ErrorCode.WRONG_STATE, "ended");
    assertRefused(null, "join", args("participantId", "late-0001"), ErrorCode.WRONG_STATE, "ended");
    assertRefused(F, "end", null, ErrorCode.WRONG_STATE, "already ended");
  }

  @Test
  @DisplayName("A participant renames only themselves; the facilitator may rename anyone")
  void rename() {
    String ana = s.join("Ana");
    String ben = s.join("Ben");
    s.run(Actor.participant(ana), "rename", args("participantId", ben, "name", "Anna"));
    assertThat(s.state.displayName(ana)).isEqualTo("Anna");
    assertThat(s.state.displayName(ben)).isEqualTo("Ben");
    s.run(F, "rename", args("participantId", ben, "name", "Benedict"));
    assertThat(s.state.displayName(ben)).isEqualTo("Benedict");
    assertRefused(F, "rename", args("participantId", "nobody-000", "name", "X"), ErrorCode.NOT_FOUND, "No such participant");
  }

  @Test
  @DisplayName("Removing someone takes them out of the session and the floor; they can no longer act")
  void remove() {
    String ana = s.join("Ana");
    s.run(F, "start", null);
    s.run(F, "remove", args("participantId", ana));
    assertThat(s.state.isRemoved(ana)).isTrue();
    assertThat(s.state.members()).isEmpty();
    assertRefused(Actor.participant(ana), "floor.raise-hand", null, ErrorCode.NOT_FOUND, "No such participant");
  }

  @Test
  @DisplayName("Floor commands need a live session, and a participant cannot give themselves the floor")
  void floorRules() {
    String ana = s.join("Ana");
    assertRefused(Actor.participant(ana), "floor.raise-hand", null, ErrorCode.WRONG_STATE, "not started");
    s.run(F, "start", null);
    assertRefused(Actor.participant(ana), "floor.give-floor", args("participantId", ana), ErrorCode.FORBIDDEN, "");
    assertRefused(F, "floor.fly", null, ErrorCode.INVALID_INPUT, "Unknown command");
  }

  @Test
  @DisplayName("Self-identification takes only the facilitator's options, and null means prefer not to say")
  void selfIdentify() {
    s = new SessionFixtures("understanding-privilege");
    s.apply(java.util.List.of(new LifecycleEvent.SettingsChanged(new SessionSettings(5,
        java.util.Map.of("Role", java.util.List.of("Manager", "Staff")), false))));
    String ana = s.join("Ana");
    s.run(Actor.participant(ana), "self-identify", args("category", "Role", "value", "Staff"));
    assertThat(s.state.participant(ana).get().selfId()).containsEntry("Role", "Staff");
    assertRefused(Actor.participant(ana), "self-identify", args("category", "Role", "value", "Boss"),
        ErrorCode.INVALID_INPUT, "one of the offered options");
    s.run(Actor.participant(ana), "self-identify", new JsonObject().put("category", "Role").putNull("value"));
    assertThat(s.state.participant(ana).get().selfId()).isEmpty();
  }

  @Test
  @DisplayName("Each activity's floor takes the session's default turn limit where the module sets none and"
      + " keeps the module's own; the session's queue mode replaces the discussion's, not the go-around's")
  void sessionFloorDefaults() {
    s = new SessionFixtures("understanding-privilege", new SessionSettings(5, java.util.Map.of(), false, 45,
        FloorMode.QUEUE));
    s.join("Ana");
    s.run(F, "start", null);
    FloorSettings talk = s.state.floor().settings().orElseThrow();
    assertThat(s.module.activities().get(0).type().wireName()).isEqualTo("talk");
    assertThat(talk.mode()).isEqualTo(FloorMode.OPEN);
    assertThat(talk.turnLimitSeconds()).as("a talk has no limit of its own").isEqualTo(45);

    s.run(F, "next", null);
    FloorSettings checkIn = s.state.floor().settings().orElseThrow();
    assertThat(checkIn.mode()).isEqualTo(FloorMode.ROUND);
    assertThat(checkIn.turnLimitSeconds()).as("the module's 20 s per turn").isEqualTo(20);

    s.run(F, "goto", args("index", discussionIndex()));
    FloorSettings discussion = s.state.floor().settings().orElseThrow();
    assertThat(discussion.mode()).as("progressive in the module").isEqualTo(FloorMode.QUEUE);
    assertThat(discussion.turnLimitSeconds()).as("the module's 90 s").isEqualTo(90);

    s.run(F, "floor.switch-mode", args("mode", "progressive"));
    assertThat(s.state.floor().settings().orElseThrow().mode()).as("still switchable live").isEqualTo(FloorMode.PROGRESSIVE);
  }

  @Test
  @DisplayName("Without floor defaults every activity's floor is exactly as its module says")
  void noSessionFloorDefaults() {
    s.run(F, "start", null);
    s.run(F, "goto", args("index", discussionIndex()));
    var activity = s.module.activities().get(discussionIndex());
    assertThat(s.state.floor().settings()).contains(
        FloorSettings.forActivity(activity.id(), "discussion", activity.settings()));
  }

  private int discussionIndex() {
    for (int i = 0; i < s.module.activities().size(); i++) {
      if (s.module.activities().get(i).type().wireName().equals("discussion")) {
        return i;
      }
    }
    throw new AssertionError("no discussion");
  }

  @Test
  @DisplayName("Unknown commands are refused by name")
  void unknown() {
    assertRefused(F, "dance", null, ErrorCode.INVALID_INPUT, "Unknown command 'dance'");
  }

  @Test
  @DisplayName("Rebuilding from the stored log gives exactly the live state")
  void rebuildEqualsLive() {
    String ana = s.join("Ana");
    String ben = s.join("Ben");
    s.run(F, "start", null);
    s.run(F, "floor.give-floor", args("participantId", ana));
    s.now += 5_000;
    s.run(F, "goto", args("index", discussionIndex()));
    s.run(Actor.participant(ana), "floor.raise-hand", null);
    s.run(F, "floor.give-floor", args("participantId", ben));
    s.now += 12_000;
    s.run(F, "rename", args("participantId", ana, "name", "Ana M"));
    SessionState rebuilt = new SessionState();
    s.log.forEach(rebuilt::apply);
    SessionViews views = new SessionViews(s.module);
    assertThat(views.publicView(rebuilt, "u", s.now)).isEqualTo(views.publicView(s.state, "u", s.now));
    assertThat(views.airtime(rebuilt, s.now).toFacilitatorJson()).isEqualTo(views.airtime(s.state, s.now).toFacilitatorJson());
    assertThat(rebuilt.floor().turns()).isEqualTo(s.state.floor().turns());
    assertThat(rebuilt.version()).isEqualTo(s.state.version());
  }

  @Test
  @DisplayName("Stepping out is kept in the log, so a rebuilt session still has it, and no shared view shows it")
  void stepOutIsLoggedPrivately() {
    String ana = s.join("Ana");
    s.join("Ben");
    s.run(F, "start", null);
    SessionViews views = new SessionViews(s.module);
    JsonObject publicBefore = views.publicView(s.state, "u", s.now);
    JsonObject facilitatorBefore = views.facilitatorView(s.state, "u", s.now);
    JsonObject displayBefore = views.displayView(s.state, "u", s.now);

    assertThat(s.run(Actor.participant(ana), "step-out", null)).hasSize(1);
    assertThat(s.run(Actor.participant(ana), "step-out", null)).as("already out: nothing to record").isEmpty();

    SessionState rebuilt = new SessionState();
    s.log.forEach(rebuilt::apply);
    assertThat(rebuilt.isSteppedOut(ana)).isTrue();
    assertThat(s.state.isSteppedOut(ana)).isTrue();
    assertThat(views.publicView(s.state, "u", s.now)).isEqualTo(publicBefore);
    assertThat(views.facilitatorView(s.state, "u", s.now)).isEqualTo(facilitatorBefore);
    assertThat(views.displayView(s.state, "u", s.now)).isEqualTo(displayBefore);

    s.run(Actor.participant(ana), "step-back", null);
    assertThat(s.state.isSteppedOut(ana)).isFalse();
    assertRefused(F, "step-out", null, ErrorCode.FORBIDDEN, "Only participants step out");
  }
}
