package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.support.EmbeddedMongo;

/**
 * Runs a session's anonymous activities from known participants, then reads every document of every
 * collection the way an admin with a database dump would, and looks for anything that links an item
 * to a person: identifying values, times, ObjectIds, or an order that follows the order of writing.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DatabaseDumpTest {
  private static final List<String> NAMES = List.of("Amara Okafor", "Ben Liu", "Carmen Ruiz", "Dev Patel",
      "Eitan Cohen", "Fatima Zahra", "Grace Kim", "Hemi Walker", "Ines Duarte", "Jonas Berg", "Kiri Tane", "Lena Novak");
  private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}:\\d{2}:\\d{2}");
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
  private static final Map<String, Set<String>> ALLOWED_FIELDS = Map.of(
      "anon_prompts", Set.of("_id", "sessionId", "promptId", "round", "settings", "open", "items", "held",
          "batches", "shownVotes", "tally", "shown"),
      "anon_rolls", Set.of("_id", "sessionId", "promptId", "round", "entries"),
      "anon_voters", Set.of("_id", "sessionId", "promptId", "round", "voters"),
      "anon_signals", Set.of("_id", "sessionId", "total", "unseen"),
      "anon_screens", Set.of("_id", "sessionId", "activityId", "current", "projected", "asks"));
  private static final Set<String> ITEM_FIELDS = Set.of("id", "text", "key", "votes", "approved", "hidden", "pinned", "answered");

  private static EmbeddedMongo mongo;

  record Person(String id, String name, String token, String key) {}

  @BeforeAll
  static void startMongo() {
    mongo = EmbeddedMongo.start();
  }

  @AfterAll
  static void stopMongo() {
    mongo.stop();
  }

  @Test
  @DisplayName("A full database dump after a session links no anonymous item to anyone, by field, time, id or order")
  void dumpLinksNothing(Vertx vertx, VertxTestContext ctx) {
    MongoClient client = mongo.client(vertx);
    AnonymousStore store = AnonymousStore.create(client);
    byte[] rollKey = Ids.secret().getBytes(StandardCharsets.US_ASCII);
    ParticipantRefs refs = ParticipantRefs.withKey(rollKey);
    SplittableRandom random = new SplittableRandom(11);
    String session = "session-" + Ids.random();
    List<Person> people = IntStream.range(0, NAMES.size())
        .mapToObj(i -> new Person("participant-" + Ids.random(), NAMES.get(i), Ids.secret(), Ids.secret())).toList();

    PromptRef reflection = PromptRef.of(session, "how-it-landed");
    PromptRef questions = PromptRef.of(session, "questions");
    PromptRef poll = PromptRef.of(session, "poll");
    PromptRef cloud = PromptRef.of(session, "one-word");
    PromptSettings reflectionSettings = PromptSettings.reflection(ReleaseRule.threshold(3));
    PromptSettings questionSettings = PromptSettings.questions(ReleaseRule.threshold(3));
    PromptSettings pollSettings = PromptSettings.poll(ReleaseRule.threshold(3), PollSpec.single(List.of("Yes", "No")));
    PromptSettings cloudSettings = PromptSettings.wordcloud(ReleaseRule.threshold(3), 3, 3);
    AtomicReference<PromptState> r = new AtomicReference<>(PromptState.open(reflectionSettings));
    AtomicReference<PromptState> q = new AtomicReference<>(PromptState.open(questionSettings));
    AtomicReference<PollState> pl = new AtomicReference<>(PollState.open(pollSettings));
    AtomicReference<PromptState> c = new AtomicReference<>(PromptState.open(cloudSettings));
    AtomicReference<SignalBoard> signals = new AtomicReference<>(SignalBoard.empty());
    List<String> reflectionWriteOrder = new ArrayList<>();
    List<String> writtenContent = new ArrayList<>();

    Future<Void> run = Future.join(store.init(), store.openPrompt(reflection, reflectionSettings),
        store.openPrompt(questions, questionSettings), store.openPrompt(poll, pollSettings),
        store.openPrompt(cloud, cloudSettings)).mapEmpty();
    for (int i = 0; i < people.size(); i++) {
      Person who = people.get(i);
      String text = "Reflection number " + (i + 1) + ": it felt uncomfortable and useful.";
      writtenContent.add(text);
      run = step(run, store, reflection, r, s -> {
        Step<PromptState> step = s.submit(refs.forPrompt(reflection, who.id()), text, who.key(), random);
        reflectionWriteOrder.add(((PromptChange.ItemAdded) step.change()).item().id());
        return step;
      });
    }
    Person withdrawer = people.get(4);
    run = step(run, store, reflection, r, s -> s.withdraw(refs.forPrompt(reflection, withdrawer.id()), withdrawer.key()));
    for (int i = 0; i < 6; i++) {
      Person who = people.get(i);
      String text = "Question " + (i + 1) + ": why does this keep happening?";
      writtenContent.add(text);
      run = step(run, store, questions, q, s -> s.submit(refs.forPrompt(questions, who.id()), text, null, random));
    }
    run = run.compose(v -> {
      Future<Void> approve = Future.succeededFuture();
      for (QuestionView view : q.get().questions(QuestionOrder.NEWEST, true)) {
        approve = step(approve, store, questions, q, s -> s.moderate(view.id(), new QuestionFlags(true, false, false, false)));
      }
      return approve;
    });
    for (int i = 6; i < 12; i++) {
      Person who = people.get(i);
      run = step(run, store, questions, q, s -> s.vote(refs.forPrompt(questions, who.id()),
          s.questions(QuestionOrder.NEWEST, false).get(who.name().length() % 3).id(), true));
    }
    for (int i = 0; i < 7; i++) {
      Person who = people.get(i);
      String choice = i == 3 ? PollSpec.PREFER_NOT_TO_SAY : String.valueOf(1 + i % 2);
      run = step(run, store, poll, pl, s -> s.answer(refs.forPrompt(poll, who.id()), Set.of(choice)));
    }
    for (int i = 0; i < 9; i++) {
      Person who = people.get(i);
      String word = List.of("tired", "hopeful", "seen").get(i % 3);
      writtenContent.add(word);
      run = step(run, store, cloud, c, s -> s.submit(refs.forPrompt(cloud, who.id()), word, null, random));
    }
    for (int i = 0; i < 3; i++) {
      Person who = people.get(i);
      SignalKind kind = i == 2 ? SignalKind.PAUSE : SignalKind.OUCH;
      run = run.compose(v -> {
        SignalBoard.SignalStep tap = signals.get().tap(kind, refs.forSignals(session, who.id())).orElseThrow();
        return store.applySignal(session, tap.change()).map(x -> {
          signals.set(tap.next());
          return null;
        });
      });
    }
    run = run.compose(v -> store.applySignal(session, signals.get().acknowledge(SignalKind.OUCH).change()));

    run.compose(v -> dump(client)).onComplete(ctx.succeeding(dump -> ctx.verify(() -> {
      List<String> forbidden = new ArrayList<>();
      people.forEach(p -> forbidden.addAll(List.of(p.id(), p.name(), p.token(), p.key())));
      forbidden.add(new String(rollKey, StandardCharsets.US_ASCII));
      List<String> refValues = new ArrayList<>();
      for (Person p : people) {
        for (PromptRef prompt : List.of(reflection, questions, poll, cloud)) {
          refValues.add(refs.forPrompt(prompt, p.id()).value());
        }
        refValues.add(refs.forSignals(session, p.id()).value());
      }

      assertThat(dump.keySet()).containsExactlyInAnyOrderElementsOf(ALLOWED_FIELDS.keySet());
      dump.forEach((collection, docs) -> {
        for (JsonObject doc : docs) {
          assertThat(doc.getValue("_id")).as("%s _id", collection).isInstanceOf(String.class);
          assertThat(doc.getString("_id")).doesNotMatch(OBJECT_ID);
          assertThat(doc.fieldNames()).as("fields of %s", collection).isSubsetOf(ALLOWED_FIELDS.get(collection));
          walk(doc, collection, (path, value) -> {
            assertThat(path).as("no extended JSON type (dates, ObjectIds, timestamps)").doesNotContain("$");
            if (value instanceof Number n) {
              assertThat(n.longValue()).as("%s looks like a time", path).isLessThan(1_000_000L);
            }
            if (value instanceof String s) {
              assertThat(s).as("%s looks like a date or time", path).doesNotContainPattern(DATE_LIKE);
              for (String f : forbidden) {
                assertThat(s).as("%s holds a participant's id, name, token or key", path).doesNotContain(f);
              }
              if (collection.equals("anon_prompts")) {
                refValues.forEach(ref -> assertThat(s).as("%s holds a roll ref beside content", path).doesNotContain(ref));
              } else {
                writtenContent.forEach(t -> assertThat(s).as("%s holds content outside the items", path).isNotEqualTo(t));
              }
            }
          });
        }
      });

      JsonObject reflectionDoc = byPrompt(dump.get("anon_prompts"), "how-it-landed");
      List<JsonObject> items = objects(reflectionDoc.getJsonArray("items"));
      items.forEach(i -> assertThat(i.fieldNames()).isSubsetOf(ITEM_FIELDS));
      List<String> storedOrder = items.stream().map(i -> i.getString("id")).toList();
      List<String> writeOrder = reflectionWriteOrder.stream().filter(storedOrder::contains).toList();
      List<JsonObject> held = objects(reflectionDoc.getJsonArray("held"));
      held.forEach(h -> assertThat(h.fieldNames()).containsExactlyInAnyOrder("s", "b"));
      assertThat(held.stream().map(h -> h.getString("b").length()).distinct().count())
          .as("every waiting item is sealed to one size").isLessThanOrEqualTo(1L);
      assertThat(storedOrder.size() + held.size()).as("released and waiting items").isEqualTo(11);
      assertThat(storedOrder).containsExactlyInAnyOrderElementsOf(writeOrder).isSorted();
      if (storedOrder.size() > 2) {
        assertThat(storedOrder).isNotEqualTo(writeOrder);
      }
      assertThat(items).extracting(i -> i.getString("text")).doesNotContain(writtenContent.get(4));

      for (JsonObject roll : dump.get("anon_rolls")) {
        List<String> refsInRoll = objects(roll.getJsonArray("entries")).stream().map(e -> e.getString("r")).toList();
        assertThat(refsInRoll).isSorted();
        objects(roll.getJsonArray("entries")).forEach(e -> assertThat(e.fieldNames()).containsExactlyInAnyOrder("r", "n"));
      }
      JsonObject reflectionRoll = byPrompt(dump.get("anon_rolls"), "how-it-landed");
      List<String> writersInWriteOrder = people.stream().filter(p -> p != withdrawer)
          .map(p -> refs.forPrompt(reflection, p.id()).value()).toList();
      assertThat(objects(reflectionRoll.getJsonArray("entries"))).extracting(e -> e.getString("r"))
          .containsExactlyInAnyOrderElementsOf(writersInWriteOrder).isNotEqualTo(writersInWriteOrder);
      List<JsonObject> voters = objects(byPrompt(dump.get("anon_voters"), "questions").getJsonArray("voters"));
      assertThat(voters).hasSize(6).isSortedAccordingTo(Comparator.<JsonObject, String>comparing(e -> e.getString("r"))
          .thenComparing(e -> e.getString("q")));
      ctx.completeNow();
    })));
  }

  private static <S> Future<Void> step(Future<Void> after, AnonymousStore store, PromptRef prompt,
      AtomicReference<S> state, Function<S, Step<S>> rule) {
    return after.compose(v -> {
      Step<S> step = rule.apply(state.get());
      return store.apply(prompt, step.change()).map(x -> {
        state.set(step.next());
        return null;
      });
    });
  }

  /** Every document of every collection in the database, as an admin's dump would list them. */
  private static Future<Map<String, List<JsonObject>>> dump(MongoClient client) {
    return client.getCollections().compose(names -> {
      Map<String, List<JsonObject>> out = new LinkedHashMap<>();
      Future<Void> all = Future.succeededFuture();
      for (String name : names) {
        all = all.compose(v -> client.find(name, new JsonObject()).map(docs -> {
          out.put(name, docs);
          return null;
        }));
      }
      return all.map(v -> out);
    });
  }

  private static void walk(Object value, String path, BiConsumer<String, Object> visit) {
    if (value instanceof JsonObject o) {
      o.forEach(e -> walk(e.getValue(), path + "." + e.getKey(), visit));
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        walk(a.getValue(i), path + "[" + i + "]", visit);
      }
    } else {
      visit.accept(path, value);
    }
  }

  private static JsonObject byPrompt(List<JsonObject> docs, String promptId) {
    return docs.stream().filter(d -> promptId.equals(d.getString("promptId"))).findFirst().orElseThrow();
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    array.forEach(o -> out.add((JsonObject) o));
    return out;
  }
}
