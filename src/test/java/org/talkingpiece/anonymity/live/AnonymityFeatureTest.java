package org.talkingpiece.anonymity.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.talkingpiece.anonymity.live.FeatureHarness.args;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.anonymity.Guarantee;
import org.talkingpiece.session.LifecycleEvent;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.shared.Ids;

class AnonymityFeatureTest {
  FeatureHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  private static void refused(ErrorCode code, Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(AppException.class)
        .satisfies(e -> assertThat(((AppException) e).code()).isEqualTo(code));
  }

  private static List<String> texts(JsonArray items) {
    List<String> out = new ArrayList<>();
    items.forEach(o -> out.add(((JsonObject) o).getString("text")));
    return out;
  }

  /** Everything every audience can see, as one string, to look for content that must not be there. */
  private String everyView() {
    StringBuilder all = new StringBuilder().append(h.publicView()).append(h.facilitatorView()).append(h.displayView());
    h.people.forEach(p -> all.append(h.privateView(p)));
    return all.toString();
  }

  @Test
  @DisplayName("A reflection shows nothing to anyone until the fifth answer, then the facilitator sees all five")
  void reflectionThreshold() {
    h = FeatureHarness.start("understanding-privilege", 5);
    List<String> people = h.join(6);
    h.startSession();
    h.goTo("reflection");
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String text = "Reflection " + i + " " + Ids.random();
      written.add(text);
      JsonObject reply = h.as(people.get(i), "anon.submit", args("text", text, "key", Ids.random()));
      assertThat(reply.getString("itemId")).hasSize(22);
      assertThat(reply.getInteger("remaining")).isZero();
      String views = everyView();
      written.forEach(t -> assertThat(views).doesNotContain(t));
      assertThat(h.publicView().getInteger("count")).isEqualTo(i + 1);
      assertThat(h.facilitatorView().getBoolean("released")).isFalse();
    }
    String fifth = "Reflection 4 " + Ids.random();
    written.add(fifth);
    h.as(people.get(4), "anon.submit", args("text", fifth, "key", Ids.random()));

    JsonObject f = h.facilitatorView();
    assertThat(f.getBoolean("released")).isTrue();
    // Any one shuffle of five can come out in arrival order (1 in 120), so the order itself is
    // proven over many draws in ShuffleTest, not here.
    assertThat(texts(f.getJsonArray("items"))).containsExactlyInAnyOrderElementsOf(written);
    assertThat(f.getString("kind")).isEqualTo("reflection");
    assertThat(f.getJsonObject("guarantee").getString("headline")).isEqualTo("Anonymous");
    JsonObject pub = h.publicView();
    assertThat(pub.getJsonArray("releasedIds")).hasSize(5);
    String publicAndDisplay = pub.encode() + h.displayView().encode() + h.privateView(people.get(0)).encode();
    written.forEach(t -> assertThat(publicAndDisplay).as("only the facilitator reads reflections").doesNotContain(t));
    assertThat(h.privateView(people.get(0)).getInteger("remaining")).isZero();
    assertThat(h.privateView(people.get(5)).getInteger("remaining")).isEqualTo(1);
    people.forEach(p -> assertThat(everyView()).doesNotContain(p));
  }

  @Test
  @DisplayName("After the first release, later answers wait for a batch of k, and at close only their number is shown")
  void laterBatchesAndClose() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(6);
    h.startSession();
    h.goTo("reflection");
    for (int i = 0; i < 3; i++) {
      h.as(people.get(i), "anon.submit", args("text", "first " + i));
    }
    h.as(people.get(3), "anon.submit", args("text", "late answer"));
    h.as(people.get(4), "anon.submit", args("text", "another late answer"));
    assertThat(h.facilitatorView().getJsonArray("items")).hasSize(3);
    assertThat(h.facilitatorView().getInteger("held")).isEqualTo(2);
    assertThat(everyView()).doesNotContain("late answer");

    h.asFacilitator("anon.close", null);
    assertThat(h.publicView().getBoolean("open")).isFalse();
    assertThat(h.publicView().getInteger("held")).isEqualTo(2);
    refused(ErrorCode.WRONG_STATE, () -> h.as(people.get(5), "anon.submit", args("text", "too late")));
    assertThat(everyView()).doesNotContain("late answer");

    h.asFacilitator("anon.reopen", null);
    h.as(people.get(5), "anon.submit", args("text", "third late answer"));
    assertThat(texts(h.facilitatorView().getJsonArray("items")))
        .contains("late answer", "another late answer", "third late answer").hasSize(6);
  }

  @Test
  @DisplayName("The facilitator puts a released answer on the projector and takes it down; held or unknown ones are refused")
  void projector() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(3);
    h.startSession();
    h.goTo("reflection");
    h.as(people.get(0), "anon.submit", args("text", "held for now"));
    String heldId = h.as(people.get(1), "anon.submit", args("text", "also held")).getString("itemId");
    refused(ErrorCode.NOT_FOUND, () -> h.asFacilitator("anon.project", args("itemId", heldId)));
    h.as(people.get(2), "anon.submit", args("text", "completes the group"));

    JsonObject chosen = h.facilitatorView().getJsonArray("items").getJsonObject(1);
    h.asFacilitator("anon.project", args("itemId", chosen.getString("id")));
    JsonObject display = h.displayView();
    assertThat(display.getJsonArray("projected")).singleElement()
        .satisfies(o -> assertThat(((JsonObject) o).getString("text")).isEqualTo(chosen.getString("text")));
    assertThat(h.facilitatorView().getJsonArray("projected")).containsExactly(chosen.getString("id"));
    refused(ErrorCode.NOT_FOUND, () -> h.asFacilitator("anon.project", args("itemId", Ids.random())));
    refused(ErrorCode.FORBIDDEN, () -> h.as(people.get(0), "anon.project", args("itemId", chosen.getString("id"))));

    h.asFacilitator("anon.unproject", null);
    assertThat(h.displayView().getJsonArray("projected")).isEmpty();
  }

  @Test
  @DisplayName("Only participants write and only the facilitator steers; nobody acts before the start or after being removed")
  void whoMayDoWhat() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(2);
    refused(ErrorCode.WRONG_STATE, () -> h.as(people.get(0), "anon.submit", args("text", "in the lobby")));
    h.startSession();
    h.goTo("reflection");
    refused(ErrorCode.FORBIDDEN, () -> h.asFacilitator("anon.submit", args("text", "facilitator writing")));
    for (String command : List.of("anon.close", "anon.reopen", "anon.release-immediately", "anon.moderate",
        "anon.project", "anon.unproject", "anon.open", "anon.show", "signal.acknowledge")) {
      refused(ErrorCode.FORBIDDEN, () -> h.as(people.get(0), command, args("kind", "ouch")));
    }
    refused(ErrorCode.INVALID_INPUT, () -> h.as(people.get(0), "anon.make-me-facilitator", null));
    h.commit(new LifecycleEvent.ParticipantRemoved(people.get(1)));
    refused(ErrorCode.UNAUTHENTICATED, () -> h.as(people.get(1), "anon.submit", args("text", "after removal")));
    h.goTo("talk");
    refused(ErrorCode.WRONG_STATE, () -> h.as(people.get(0), "anon.submit", args("text", "nothing is asked")));
  }

  @Test
  @DisplayName("Error messages name the rule that was broken and never repeat what was written")
  void errorsNeverQuoteContent() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(1);
    h.startSession();
    h.goTo("reflection");
    String secret = "SECRET-" + Ids.random();
    String tooLong = secret + "x".repeat(700);
    assertThatThrownBy(() -> h.as(people.get(0), "anon.submit", args("text", tooLong)))
        .hasMessageContaining("the limit is 600").hasMessageNotContaining(secret);
    assertThatThrownBy(() -> h.as(people.get(0), "anon.submit", args("text", List.of(secret))))
        .hasMessageNotContaining(secret);
    assertThatThrownBy(() -> h.as(people.get(0), "anon.withdraw", args("key", secret)))
        .hasMessageNotContaining(secret);
    assertThatThrownBy(() -> h.as(people.get(0), secret, null)).hasMessageNotContaining(secret);
  }

  @Test
  @DisplayName("The writer takes an answer back with its key: it leaves every screen and the projector, and the slot is free again")
  void withdraw() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(3);
    h.startSession();
    h.goTo("reflection");
    String key = Ids.random();
    String mine = h.as(people.get(0), "anon.submit", args("text", "I regret this", "key", key)).getString("itemId");
    h.as(people.get(1), "anon.submit", args("text", "second"));
    h.as(people.get(2), "anon.submit", args("text", "third"));
    h.asFacilitator("anon.project", args("itemId", mine));
    refused(ErrorCode.NOT_FOUND, () -> h.as(people.get(1), "anon.withdraw", args("key", Ids.random())));

    h.as(people.get(0), "anon.withdraw", args("key", key, "itemId", mine));
    assertThat(everyView()).doesNotContain("I regret this");
    assertThat(h.displayView().getJsonArray("projected")).isEmpty();
    assertThat(h.privateView(people.get(0)).getInteger("remaining")).isEqualTo(1);
    refused(ErrorCode.NOT_FOUND, () -> h.as(people.get(0), "anon.withdraw", args("key", key)));
  }

  @Test
  @DisplayName("Questions wait for k, then for approval; votes are one per person and totals move only in groups of k")
  void questions() {
    h = FeatureHarness.start("systemic-racism-in-organisations", 3);
    List<String> people = h.join(6);
    h.startSession();
    h.goTo("questions");
    for (int i = 0; i < 3; i++) {
      h.as(people.get(i), "anon.submit", args("text", "Question " + i + "?"));
    }
    JsonArray pending = h.facilitatorView().getJsonArray("questions");
    assertThat(pending).hasSize(3).allSatisfy(q -> assertThat(((JsonObject) q).getBoolean("approved")).isFalse());
    assertThat(h.publicView().getJsonArray("questions")).isEmpty();
    String q0 = pending.getJsonObject(0).getString("id");
    refused(ErrorCode.WRONG_STATE, () -> h.asFacilitator("anon.project", args("itemId", q0)));
    refused(ErrorCode.NOT_FOUND, () -> h.as(people.get(3), "anon.vote", args("questionId", q0)));

    h.asFacilitator("anon.moderate", args("questionId", q0, "approved", true));
    assertThat(h.publicView().getJsonArray("questions")).singleElement()
        .satisfies(q -> assertThat(((JsonObject) q).getString("id")).isEqualTo(q0));
    h.as(people.get(3), "anon.vote", args("questionId", q0, "up", true));
    refused(ErrorCode.CONFLICT, () -> h.as(people.get(3), "anon.vote", args("questionId", q0)));
    assertThat(h.privateView(people.get(3)).getJsonArray("votedFor")).containsExactly(q0);
    assertThat(h.privateView(people.get(4)).getJsonArray("votedFor")).isEmpty();
    h.as(people.get(4), "anon.vote", args("questionId", q0));
    assertThat(h.publicView().getJsonArray("questions").getJsonObject(0).getInteger("votes"))
        .as("two votes are not shown yet").isZero();
    h.as(people.get(5), "anon.vote", args("questionId", q0));
    assertThat(h.publicView().getJsonArray("questions").getJsonObject(0).getInteger("votes")).isEqualTo(3);

    h.asFacilitator("anon.project", args("itemId", q0));
    assertThat(h.displayView().getJsonArray("projected")).hasSize(1);
    h.asFacilitator("anon.moderate", args("questionId", q0, "hidden", true));
    assertThat(h.displayView().getJsonArray("projected")).as("hiding takes it off the projector").isEmpty();
    assertThat(h.publicView().getJsonArray("questions")).isEmpty();
    assertThat(h.facilitatorView().getJsonArray("questions").getJsonObject(0).getBoolean("hidden")).isTrue();
  }

  @Test
  @DisplayName("A poll answer is final, results appear only once k people answered, and \"prefer not to say\" is always there")
  void poll() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(4);
    h.startSession();
    h.goTo("poll");
    JsonObject poll = h.publicView().getJsonObject("poll");
    assertThat(poll.getString("type")).isEqualTo("multiple");
    JsonArray options = poll.getJsonArray("options");
    assertThat(options.getJsonObject(options.size() - 1).getString("key")).isEqualTo("prefer-not-to-say");
    h.as(people.get(0), "anon.answer-poll", args("choices", new JsonArray().add("1").add("2")));
    refused(ErrorCode.CONFLICT, () -> h.as(people.get(0), "anon.answer-poll", args("choices", new JsonArray().add("3"))));
    refused(ErrorCode.INVALID_INPUT, () -> h.as(people.get(1), "anon.answer-poll",
        args("choices", new JsonArray().add("1").add("prefer-not-to-say"))));
    assertThat(h.privateView(people.get(0)).getBoolean("answered")).isTrue();
    assertThat(h.privateView(people.get(1)).getBoolean("answered")).isFalse();
    h.as(people.get(1), "anon.answer-poll", args("choices", "prefer-not-to-say"));
    assertThat(h.publicView().getJsonObject("poll").getBoolean("released")).isFalse();
    assertThat(h.facilitatorView().getJsonObject("poll").getJsonArray("results")).isEmpty();
    h.as(people.get(2), "anon.answer-poll", args("choices", new JsonArray().add("1")));
    JsonObject released = h.displayView().getJsonObject("poll");
    assertThat(released.getBoolean("released")).isTrue();
    assertThat(released.getInteger("respondents")).isEqualTo(3);
    // Two of three chose the first answer: fewer than k = 3, so the room sees the reason, not the 2.
    assertThat(released.getJsonArray("results").getJsonObject(0))
        .isEqualTo(new JsonObject().put("key", "1").put("label", options.getJsonObject(0).getString("label"))
            .put("hidden", "fewer-than-k"));
    refused(ErrorCode.WRONG_STATE, () -> h.asFacilitator("anon.project", args("itemId", "1")));
  }

  @Test
  @DisplayName("A word cloud grows only in groups of k, on every screen")
  void wordcloud() {
    h = FeatureHarness.start("allyship-in-action", 3);
    List<String> people = h.join(3);
    h.startSession();
    h.goTo("wordcloud");
    h.as(people.get(0), "anon.submit", args("text", "Listening!"));
    h.as(people.get(1), "anon.submit", args("text", "listening"));
    assertThat(everyView()).doesNotContain("listening");
    h.as(people.get(2), "anon.submit", args("text", "showing up"));
    assertThat(h.publicView().getJsonArray("cloud").getJsonObject(0).encode())
        .isEqualTo(new JsonObject().put("term", "listening").put("count", 2).encode());
    assertThat(h.displayView().getJsonArray("cloud")).hasSize(2);
    assertThat(h.privateView(people.get(0)).getInteger("remaining")).isEqualTo(2);
  }

  @Test
  @DisplayName("Ouch and pause reach the facilitator at once as counts; one person's taps count once until acknowledged")
  void signals() {
    h = FeatureHarness.start("understanding-privilege", 5);
    List<String> people = h.join(3);
    h.as(people.get(0), "signal.tap", args("kind", "ouch"));
    h.as(people.get(0), "signal.tap", args("kind", "ouch"));
    h.as(people.get(1), "signal.tap", args("kind", "ouch"));
    h.as(people.get(2), "signal.tap", args("kind", "pause"));
    JsonObject signals = h.facilitatorView().getJsonObject("signals");
    assertThat(signals.getJsonObject("ouch").encode()).isEqualTo("{\"total\":2,\"unseen\":2}");
    assertThat(signals.getJsonObject("pause").getInteger("unseen")).isEqualTo(1);
    assertThat(signals.getJsonObject("guarantee").getString("text")).isEqualTo(Guarantee.signals().text());
    assertThat(h.privateView(people.get(0)).getJsonObject("signals").getBoolean("ouch")).isTrue();
    assertThat(h.privateView(people.get(2)).getJsonObject("signals").getBoolean("ouch")).isFalse();
    assertThat(h.publicView().getJsonObject("signals").containsKey("ouch")).as("counts are for the facilitator").isFalse();
    refused(ErrorCode.INVALID_INPUT, () -> h.as(people.get(0), "signal.tap", args("kind", "shout")));

    h.asFacilitator("signal.acknowledge", args("kind", "ouch"));
    assertThat(h.facilitatorView().getJsonObject("signals").getJsonObject("ouch").encode())
        .isEqualTo("{\"total\":2,\"unseen\":0}");
    assertThat(h.privateView(people.get(0)).getJsonObject("signals").getBoolean("ouch")).isFalse();
    h.as(people.get(0), "signal.tap", args("kind", "ouch"));
    assertThat(h.facilitatorView().getJsonObject("signals").getJsonObject("ouch").getInteger("total")).isEqualTo(3);
  }

  @Test
  @DisplayName("Showing answers at once is only possible before anyone writes, and the screens say so first")
  void releaseImmediately() {
    h = FeatureHarness.start("understanding-privilege", 5);
    List<String> people = h.join(2);
    h.startSession();
    h.goTo("reflection");
    assertThat(h.facilitatorView().getBoolean("canReleaseImmediately")).isTrue();
    JsonObject reply = h.asFacilitator("anon.release-immediately", null);
    assertThat(reply.getInteger("round")).isEqualTo(2);
    JsonObject pub = h.publicView();
    assertThat(pub.getBoolean("immediate")).isTrue();
    assertThat(pub.getJsonObject("guarantee").getString("headline")).isEqualTo("Shown at once");
    h.as(people.get(0), "anon.submit", args("text", "seen straight away"));
    assertThat(texts(h.facilitatorView().getJsonArray("items"))).containsExactly("seen straight away");
    refused(ErrorCode.WRONG_STATE, () -> {
      h.goTo("poll");
      h.as(people.get(1), "anon.answer-poll", args("choices", "1"));
      h.asFacilitator("anon.release-immediately", null);
    });
    assertThat(h.publicView().getBoolean("immediate")).isFalse();
  }

  @Test
  @DisplayName("The facilitator asks a question on the spot, then puts the activity's own prompt back on screen")
  void askOnTheSpot() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(3);
    h.startSession();
    h.goTo("reflection");
    JsonObject opened = h.asFacilitator("anon.open", args("kind", "poll", "prompt", "How is the pace?",
        "options", new JsonArray().add("Too fast").add("About right").add("Too slow")));
    JsonObject pub = h.publicView();
    assertThat(pub.getString("promptId")).isEqualTo(opened.getString("promptId"));
    assertThat(pub.getString("title")).isEqualTo("How is the pace?");
    assertThat(pub.getJsonObject("poll").getJsonArray("options")).hasSize(4);
    people.forEach(p -> h.as(p, "anon.answer-poll", args("choices", "2")));
    assertThat(h.displayView().getJsonObject("poll").getBoolean("released")).isTrue();

    JsonArray prompts = h.facilitatorView().getJsonArray("prompts");
    assertThat(prompts).hasSize(2);
    h.asFacilitator("anon.show", args("promptId", prompts.getJsonObject(0).getString("promptId")));
    assertThat(h.publicView().getString("kind")).isEqualTo("reflection");
    refused(ErrorCode.INVALID_INPUT, () -> h.asFacilitator("anon.open", args("kind", "essay", "prompt", "?")));
    refused(ErrorCode.INVALID_INPUT, () -> h.asFacilitator("anon.open", args("kind", "reflection")));
    refused(ErrorCode.NOT_FOUND, () -> h.asFacilitator("anon.show", args("promptId", "nothing-like-this")));
  }

  @Test
  @DisplayName("After a restart every screen shows the same: prompt, released order, projector, held answers and signals")
  void restart() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(5);
    h.startSession();
    h.goTo("reflection");
    for (int i = 0; i < 4; i++) {
      h.as(people.get(i), "anon.submit", args("text", "answer " + i));
    }
    h.asFacilitator("anon.project", args("itemId", h.facilitatorView().getJsonArray("items").getJsonObject(2).getString("id")));
    h.as(people.get(4), "signal.tap", args("kind", "pause"));
    String facilitatorBefore = h.facilitatorView().encode();
    String displayBefore = h.displayView().encode();

    h.restart();
    assertThat(h.facilitatorView().encode()).isEqualTo(facilitatorBefore);
    assertThat(h.displayView().encode()).isEqualTo(displayBefore);
    refused(ErrorCode.CONFLICT, () -> h.as(people.get(0), "anon.submit", args("text", "again")));

    h.asFacilitator("anon.open", args("kind", "wordcloud", "prompt", "One word for today"));
    String asked = h.publicView().encode();
    h.restart();
    assertThat(h.publicView().encode()).as("a prompt asked on the spot stays on screen").isEqualTo(asked);
  }

  @Test
  @DisplayName("Ending the session closes every prompt; held answers stay hidden")
  void end() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(2);
    h.startSession();
    h.goTo("reflection");
    h.as(people.get(0), "anon.submit", args("text", "never shown"));
    h.end();
    assertThat(h.publicView().getBoolean("open")).isFalse();
    assertThat(everyView()).doesNotContain("never shown");
    refused(ErrorCode.WRONG_STATE, () -> h.as(people.get(1), "anon.submit", args("text", "after the end")));
    refused(ErrorCode.WRONG_STATE, () -> h.asFacilitator("anon.reopen", null));
  }

  @Test
  @DisplayName("The report gets released answers and poll results, and only the count of a prompt that stayed below k")
  void report() {
    h = FeatureHarness.start("understanding-privilege", 3);
    List<String> people = h.join(4);
    h.startSession();
    h.goTo("poll");
    people.subList(0, 3).forEach(p -> h.as(p, "anon.answer-poll", args("choices", "1")));
    h.goTo("reflection");
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      written.add("report answer " + i);
      h.as(people.get(i), "anon.submit", args("text", written.get(i)));
    }
    h.asFacilitator("anon.open", args("kind", "wordcloud", "prompt", "One word"));
    h.as(people.get(0), "anon.submit", args("text", "alone"));
    h.end();

    var results = FeatureHarness.await(h.factory.results(h.sessionId));
    assertThat(results.polls()).singleElement().satisfies(poll -> {
      assertThat(poll.question()).isEqualTo(h.module.activities().stream()
          .filter(a -> a.type().wireName().equals("poll")).findFirst().orElseThrow().title());
      assertThat(poll.respondents()).isEqualTo(3);
      // Three of three chose the first answer. With three respondents and k = 3, "all but fewer than 3"
      // could only mean all three, so every count is withheld.
      assertThat(poll.options()).allSatisfy(o -> {
        assertThat(o.count()).isNull();
        assertThat(o.hidden()).isEqualTo("withheld");
      });
    });
    assertThat(results.revealed()).singleElement().satisfies(r ->
        assertThat(r.texts()).as("the fourth answer never completed a group").hasSize(3).isSubsetOf(written));
    assertThat(results.withheld()).singleElement().satisfies(w -> {
      assertThat(w.prompt()).isEqualTo("One word");
      assertThat(w.count()).isEqualTo(1);
    });
    assertThat(results.toString()).doesNotContain("alone");
  }
}
