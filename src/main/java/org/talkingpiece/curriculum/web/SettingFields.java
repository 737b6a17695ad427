package org.talkingpiece.curriculum.web;

import java.util.List;
import java.util.Map;
import org.talkingpiece.curriculum.web.Labels.Choice;

/**
 * How the edit form asks for each activity type's settings: one input per setting, with the words
 * and hints an author needs. The rules and defaults themselves belong to the module schema; the
 * defaults repeated here only pre-fill a type's inputs before the author picks it, and
 * {@code SettingFieldsTest} fails if they ever disagree with the schema.
 */
final class SettingFields {
  enum Kind {
    /** A whole number; empty means "use the default". */
    NUMBER,
    /** One of a few values. */
    CHOICE,
    /** A checkbox: ticked is {@code true}, unticked {@code false}. */
    BOOLEAN,
    /** A list of short texts, one per line. */
    LINES,
    /** One short text. */
    TEXT
  }

  /**
   * One setting. {@code key} is its name in {@code settings}; a dotted key ({@code scale.min}) is a
   * field of a nested object.
   *
   * @param defaultValue what the schema fills in when the setting is left out; {@code null} when it
   *     has no default
   */
  record Field(String key, String label, Kind kind, List<Choice> choices, Object defaultValue, String hint) {
    static Field number(String key, String label, int defaultValue, String hint) {
      return new Field(key, label, Kind.NUMBER, List.of(), defaultValue, hint);
    }

    static Field choice(String key, String label, List<Choice> choices, String defaultValue, String hint) {
      return new Field(key, label, Kind.CHOICE, choices, defaultValue, hint);
    }

    static Field bool(String key, String label, boolean defaultValue, String hint) {
      return new Field(key, label, Kind.BOOLEAN, List.of(), defaultValue, hint);
    }
  }

  private static final List<Choice> OVERTIME = List.of(
      new Choice("soft", "Soft: the timer shows overtime and the facilitator decides"),
      new Choice("hard", "Hard: the next speaker gets the floor"));

  private static final Map<String, List<Field>> BY_TYPE = Map.of(
      "talk", List.of(),
      "break", List.of(),
      "pairs", List.of(
          Field.number("groupSize", "People per group", 2, "2 to 4.")),
      "round", List.of(
          Field.number("secondsPerTurn", "Seconds per turn", 90, "0 for no limit, or 15 to 600."),
          Field.choice("order", "Order of speakers", List.of(
              new Choice("join", "The order people joined"),
              new Choice("shuffled", "Shuffled"),
              new Choice("arranged", "Arranged by the facilitator")), "join", null),
          Field.bool("secondPass", "Offer a second pass to those who passed", true, null),
          Field.choice("overtime", "When a turn runs over", OVERTIME, "soft", null),
          Field.number("warnSeconds", "Warn the speaker this many seconds before the end", 15,
              "0 to 120, and less than the seconds per turn.")),
      "discussion", List.of(
          Field.choice("queueMode", "Queue", List.of(
              new Choice("open", "Open: the facilitator taps who speaks"),
              new Choice("queue", "Queue: first come, first served"),
              new Choice("progressive", "Progressive: those who have spoken least go first")), "progressive", null),
          Field.number("turnLimitSeconds", "Seconds per turn", 120, "0 for no limit, or 15 to 900."),
          Field.choice("overtime", "When a turn runs over", OVERTIME, "soft", null),
          Field.number("warnSeconds", "Warn the speaker this many seconds before the end", 15, "0 to 120."),
          Field.bool("showQueueNames", "Show the names in the queue to everyone", true,
              "Untick to show each participant only their own place.")),
      "reflection", List.of(
          Field.number("maxLength", "Longest response, in characters", 1000, "50 to 4000."),
          Field.number("perPerson", "Responses per person", 1, "1 to 5.")),
      "questions", List.of(
          Field.number("maxLength", "Longest question, in characters", 280, "50 to 1000."),
          Field.bool("premoderation", "The facilitator approves questions before others see them", true, null)),
      "poll", List.of(
          Field.choice("kind", "Kind of poll", List.of(
              new Choice("single", "Single choice"),
              new Choice("multiple", "Multiple choice"),
              new Choice("scale", "Scale")), null, null),
          new Field("options", "Options, one per line", Kind.LINES, List.of(), null,
              "For single and multiple choice: 2 to 10 options. \"Prefer not to say\" is always added; do not list it."),
          new Field("scale.min", "Scale: lowest value", Kind.NUMBER, List.of(), null, "For a scale only."),
          new Field("scale.max", "Scale: highest value", Kind.NUMBER, List.of(), null, "At most 11 points in all."),
          new Field("scale.minLabel", "Scale: label of the lowest value", Kind.TEXT, List.of(), null, null),
          new Field("scale.maxLabel", "Scale: label of the highest value", Kind.TEXT, List.of(), null, null)),
      "wordcloud", List.of(
          Field.number("maxWords", "Words per entry", 3, "1 to 3."),
          Field.number("perPerson", "Entries per person", 3, "1 to 5.")));

  private SettingFields() {}

  /** The settings of a type, in the schema's order; empty for types without settings or unknown types. */
  static List<Field> of(String type) {
    return BY_TYPE.getOrDefault(type, List.of());
  }
}
