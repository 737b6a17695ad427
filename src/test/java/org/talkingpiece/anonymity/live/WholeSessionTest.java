package org.talkingpiece.anonymity.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.support.TestServer;

/**
 * A whole session through the real server, the way people run one: a facilitator and six
 * participants go through a poll and a reflection from the module, a question board and a word cloud
 * asked on the spot, and the signals, with a withdrawal, moderation, votes, the projector and a few
 * mistakes on the way. Then everything the operator could look at is searched: every collection in
 * the database, and every log line.
 */
class WholeSessionTest {
  private static final List<String> NAMES = List.of("Amara Okafor", "Ben Liu", "Carmen Ruiz", "Dev Patel",
      "Eitan Cohen", "Fatima Zahra");
  private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}:\\d{2}:\\d{2}");
  /** Seconds since 1970 from 2001 on, or milliseconds: any number this large could be a time. */
  private static final long TIME_LIKE = 1_000_000_000L;
  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final Logger OURS = Logger.getLogger("org.talkingpiece");
  private static final Logger ROOT = Logger.getLogger("");
  private static final List<String> LOG = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE = new Handler() {
    private final SimpleFormatter format = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      StringBuilder line = new StringBuilder(format.format(record));
      if (record.getParameters() != null) {
        for (Object p : record.getParameters()) {
          line.append(" | ").append(p);
        }
      }
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      LOG.add(line.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  static TestServer server;
  static Vertx client;
  static final List<LiveSession.Person> people = new ArrayList<>();
  static final List<String> content = new ArrayList<>();
  static String sessionId;

  @BeforeAll
  static void runSession() throws Exception {
    CAPTURE.setLevel(Level.ALL);
    ROOT.addHandler(CAPTURE);
    OURS.setLevel(Level.ALL);
    server = TestServer.start();
    client = Vertx.vertx();
    try (LiveSession s = LiveSession.create(server, client, "understanding-privilege", 5)) {
      sessionId = s.sessionId;
      for (String name : NAMES) {
        people.add(s.join(name));
      }
      s.facilitator.send("start", null);
      for (int i = 0; i < 2; i++) {
        people.get(i).bridge().send("signal.tap", new JsonObject().put("kind", "ouch"));
      }
      people.get(2).bridge().send("signal.tap", new JsonObject().put("kind", "pause"));
      s.facilitator.send("signal.acknowledge", new JsonObject().put("kind", "ouch"));

      s.goTo("poll");
      for (int i = 0; i < people.size(); i++) {
        JsonArray choices = i == 3 ? new JsonArray().add("prefer-not-to-say") : new JsonArray().add("1").add(String.valueOf(2 + i));
        people.get(i).bridge().send("anon.answer-poll", new JsonObject().put("choices", choices));
      }
      assertThat(s.anonymousForFacilitator().getJsonObject("poll").getBoolean("released")).isTrue();

      s.goTo("reflection");
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < people.size(); i++) {
        String text = "Reflection by the " + (i + 1) + "th writer, marked " + Ids.random();
        content.add(text);
        keys.add(Ids.random());
        people.get(i).bridge().send("anon.submit", new JsonObject().put("text", text).put("key", keys.get(i)));
      }
      String tooLong = "Rejected reflection " + Ids.random() + " " + "x".repeat(700);
      content.add(tooLong.substring(0, 42));
      assertThatThrownBy(() -> people.get(5).bridge().send("anon.submit", new JsonObject().put("text", tooLong)))
          .hasMessageStartingWith("invalid-input:");
      JsonObject reflection = s.anonymousForFacilitator();
      s.facilitator.send("anon.project", new JsonObject().put("itemId", reflection.getJsonArray("items").getJsonObject(0).getString("id")));
      people.get(1).bridge().send("anon.withdraw", new JsonObject().put("key", keys.get(1)));

      s.facilitator.send("anon.open", new JsonObject().put("kind", "questions").put("prompt", "What would you like to ask?"));
      for (int i = 0; i < people.size(); i++) {
        String question = "Question from the " + (i + 1) + "th asker " + Ids.random() + "?";
        content.add(question);
        people.get(i).bridge().send("anon.submit", new JsonObject().put("text", question).put("key", Ids.random()));
      }
      JsonArray questions = s.anonymousForFacilitator().getJsonArray("questions");
      assertThat(questions).hasSize(5);
      for (int i = 0; i < questions.size(); i++) {
        String id = questions.getJsonObject(i).getString("id");
        s.facilitator.send("anon.moderate", new JsonObject().put("questionId", id).put("approved", i != 4).put("pinned", i == 0));
      }
      for (int i = 0; i < people.size(); i++) {
        people.get(i).bridge().send("anon.vote", new JsonObject().put("questionId", questions.getJsonObject(i % 3).getString("id")));
      }

      s.facilitator.send("anon.open", new JsonObject().put("kind", "wordcloud").put("prompt", "One word for how you feel"));
      List<String> words = List.of("zephyrine", "quillback", "marrowlight", "zephyrine", "brindlewood", "quillback");
      for (int i = 0; i < people.size(); i++) {
        content.add(words.get(i));
        people.get(i).bridge().send("anon.submit", new JsonObject().put("text", words.get(i)));
      }
      assertThat(s.anonymousForFacilitator().getJsonArray("cloud")).hasSize(4);

      String stray = "Stray words " + Ids.random();
      content.add(stray);
      assertThatThrownBy(() -> people.get(0).bridge().send("anon." + stray, new JsonObject().put("text", stray)))
          .hasMessageNotContaining(stray);
      assertThatThrownBy(() -> people.get(0).bridge().send("anon.withdraw", new JsonObject().put("key", stray)))
          .hasMessageNotContaining(stray);
      s.facilitator.send("end", null);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    ROOT.removeHandler(CAPTURE);
    server.close();
    client.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("After the session, no stored document with anonymous content holds anyone's id, token, name or a time; the session log holds no content")
  void databaseLinksNoOne() throws Exception {
    Map<String, List<JsonObject>> dump = dump(server.server().database().mongo());
    assertThat(dump).containsKeys("anon_prompts", "anon_rolls", "anon_signals", "anon_screens", "session_events");
    List<String> identifying = new ArrayList<>();
    people.forEach(p -> identifying.addAll(List.of(p.id(), p.name(), p.token())));
    int withContent = 0;
    for (Map.Entry<String, List<JsonObject>> collection : dump.entrySet()) {
      for (JsonObject doc : collection.getValue()) {
        String encoded = doc.encode();
        boolean holdsContent = content.stream().anyMatch(encoded::contains);
        if (!holdsContent) {
          continue;
        }
        withContent++;
        assertThat(collection.getKey()).as("anonymous content is stored only with the prompts").isEqualTo("anon_prompts");
        walk(doc, collection.getKey(), (path, value) -> {
          assertThat(path).as("no dates, ObjectIds or timestamps").doesNotContain("$");
          if (value instanceof Number n) {
            assertThat(Math.abs(n.longValue())).as("%s looks like a time", path).isLessThan(TIME_LIKE);
          }
          if (value instanceof String str) {
            assertThat(str).as("%s looks like a date or time", path).doesNotContainPattern(DATE_LIKE);
            identifying.forEach(x -> assertThat(str).as("%s holds a participant's id, name or token", path).doesNotContain(x));
          }
        });
      }
    }
    assertThat(withContent).as("documents with content were found at all").isEqualTo(3);
    String log = new JsonArray(new ArrayList<>(dump.get("session_events"))).encode();
    content.forEach(c -> assertThat(log).as("the session log holds no anonymous content").doesNotContain(c));
    String prompts = new JsonArray(new ArrayList<>(dump.get("anon_prompts"))).encode();
    assertThat(prompts).as("the withdrawn reflection is gone").doesNotContain(content.get(1));
    assertThat(prompts).as("a refused text is never stored").doesNotContain(content.get(6));
  }

  @Test
  @DisplayName("No log line holds anonymous content, not even the parts of refused commands")
  void logsHoldNoContent() {
    assertThat(LOG).as("the capture works").anyMatch(line -> line.contains("Talking Piece is ready"));
    String all = String.join("\n", LOG);
    content.forEach(c -> assertThat(all).doesNotContain(c));
  }

  /** Every document of every collection, as an admin's dump would list them. */
  private static Map<String, List<JsonObject>> dump(MongoClient mongo) throws Exception {
    Map<String, List<JsonObject>> out = new LinkedHashMap<>();
    for (String name : mongo.getCollections().await(10, TimeUnit.SECONDS)) {
      out.put(name, mongo.find(name, new JsonObject()).await(10, TimeUnit.SECONDS));
    }
    return out;
  }

  private static void walk(Object value, String path, BiConsumer<String, Object> visit) {
    if (value instanceof JsonObject o) {
      o.forEach(e -> {
        visit.accept(path + "." + e.getKey(), e.getKey());
        walk(e.getValue(), path + "." + e.getKey(), visit);
      });
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        walk(a.getValue(i), path + "[" + i + "]", visit);
      }
    } else {
      visit.accept(path, value);
    }
  }
}
