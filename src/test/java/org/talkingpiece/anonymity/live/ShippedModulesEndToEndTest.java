package org.talkingpiece.anonymity.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.ActivityType;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.curriculum.ValidationResult;
import org.talkingpiece.session.Addresses;
import org.talkingpiece.support.TestServer;

/**
 * Every module file in {@code content/modules} run end to end on a real server, the way a
 * facilitator runs it: a session at the module's own anonymity threshold, k + 1 people on phones,
 * then the agenda from the first activity to the last with "next". At each activity the test checks
 * that it is the current one on the console and that its mechanic opens: a round starts and someone
 * holds the floor, a discussion hands the floor to a raised hand, a poll, reflection, question board
 * or word cloud opens by itself and releases once k people have taken part, and a talk, pairs or
 * break leaves the floor open with nothing anonymous asked. New module files are picked up without
 * changing this test.
 */
class ShippedModulesEndToEndTest {
  private static final Path MODULES = Path.of("content/modules");

  static TestServer server;
  static Vertx client;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    client = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    client.close().await(10, TimeUnit.SECONDS);
  }

  /** Every {@code *.yaml} file in content/modules, as the server imports them on start. */
  static Stream<String> shippedFiles() throws IOException {
    try (Stream<Path> files = Files.list(MODULES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  @DisplayName("At least the three original modules are shipped, so the run below cannot pass on an empty folder")
  void modulesAreFound() throws IOException {
    assertThat(shippedFiles().toList()).contains("understanding-privilege.yaml",
        "systemic-racism-in-organisations.yaml", "allyship-in-action.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedFiles")
  @DisplayName("Each shipped module runs from the first activity to the last, and every mechanic opens")
  void runsEndToEnd(String file) throws Exception {
    ValidationResult result = ModuleValidator.create().validateYaml(file, Files.readString(MODULES.resolve(file)));
    assertThat(result.errors()).as("%s validates", file).isEmpty();
    Module module = result.module();
    int k = module.anonymityThreshold();

    try (LiveSession s = LiveSession.create(server, client, module.slug(), k)) {
      List<LiveSession.Person> people = new ArrayList<>();
      for (int i = 0; i <= k; i++) {
        LiveSession.Person p = s.join("Person " + (i + 1));
        // A phone is present once it listens on its own channel, as the participant screen does.
        p.bridge().listen(Addresses.participant(s.sessionId, p.id()));
        people.add(p);
      }
      awaitEveryoneConnected(s, people.size());
      s.facilitator.send("start", null);
      List<Activity> activities = module.activities();
      for (int i = 0; i < activities.size(); i++) {
        if (i > 0) {
          s.facilitator.send("next", null);
        }
        Activity a = activities.get(i);
        String where = module.slug() + " activity " + (i + 1) + " (" + a.id() + ", " + a.type().wireName() + ")";
        JsonObject view = s.facilitatorView();
        assertThat(view.getJsonObject("current").getInteger("index")).as(where).isEqualTo(i);
        assertThat(view.getJsonObject("current").getJsonObject("activity").getString("id")).as(where).isEqualTo(a.id());
        assertThat(view.getJsonObject("floor").getString("activityId")).as(where).isEqualTo(a.id());
        openMechanic(s, people, a, k, where);
      }
      s.facilitator.send("end", null);
    }
  }

  private static void openMechanic(LiveSession s, List<LiveSession.Person> people, Activity a, int k, String where)
      throws Exception {
    switch (a.type()) {
      case ROUND -> {
        s.facilitator.send("floor.start-round", new JsonObject());
        JsonObject floor = s.facilitatorView().getJsonObject("floor");
        assertThat(floor.getString("mode")).as(where).isEqualTo("round");
        assertThat(floor.getJsonObject("round").getBoolean("active")).as(where + ": the round is going").isTrue();
        assertThat(floor.getJsonObject("round").getJsonArray("order")).as(where).hasSize(people.size());
        assertThat(floor.getJsonObject("speaker")).as(where + ": someone has the first turn").isNotNull();
      }
      case DISCUSSION -> {
        String queueMode = a.settings().getString("queueMode");
        assertThat(s.facilitatorView().getJsonObject("floor").getString("mode")).as(where).isEqualTo(queueMode);
        LiveSession.Person hand = people.get(0);
        hand.bridge().send("floor.raise-hand", null);
        s.facilitator.send("floor.next", null);
        JsonObject speaker = s.facilitatorView().getJsonObject("floor").getJsonObject("speaker");
        assertThat(speaker).as(where + ": the raised hand gets the floor").isNotNull();
        assertThat(speaker.getString("id")).as(where).isEqualTo(hand.id());
      }
      case POLL -> {
        JsonObject anon = openPrompt(s, "poll", where);
        String first = anon.getJsonObject("poll").getJsonArray("options").getJsonObject(0).getString("key");
        for (LiveSession.Person p : people) {
          p.bridge().send("anon.answer-poll", new JsonObject().put("choices", new JsonArray().add(first)));
        }
        assertReleased(s, people.size(), where);
      }
      case REFLECTION, QUESTIONS, WORDCLOUD -> {
        openPrompt(s, a.type().wireName(), where);
        for (int i = 0; i < people.size(); i++) {
          String text = a.type() == ActivityType.QUESTIONS ? "Finding " + i + "?" : "word" + i;
          people.get(i).bridge().send("anon.submit", new JsonObject().put("text", text));
        }
        assertReleased(s, people.size(), where);
      }
      case TALK, PAIRS, BREAK -> {
        JsonObject view = s.facilitatorView();
        assertThat(view.getJsonObject("floor").getString("mode")).as(where + ": an open floor").isEqualTo("open");
        assertThat(view.getJsonObject("anonymous").getValue("promptId")).as(where + ": nothing anonymous is asked")
            .isNull();
      }
    }
  }

  /** Presence reaches the session as its own message; ask again until every phone counts as here. */
  private static void awaitEveryoneConnected(LiveSession s, int expected) throws Exception {
    for (int attempt = 0; attempt < 200; attempt++) {
      JsonArray participants = s.facilitatorView().getJsonArray("participants");
      long connected = participants.stream().map(JsonObject.class::cast).filter(p -> p.getBoolean("connected")).count();
      if (connected == expected) {
        return;
      }
    }
    throw new AssertionError("not every participant was seen as connected");
  }

  /** The anonymous prompt of the current activity, open for answers as soon as the activity starts. */
  private static JsonObject openPrompt(LiveSession s, String kind, String where) throws Exception {
    JsonObject anon = s.anonymousForFacilitator();
    assertThat(anon.getString("kind")).as(where).isEqualTo(kind);
    assertThat(anon.getBoolean("open")).as(where + ": open for answers").isTrue();
    assertThat(anon.getBoolean("released")).as(where + ": nothing shown before k").isFalse();
    return anon;
  }

  private static void assertReleased(LiveSession s, int expected, String where) throws Exception {
    JsonObject anon = s.anonymousForFacilitator();
    assertThat(anon.getInteger("count")).as(where + ": every answer counted").isEqualTo(expected);
    assertThat(anon.getBoolean("released")).as(where + ": released once k took part").isTrue();
  }
}
