package org.talkingpiece.curriculum.web;

import java.util.List;
import java.util.Map;
import org.talkingpiece.curriculum.ActivityType;
import org.talkingpiece.curriculum.ModuleStatus;

/** The words people read for the values module documents store ({@code whole-group} is "Whole group"). */
final class Labels {
  /** A value as stored and the words shown for it. */
  record Choice(String value, String label) {}

  static final List<Choice> TYPES = List.of(
      new Choice("talk", "Talk: facilitator input"),
      new Choice("round", "Round: a go-around, each may speak or pass"),
      new Choice("discussion", "Discussion: open floor with a queue"),
      new Choice("reflection", "Reflection: anonymous writing"),
      new Choice("questions", "Questions: anonymous board with upvotes"),
      new Choice("poll", "Poll: anonymous choice or scale"),
      new Choice("wordcloud", "Word cloud: anonymous words"),
      new Choice("pairs", "Pairs: timed pair work, no live input"),
      new Choice("break", "Break: timed, no live input"));

  static final List<Choice> GROUPINGS = List.of(
      new Choice("whole-group", "Whole group"),
      new Choice("pairs", "Pairs"),
      new Choice("small-groups", "Small groups"),
      new Choice("individual", "Individual"));

  /** A step's {@code kind}: empty for an ordinary step. */
  static final List<Choice> STEP_KINDS = List.of(
      new Choice("", "Ordinary step"),
      new Choice("debrief", "Debrief"));

  static final List<Choice> INTENSITIES = List.of(
      new Choice("low", "Low"),
      new Choice("medium", "Medium"),
      new Choice("high", "High (needs a debrief question)"));

  static final List<Choice> LEVELS = List.of(
      new Choice("introductory", "Introductory"),
      new Choice("intermediate", "Intermediate"),
      new Choice("advanced", "Advanced"));

  private static final Map<String, String> SHORT_TYPES = Map.of(
      "talk", "Talk", "round", "Round", "discussion", "Discussion", "reflection", "Reflection",
      "questions", "Questions", "poll", "Poll", "wordcloud", "Word cloud", "pairs", "Pairs", "break", "Break");

  private Labels() {}

  /** "Round", "Word cloud": the short name of an activity type. */
  static String type(ActivityType type) {
    return type(type.wireName());
  }

  static String type(String wire) {
    return SHORT_TYPES.getOrDefault(wire, wire);
  }

  static String grouping(String wire) {
    return of(GROUPINGS, wire);
  }

  static String intensity(String wire) {
    return wire == null ? "" : Character.toUpperCase(wire.charAt(0)) + wire.substring(1);
  }

  static String status(ModuleStatus status) {
    return switch (status) {
      case DRAFT -> "Draft";
      case PUBLISHED -> "Published";
      case RETIRED -> "Retired";
    };
  }

  /** Choices as template values: {@code [{value, label}]}. */
  static List<Map<String, String>> options(List<Choice> choices) {
    return choices.stream().map(c -> Map.of("value", c.value(), "label", c.label())).toList();
  }

  static String of(List<Choice> choices, String value) {
    return choices.stream().filter(c -> c.value().equals(value)).map(Choice::label).findFirst()
        .orElse(value == null ? "" : value);
  }

  /** Minutes as a clock offset from the start: 0 → "0:00", 95 → "1:35". */
  static String clock(int minutes) {
    return minutes / 60 + ":" + String.format("%02d", minutes % 60);
  }

  /** An ISO-8601 instant as people read it, to the minute: "2026-11-23 18:19 UTC"; as given if it is not one. */
  static String when(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
          .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(iso));
    } catch (java.time.format.DateTimeParseException e) {
      return iso;
    }
  }

  /** "1 minute", "12 minutes". */
  static String minutes(int minutes) {
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
