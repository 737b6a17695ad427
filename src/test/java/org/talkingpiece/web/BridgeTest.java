package org.talkingpiece.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.session.Addresses;
import org.talkingpiece.session.Identity;
import org.talkingpiece.session.SessionTokens;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.support.RawBridgeClient;
import org.talkingpiece.support.TestServer;

class BridgeTest {
  static TestServer server;
  static Vertx client;
  static SessionTokens tokens;
  static String session = Ids.random();
  static String otherSession = Ids.random();
  static String alice = Ids.random();
  static String bob = Ids.random();
  static String aliceToken;
  static String bobToken;
  static String facilitatorToken;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    client = Vertx.vertx();
    tokens = new SessionTokens(server.server().database());
    aliceToken = tokens.issue(session, Actor.Role.PARTICIPANT, alice).await(5, TimeUnit.SECONDS);
    bobToken = tokens.issue(session, Actor.Role.PARTICIPANT, bob).await(5, TimeUnit.SECONDS);
    facilitatorToken = tokens.issue(session, Actor.Role.FACILITATOR, null).await(5, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    client.close().await(10, TimeUnit.SECONDS);
  }

  private static boolean isError(JsonObject f) {
    return "err".equals(f.getString("type"));
  }

  @Test
  @DisplayName("Sending to an internal address is refused with access_denied")
  void sendToInternalAddress() throws Exception {
    try (RawBridgeClient c = RawBridgeClient.connect(client, server.port())) {
      c.send(Addresses.TOKEN_REVOKED, aliceToken, new JsonObject(), "reply-1");
      JsonObject err = c.nextMatching(BridgeTest::isError, 5000);
      assertThat(err).isNotNull();
      assertThat(err.getString("body")).isEqualTo("access_denied");
    }
  }

  @Test
  @DisplayName("Registering on an internal address is refused with access_denied")
  void registerOnInternalAddress() throws Exception {
    try (RawBridgeClient c = RawBridgeClient.connect(client, server.port())) {
      c.register(Addresses.presence(session), aliceToken);
      JsonObject err = c.nextMatching(BridgeTest::isError, 5000);
      assertThat(err.getString("body")).isEqualTo("access_denied");
    }
  }

  @Test
  @DisplayName("A participant cannot listen on the facilitator's address, another participant's address, or another session")
  void participantLimitedToOwnAddresses() throws Exception {
    try (RawBridgeClient c = RawBridgeClient.connect(client, server.port())) {
      for (String address : new String[] {
          Addresses.facilitator(session), Addresses.participant(session, bob), Addresses.publicUpdates(otherSession)}) {
        c.register(address, aliceToken);
        JsonObject err = c.nextMatching(f -> isError(f) && "access_denied".equals(f.getString("body")), 5000);
        assertThat(err).as(address).isNotNull();
        assertThat(err.getString("message")).as(address).startsWith("forbidden:");
      }
    }
  }

  @Test
  @DisplayName("A frame without a token, or with a made-up one, is refused and says why")
  void noToken() throws Exception {
    try (RawBridgeClient c = RawBridgeClient.connect(client, server.port())) {
      c.send(Addresses.command(session), null, new JsonObject().put("command", "raise-hand"), "reply-2");
      JsonObject err = c.nextMatching(f -> isError(f) && "reply-2".equals(f.getString("address")), 5000);
      assertThat(err.getInteger("failureCode")).isEqualTo(401);
      assertThat(err.getString("message")).startsWith("unauthenticated:");
      c.register(Addresses.publicUpdates(session), "short");
      assertThat(c.nextMatching(f -> isError(f) && "access_denied".equals(f.getString("body")), 5000)).isNotNull();
      c.register(Addresses.publicUpdates(session), Ids.secret());
      assertThat(c.nextMatching(f -> isError(f) && "access_denied".equals(f.getString("body")), 5000)).isNotNull();
    }
  }

  @Test
  @DisplayName("Browsers may not publish, even to their own session")
  void noPublish() throws Exception {
    try (RawBridgeClient c = RawBridgeClient.connect(client, server.port())) {
      c.sendFrame(new JsonObject().put("type", "publish").put("address", Addresses.publicUpdates(session))
          .put("headers", new JsonObject().put("token", facilitatorToken)).put("body", new JsonObject()));
      assertThat(c.nextMatching(BridgeTest::isError, 5000)).isNotNull();
    }
  }

  @Test
  @DisplayName("A permitted participant hears their session's public updates and their own private address")
  void permittedRegistrationWorks() throws Exception {
    try (RawBridgeClient c = RawBridgeClient.connect(client, server.port())) {
      c.register(Addresses.publicUpdates(session), aliceToken);
      c.register(Addresses.participant(session, alice), aliceToken);
      awaitDelivery(c, Addresses.publicUpdates(session));
      awaitDelivery(c, Addresses.participant(session, alice));
    }
  }

  @Test
  @DisplayName("The session owner sees who sent a command from the token, never from the frame")
  void identityFromToken() throws Exception {
    String address = Addresses.command(session);
    var consumer = server.vertx().eventBus().<JsonObject>consumer(address, msg ->
        msg.reply(new JsonObject().put("role", msg.headers().get(Identity.ROLE_HEADER))
            .put("participant", msg.headers().get(Identity.PARTICIPANT_HEADER))
            .put("forged", msg.headers().get("forged"))));
    consumer.completion().await(5, TimeUnit.SECONDS);
    try (RawBridgeClient c = RawBridgeClient.connect(client, server.port())) {
      c.sendFrame(new JsonObject().put("type", "send").put("address", address).put("replyAddress", "r-9")
          .put("headers", new JsonObject().put("token", aliceToken).put("forged", "x").put(Identity.PARTICIPANT_HEADER, bob))
          .put("body", new JsonObject().put("participantId", bob)));
      JsonObject reply = c.nextMatching(f -> "r-9".equals(f.getString("address")), 5000);
      assertThat(reply.getJsonObject("body")).isEqualTo(new JsonObject()
          .put("role", "PARTICIPANT").put("participant", alice).putNull("forged"));
    } finally {
      consumer.unregister().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("An oversized frame is refused while another client keeps working")
  void oversizedFrame() throws Exception {
    try (RawBridgeClient big = RawBridgeClient.connect(client, server.port());
         RawBridgeClient other = RawBridgeClient.connect(client, server.port())) {
      other.register(Addresses.publicUpdates(session), bobToken);
      String huge = "x".repeat(server.server().config().bridgeMaxFrameBytes() + 10);
      big.send(Addresses.command(session), aliceToken, new JsonObject().put("text", huge), "r-big");
      long end = System.currentTimeMillis() + 5000;
      JsonObject err = big.nextMatching(BridgeTest::isError, 2000);
      while (err == null && !big.isClosed() && System.currentTimeMillis() < end) {
        Thread.sleep(50);
      }
      assertThat(err != null || big.isClosed()).as("the big frame is refused or its socket closed").isTrue();
      awaitDelivery(other, Addresses.publicUpdates(session));
    }
  }

  @Test
  @DisplayName("A flood of frames is refused as rate-limited, the flooding socket is closed, and another client keeps working")
  void flood() throws Exception {
    try (RawBridgeClient flooder = RawBridgeClient.connect(client, server.port());
         RawBridgeClient other = RawBridgeClient.connect(client, server.port())) {
      other.register(Addresses.publicUpdates(session), bobToken);
      awaitDelivery(other, Addresses.publicUpdates(session));
      for (int i = 0; i < 200 && !flooder.isClosed(); i++) {
        flooder.register(Addresses.publicUpdates(session), aliceToken);
      }
      JsonObject limited = flooder.nextMatching(f -> isError(f) && "rate-limited".equals(f.getString("body")), 5000);
      assertThat(limited).isNotNull();
      assertThat(limited.getString("message")).contains("Too many messages");
      long end = System.currentTimeMillis() + 5000;
      while (!flooder.isClosed() && System.currentTimeMillis() < end) {
        Thread.sleep(50);
      }
      assertThat(flooder.isClosed()).isTrue();
      awaitDelivery(other, Addresses.publicUpdates(session));
    }
  }

  /** Publishes from the server until the client receives it (registration is asynchronous). */
  private static void awaitDelivery(RawBridgeClient c, String address) throws Exception {
    String marker = Ids.random();
    long end = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < end) {
      server.vertx().eventBus().publish(address, new JsonObject().put("marker", marker));
      JsonObject got = c.nextMatching(f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address"))
          && marker.equals(f.getJsonObject("body").getString("marker")), 200);
      if (got != null) {
        return;
      }
    }
    throw new AssertionError("no delivery on " + address);
  }
}
