package org.talkingpiece.anonymity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MongoDB document shapes of the anonymous store, and their conversion to and from records.
 * Shapes (see docs/anonymity.md):
 * <pre>
 * anon_prompts  {_id, sessionId, promptId, round, settings, open,
 *                items: [{id, text, key?, votes?, approved?, hidden?, pinned?, answered?}] sorted by id,
 *                batches: [[id…]…], shownVotes: {id: n}, tally: {counts, respondents}, shown: {counts, respondents}}
 * anon_rolls    {_id, sessionId, promptId, round, entries: [{r, n}] sorted by r}
 * anon_voters   {_id, sessionId, promptId, round, voters: [{q, r}] sorted by r, q}
 * anon_signals  {_id, sessionId, total: {ouch, pause}, unseen: {ouch, pause}}
 * anon_screens  {_id, sessionId, activityId, current: {promptId, round} | null, projected: [id…],
 *                asks: [{promptId, text}]}
 * </pre>
 */
final class PromptDocs {
  static final String PROMPTS = "anon_prompts";
  static final String ROLLS = "anon_rolls";
  static final String VOTERS = "anon_voters";
  static final String SIGNALS = "anon_signals";
  static final String SCREENS = "anon_screens";

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private PromptDocs() {}

  /** The same _id for a prompt's documents in every collection: a hash, so no time and no odd characters. */
  static String docId(PromptRef prompt) {
    return hash("prompt", prompt.sessionId(), prompt.promptId(), String.valueOf(prompt.round()));
  }

  static String signalsId(String sessionId) {
    return hash("signals", sessionId);
  }

  static String screenId(String sessionId) {
    return hash("screen", sessionId);
  }

  static JsonObject screen(String sessionId, ScreenState s) {
    JsonArray asks = new JsonArray();
    s.asks().forEach(a -> asks.add(new JsonObject().put("promptId", a.promptId()).put("text", a.text())));
    JsonObject current = s.current() == null ? null
        : new JsonObject().put("promptId", s.current().promptId()).put("round", s.current().round());
    return new JsonObject().put("_id", screenId(sessionId)).put("sessionId", sessionId)
        .put("activityId", s.activityId()).put("current", current)
        .put("projected", new JsonArray(s.projected())).put("asks", asks);
  }

  static ScreenState screen(String sessionId, JsonObject doc) {
    JsonObject c = doc.getJsonObject("current");
    PromptRef current = c == null ? null : new PromptRef(sessionId, c.getString("promptId"), c.getInteger("round"));
    List<ScreenState.Ask> asks = new ArrayList<>();
    doc.getJsonArray("asks", new JsonArray()).forEach(o -> asks.add(
        new ScreenState.Ask(((JsonObject) o).getString("promptId"), ((JsonObject) o).getString("text"))));
    return new ScreenState(doc.getString("activityId"), current,
        strings(doc.getJsonArray("projected", new JsonArray())), asks);
  }

  static JsonObject base(PromptRef prompt) {
    return new JsonObject().put("_id", docId(prompt)).put("sessionId", prompt.sessionId())
        .put("promptId", prompt.promptId()).put("round", prompt.round());
  }

  static JsonObject settings(PromptSettings s) {
    JsonObject json = new JsonObject().put("kind", s.kind().wire()).put("threshold", s.rule().threshold())
        .put("immediate", s.rule().immediate()).put("maxLength", s.maxLength()).put("perPerson", s.perPerson())
        .put("premoderation", s.premoderation()).put("maxWords", s.maxWords());
    if (s.poll() != null) {
      PollSpec p = s.poll();
      json.put("poll", new JsonObject().put("type", p.type().wire()).put("labels", new JsonArray(p.labels()))
          .put("min", p.min()).put("max", p.max()).put("minLabel", p.minLabel()).put("maxLabel", p.maxLabel()));
    }
    return json;
  }

  static PromptSettings settings(JsonObject json) {
    ReleaseRule rule = new ReleaseRule(json.getInteger("threshold"), json.getBoolean("immediate"));
    JsonObject p = json.getJsonObject("poll");
    PollSpec poll = p == null ? null : new PollSpec(PollSpec.PollType.fromWire(p.getString("type")),
        strings(p.getJsonArray("labels")), p.getInteger("min"), p.getInteger("max"),
        p.getString("minLabel"), p.getString("maxLabel"));
    return new PromptSettings(PromptKind.fromWire(json.getString("kind")), rule, json.getInteger("maxLength"),
        json.getInteger("perPerson"), json.getBoolean("premoderation"), json.getInteger("maxWords"), poll);
  }

  static JsonObject item(AnonItem item) {
    JsonObject json = new JsonObject().put("id", item.id()).put("text", item.text());
    if (item.keyHash() != null) {
      json.put("key", item.keyHash());
    }
    return json;
  }

  static JsonObject counts(PollCounts c) {
    JsonObject counts = new JsonObject();
    c.counts().forEach(counts::put);
    return new JsonObject().put("counts", counts).put("respondents", c.respondents());
  }

  static JsonObject newPrompt(PromptRef prompt, PromptSettings s) {
    JsonObject doc = base(prompt).put("settings", settings(s)).put("open", true)
        .put("items", new JsonArray()).put("held", new JsonArray()).put("batches", new JsonArray());
    if (s.kind() == PromptKind.QUESTIONS) {
      doc.put("shownVotes", new JsonObject());
    }
    if (s.kind() == PromptKind.POLL) {
      PollCounts zero = PollCounts.zero(s.poll());
      doc.put("tally", counts(zero)).put("shown", counts(zero));
    }
    return doc;
  }

  /** @param held the waiting items, already opened (their seals are not in {@code doc}'s items) */
  static StoredPrompt decode(PromptRef prompt, JsonObject doc, JsonObject rollDoc, JsonObject votersDoc, List<AnonItem> held) {
    PromptSettings settings = settings(doc.getJsonObject("settings"));
    List<AnonItem> items = new ArrayList<>();
    Map<String, QuestionFlags> flags = new HashMap<>();
    for (Object o : doc.getJsonArray("items", new JsonArray())) {
      JsonObject i = (JsonObject) o;
      items.add(new AnonItem(i.getString("id"), i.getString("text"), i.getString("key")));
      QuestionFlags f = new QuestionFlags(i.getBoolean("approved", false), i.getBoolean("hidden", false),
          i.getBoolean("pinned", false), i.getBoolean("answered", false));
      if (!f.equals(QuestionFlags.NONE)) {
        flags.put(i.getString("id"), f);
      }
    }
    items.addAll(held);
    items.sort(java.util.Comparator.comparing(AnonItem::id));
    List<List<String>> batches = new ArrayList<>();
    doc.getJsonArray("batches", new JsonArray()).forEach(b -> batches.add(strings((JsonArray) b)));
    Map<ParticipantRef, Integer> roll = new HashMap<>();
    if (rollDoc != null) {
      rollDoc.getJsonArray("entries").forEach(e -> roll.put(
          ParticipantRef.stored(((JsonObject) e).getString("r")), ((JsonObject) e).getInteger("n")));
    }
    Map<String, Set<ParticipantRef>> voters = new HashMap<>();
    if (votersDoc != null) {
      votersDoc.getJsonArray("voters").forEach(v -> voters.computeIfAbsent(((JsonObject) v).getString("q"),
          q -> new HashSet<>()).add(ParticipantRef.stored(((JsonObject) v).getString("r"))));
    }
    return new StoredPrompt(prompt, settings, doc.getBoolean("open"), items, batches, roll, flags, voters,
        ints(doc.getJsonObject("shownVotes")), pollCounts(doc.getJsonObject("tally")), pollCounts(doc.getJsonObject("shown")));
  }

  static PromptRef promptRef(JsonObject doc) {
    return new PromptRef(doc.getString("sessionId"), doc.getString("promptId"), doc.getInteger("round"));
  }

  private static PollCounts pollCounts(JsonObject json) {
    if (json == null) {
      return null;
    }
    return new PollCounts(new LinkedHashMap<>(ints(json.getJsonObject("counts"))), json.getInteger("respondents"));
  }

  private static Map<String, Integer> ints(JsonObject json) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(e -> out.put(e.getKey(), ((Number) e.getValue()).intValue()));
    }
    return out;
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    array.forEach(o -> out.add((String) o));
    return out;
  }

  private static String hash(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (bytes.length >>> 8));
        sha.update((byte) bytes.length);
        sha.update(bytes);
      }
      return URL.encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
