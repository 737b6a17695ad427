package org.talkingpiece.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.session.Addresses;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.RawBridgeClient;
import org.talkingpiece.support.TestServer;

/**
 * What a participant's phone actually receives over the bridge while others speak: their own airtime
 * and the group's balance, and never another person's figures or identity.
 */
class AirtimeOverBridgeTest {
  static TestServer server;
  static Vertx vertx;
  static Api api;
  static String facilitator;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    vertx = Vertx.vertx();
    api = new Api(vertx, server);
    facilitator = api.account("dana", "facilitator");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("after Ana and Ben speak, Cleo's phone has received her own zero airtime and the balance, and nothing of Ana's or Ben's")
  void participantsNeverReceiveOthersFigures() throws Exception {
    try (LiveSession s = LiveSession.create(vertx, server, api, facilitator, "understanding-privilege", null)) {
      String ana = s.join("Ana");
      String ben = s.join("Ben");
      String cleo = s.join("Cleo");
      String cleoToken = s.people.get("Cleo").getString("token");
      try (RawBridgeClient phone = RawBridgeClient.connect(vertx, server.port())) {
        phone.register(Addresses.publicUpdates(s.id), cleoToken);
        phone.register(Addresses.participant(s.id, cleo), cleoToken);
        s.facilitator("start");
        s.give("Ana");
        Thread.sleep(1_200);
        s.give("Ben");
        Thread.sleep(700);
        long version = s.facilitator("floor.end-turn").getLong("version");
        // As the page does after (re)connecting: ask for the current views.
        phone.send(Addresses.command(s.id), cleoToken, new JsonObject().put("command", "sync"), "cleo-sync");

        // Everything the phone received until the sync reply and an update at the last version are in.
        List<JsonObject> frames = new ArrayList<>();
        JsonObject latestPublic = null;
        JsonObject latestMine = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while ((latestMine == null || latestPublic == null || latestPublic.getLong("version") < version)
            && System.currentTimeMillis() < deadline) {
          JsonObject f = phone.next(500);
          if (f == null) {
            continue;
          }
          frames.add(f);
          if ("cleo-sync".equals(f.getString("address"))) {
            JsonObject views = f.getJsonObject("body").getJsonObject("views");
            latestMine = new JsonObject().put("view", views.getJsonObject("private"));
          } else if (f.getString("address").endsWith(".public")) {
            latestPublic = f.getJsonObject("body");
          } else {
            latestMine = f.getJsonObject("body");
          }
        }
        assertThat(latestPublic).as("the public view reached the phone").isNotNull();
        assertThat(latestPublic.getLong("version")).isGreaterThanOrEqualTo(version);

        // Her own figures, privately: she has not spoken.
        assertThat(latestMine).as("her private view reached the phone").isNotNull();
        assertThat(latestMine.getJsonObject("view").getJsonObject("airtime"))
            .isEqualTo(new JsonObject().put("airtimeMs", 0).put("turns", 0));
        // The group's figures, shared: two of three voices heard.
        JsonObject group = latestPublic.getJsonObject("view").getJsonObject("airtime");
        assertThat(group.getJsonObject("voicesHeard")).isEqualTo(new JsonObject().put("count", 2).put("of", 3));
        assertThat(group.fieldNames()).containsExactlyInAnyOrder("balance", "voicesHeard");

        // Nothing that names Ana or Ben, or carries a figure of theirs, ever reached the phone.
        for (JsonObject f : frames) {
          String text = f.encode();
          assertThat(text).as("frame on " + f.getString("address")).doesNotContain(ana).doesNotContain(ben);
          if (f.getString("address").endsWith(".public")) {
            assertThat(text).doesNotContain("airtimeMs");
          } else if (!"cleo-sync".equals(f.getString("address"))) {
            assertThat(f.getString("address")).isEqualTo(Addresses.participant(s.id, cleo));
            assertThat(f.getJsonObject("body").getJsonObject("view").getString("id")).isEqualTo(cleo);
          }
        }
        assertThat(frames).extracting(f -> f.getString("address"))
            .allMatch(a -> a.equals("cleo-sync") || a.startsWith("tp.client.session." + s.id));
      }
    }
  }
}
