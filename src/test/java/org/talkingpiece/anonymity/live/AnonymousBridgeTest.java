package org.talkingpiece.anonymity.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.anonymity.ParticipantRefs;
import org.talkingpiece.anonymity.PromptRef;
import org.talkingpiece.session.Addresses;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.support.TestServer;

/**
 * What a participant's browser can reach over the raw bridge while others write: every address it
 * may listen on, every reply it can get, and the addresses it may not use.
 */
class AnonymousBridgeTest {
  static TestServer server;
  static Vertx client;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    client = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    client.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("A participant hears no reflection on any address they may use, before or after release, and cannot learn the roll")
  void participantLearnsNothing() throws Exception {
    try (LiveSession s = LiveSession.create(server, client, "understanding-privilege", 5)) {
      List<LiveSession.Person> people = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        people.add(s.join("Person " + i));
      }
      LiveSession.Person spy = people.get(5);
      try (BridgeActor ears = s.connect(spy.token())) {
        ears.listen(Addresses.publicUpdates(s.sessionId));
        ears.listen(Addresses.participant(s.sessionId, spy.id()));
        s.facilitator.send("start", null);
        s.goTo("reflection");
        String reflectionId = s.anonymousForFacilitator().getString("promptId");

        List<String> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          String text = "Private thought " + i + " " + Ids.random();
          written.add(text);
          people.get(i).bridge().send("anon.submit", new JsonObject().put("text", text).put("key", Ids.random()));
        }
        List<String> views = new ArrayList<>();
        views.add(spy.bridge().send("sync", null).encode());
        assertThat(s.anonymousForFacilitator().getBoolean("released")).isFalse();
        assertThat(s.anonymousForFacilitator().encode()).as("the facilitator sees nothing below k either")
            .doesNotContain(written.get(0));

        String fifth = "Private thought 4 " + Ids.random();
        written.add(fifth);
        people.get(4).bridge().send("anon.submit", new JsonObject().put("text", fifth).put("key", Ids.random()));
        JsonObject released = s.anonymousForFacilitator();
        assertThat(released.getJsonArray("items")).hasSize(5);
        views.add(spy.bridge().send("sync", null).encode());
        ears.heard(1500).forEach(f -> views.add(f.encode()));
        assertThat(views).anySatisfy(v -> assertThat(v).contains("\"releasedIds\""));

        byte[] key = Base64.getUrlDecoder().decode(
            Files.readString(Path.of(server.dataDir() + "-keys").resolve(RollKey.FILE_NAME)).strip());
        ParticipantRefs refs = ParticipantRefs.withKey(key);
        PromptRef prompt = PromptRef.of(s.sessionId, reflectionId);
        for (String view : views) {
          written.forEach(t -> assertThat(view).as("a participant never receives reflection text").doesNotContain(t));
          for (LiveSession.Person p : people) {
            assertThat(view).doesNotContain(refs.forPrompt(prompt, p.id()).value())
                .doesNotContain(refs.forSignals(s.sessionId, p.id()).value());
            if (p != spy) {
              assertThat(view).as("no one else's id").doesNotContain(p.id());
            }
          }
          assertThat(view).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        }
      }
    }
  }

  @Test
  @DisplayName("A participant cannot listen on the facilitator's or the projector's address, nor send facilitator commands")
  void participantStaysInTheirLane() throws Exception {
    try (LiveSession s = LiveSession.create(server, client, "understanding-privilege", 5)) {
      LiveSession.Person ana = s.join("Ana");
      LiveSession.Person ben = s.join("Ben");
      try (BridgeActor ears = s.connect(ana.token())) {
        for (String address : List.of(Addresses.facilitator(s.sessionId), Addresses.display(s.sessionId),
            Addresses.participant(s.sessionId, ben.id()))) {
          ears.listen(address);
        }
        List<JsonObject> frames = ears.heard(1500);
        assertThat(frames.stream().filter(f -> "err".equals(f.getString("type")))
            .filter(f -> String.valueOf(f.getString("message")).startsWith("forbidden:"))).hasSize(3);
        assertThat(frames).noneMatch(f -> "rec".equals(f.getString("type")));
      }
      s.facilitator.send("start", null);
      s.goTo("reflection");
      for (String command : List.of("anon.project", "anon.moderate", "anon.close", "anon.open", "anon.show",
          "anon.release-immediately", "signal.acknowledge")) {
        assertThatThrownBy(() -> ana.bridge().send(command, new JsonObject().put("itemId", "x").put("kind", "ouch")))
            .isInstanceOf(BridgeActor.Refused.class).hasMessageStartingWith("forbidden:");
      }
      assertThatThrownBy(() -> ana.bridge().send("anon.roll", null)).hasMessageStartingWith("invalid-input:");
    }
  }
}
