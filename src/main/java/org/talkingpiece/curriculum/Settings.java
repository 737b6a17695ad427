package org.talkingpiece.curriculum;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The typed settings of an activity's mechanic, read from a validated document whose defaults are
 * already applied (so every field is present). One record per mechanic; {@link None} for
 * {@code talk} and {@code break}. The rules and defaults themselves live in the schema.
 */
public sealed interface Settings {

  /** Who gets the floor when a turn runs over: {@code soft} shows it, {@code hard} moves on. */
  enum Overtime { SOFT, HARD }

  enum RoundOrder { JOIN, SHUFFLED, ARRANGED }

  enum QueueMode { OPEN, QUEUE, PROGRESSIVE }

  enum PollKind { SINGLE, MULTIPLE, SCALE }

  /** {@code talk} and {@code break}: nothing to configure. */
  record None() implements Settings {}

  /** @param groupSize people per group, 2–4 */
  record Pairs(int groupSize) implements Settings {}

  /**
   * @param secondsPerTurn 0 for no limit, else 15–600
   * @param warnSeconds how long before the end of a limited turn the speaker is warned
   */
  record Round(int secondsPerTurn, RoundOrder order, boolean secondPass, Overtime overtime,
      int warnSeconds) implements Settings {
    public boolean hasTurnLimit() {
      return secondsPerTurn > 0;
    }
  }

  /** @param turnLimitSeconds 0 for no limit, else 15–900 */
  record Discussion(QueueMode queueMode, int turnLimitSeconds, Overtime overtime, int warnSeconds,
      boolean showQueueNames) implements Settings {
    public boolean hasTurnLimit() {
      return turnLimitSeconds > 0;
    }
  }

  record Reflection(int maxLength, int perPerson) implements Settings {}

  record Questions(int maxLength, boolean premoderation) implements Settings {}

  /**
   * A poll. "Prefer not to say" is never in {@link #options()}: the server always adds
   * {@link #PREFER_NOT_TO_SAY} as well (a safety default no module can change).
   *
   * @param options the choices for {@code single} and {@code multiple}; empty for {@code scale}
   * @param scale present for {@code scale} only
   */
  record Poll(PollKind kind, List<String> options, Optional<Scale> scale) implements Settings {
    public static final String PREFER_NOT_TO_SAY = "Prefer not to say";

    public Poll {
      options = List.copyOf(options);
    }
  }

  /** A scale from {@code min} to {@code max} (at most 11 points), labelled at both ends. */
  record Scale(int min, int max, String minLabel, String maxLabel) {
    public int points() {
      return max - min + 1;
    }
  }

  /** @param maxWords words per entry, 1–3 */
  record Wordcloud(int maxWords, int perPerson) implements Settings {}

  /** Reads the settings of a validated activity; defaults must already be applied. */
  static Settings of(ActivityType type, JsonObject s) {
    return switch (type) {
      case TALK, BREAK -> new None();
      case PAIRS -> new Pairs(s.getInteger("groupSize"));
      case ROUND -> new Round(s.getInteger("secondsPerTurn"),
          Wire.parse(RoundOrder.class, s.getString("order")), s.getBoolean("secondPass"),
          Wire.parse(Overtime.class, s.getString("overtime")), s.getInteger("warnSeconds"));
      case DISCUSSION -> new Discussion(Wire.parse(QueueMode.class, s.getString("queueMode")),
          s.getInteger("turnLimitSeconds"), Wire.parse(Overtime.class, s.getString("overtime")),
          s.getInteger("warnSeconds"), s.getBoolean("showQueueNames"));
      case REFLECTION -> new Reflection(s.getInteger("maxLength"), s.getInteger("perPerson"));
      case QUESTIONS -> new Questions(s.getInteger("maxLength"), s.getBoolean("premoderation"));
      case WORDCLOUD -> new Wordcloud(s.getInteger("maxWords"), s.getInteger("perPerson"));
      case POLL -> poll(s);
    };
  }

  private static Poll poll(JsonObject s) {
    JsonArray options = s.getJsonArray("options", new JsonArray());
    JsonObject scale = s.getJsonObject("scale");
    return new Poll(Wire.parse(PollKind.class, s.getString("kind")),
        options.stream().map(String::valueOf).toList(),
        Optional.ofNullable(scale).map(x -> new Scale(x.getInteger("min"), x.getInteger("max"),
            x.getString("minLabel"), x.getString("maxLabel"))));
  }
}
