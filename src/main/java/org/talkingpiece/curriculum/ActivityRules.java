package org.talkingpiece.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rules about one activity that the schema cannot state: steps add up to the activity, a
 * high-intensity activity has a debrief, and the poll and round settings that depend on each other.
 * Runs on documents that may have failed the schema, so every read is defensive.
 */
final class ActivityRules {
  /** Ways of writing "prefer not to say", compared after {@link #squash(String)}. */
  private static final Set<String> PREFER_NOT_TO_SAY = Set.of(
      "prefer not to say", "i prefer not to say", "prefer not to answer", "rather not say",
      "id rather not say", "i would rather not say", "no answer");
  static final int MAX_SCALE_POINTS = 11;

  private final ModuleSchema schema;
  private final Consumer<ValidationError> report;
  private final String source;
  private final Set<String> refused;

  /** @param refused paths the schema already refused: rules do not compare against those values */
  ActivityRules(ModuleSchema schema, String source, Set<String> refused, Consumer<ValidationError> report) {
    this.schema = schema;
    this.source = source;
    this.refused = refused;
    this.report = report;
  }

  void check(JsonNode activity, String at) {
    if (activity == null || !activity.isObject()) {
      return;
    }
    checkSteps(activity, at);
    checkDebrief(activity, at);
    String type = Nodes.textOrNull(activity.get("type"));
    JsonNode settings = activity.path("settings");
    String settingsAt = DocPath.field(at, "settings");
    if ("poll".equals(type) && settings.isObject()) {
      checkPoll(settings, settingsAt);
    } else if ("round".equals(type) && (settings.isObject() || settings.isMissingNode())) {
      checkWarning(settings, settingsAt);
    }
  }

  private void checkSteps(JsonNode activity, String at) {
    JsonNode steps = activity.get("steps");
    Integer minutes = Nodes.intOrNull(activity.get("minutes"));
    Integer sum = Nodes.sumOf(steps, "minutes");
    if (steps == null || !steps.isArray() || steps.isEmpty() || minutes == null || sum == null) {
      return;
    }
    if (sum.intValue() != minutes) {
      error(DocPath.field(at, "steps"), "the steps add up to " + sum + " minutes but the activity has "
          + minutes + "; make them equal");
    }
  }

  /**
   * A high-intensity activity needs debrief questions and time to ask them: a step marked
   * {@code kind: debrief} (its minutes are at least 1 by the schema). A step is recognised only by
   * that marker, never by its label, so renaming or translating a step cannot switch the rule off.
   */
  private void checkDebrief(JsonNode activity, String at) {
    if (!"high".equals(Nodes.textOrNull(activity.get("intensity")))) {
      return;
    }
    String name = describe(activity, at);
    if (Nodes.elements(activity.get("debrief")).isEmpty()) {
      error(DocPath.field(at, "debrief"),
          name + " is high intensity, so it needs at least one debrief question");
    }
    JsonNode steps = activity.get("steps");
    if (steps != null && !steps.isArray()) {
      return; // the schema reports the wrong type
    }
    boolean hasDebriefStep = Nodes.elements(steps).stream()
        .anyMatch(s -> "debrief".equals(Nodes.textOrNull(s.get("kind"))));
    if (!hasDebriefStep) {
      error(DocPath.field(at, "steps"), name + " is high intensity, so its steps need a debrief step"
          + " with minutes, for example {label: Debrief, minutes: 5, kind: debrief}");
    }
  }

  /** How an error names the activity: by its id when it has one. */
  private static String describe(JsonNode activity, String at) {
    String id = Nodes.textOrNull(activity.get("id"));
    return id == null ? "this activity" : "the activity \"" + id + "\"";
  }

  private void checkPoll(JsonNode settings, String at) {
    String kind = Nodes.textOrNull(settings.get("kind"));
    JsonNode options = settings.get("options");
    JsonNode scale = settings.get("scale");
    String optionsAt = DocPath.field(at, "options");
    String scaleAt = DocPath.field(at, "scale");
    if ("scale".equals(kind)) {
      if (options != null) {
        error(optionsAt, "a scale poll has no options; describe its scale under \"scale\" instead");
      }
      if (scale == null) {
        error(scaleAt, "a scale poll needs a scale: {min, max, minLabel, maxLabel}");
      } else {
        checkScale(scale, scaleAt);
      }
    } else if ("single".equals(kind) || "multiple".equals(kind)) {
      if (scale != null) {
        error(scaleAt, "only a scale poll has a scale; a " + kind + " poll lists options instead");
      }
      if (options == null) {
        error(optionsAt, "a " + kind + " poll needs a list of 2 to 10 options");
      } else {
        checkOptions(options, optionsAt);
      }
    }
  }

  private void checkOptions(JsonNode options, String at) {
    Map<String, Integer> seen = new HashMap<>();
    List<JsonNode> list = Nodes.elements(options);
    for (int i = 0; i < list.size(); i++) {
      String text = Nodes.textOrNull(list.get(i));
      if (text == null) {
        continue;
      }
      String key = squash(text);
      String optionAt = DocPath.index(at, i);
      if (PREFER_NOT_TO_SAY.contains(key)) {
        error(optionAt, "do not list \"" + text + "\": the server adds \"Prefer not to say\" to every poll");
        continue;
      }
      Integer first = seen.putIfAbsent(key, i);
      if (first != null) {
        error(optionAt, "\"" + text + "\" repeats option " + DocPath.index("options", first)
            + "; poll options must be distinct");
      }
    }
  }

  private void checkScale(JsonNode scale, String at) {
    Integer min = Nodes.intOrNull(scale.get("min"));
    Integer max = Nodes.intOrNull(scale.get("max"));
    if (min == null || max == null) {
      return;
    }
    if (min >= max) {
      error(at, "the scale's min (" + min + ") must be less than its max (" + max + ")");
    } else if ((long) max - min + 1 > MAX_SCALE_POINTS) {
      error(at, "the scale has " + ((long) max - min + 1) + " points (" + min + " to " + max
          + "); a scale has at most " + MAX_SCALE_POINTS);
    }
  }

  /** warnSeconds must fall inside a limited turn; with no limit (0) there is nothing to warn about. */
  private void checkWarning(JsonNode settings, String at) {
    JsonNode defaults = schema.settingDefaults("round");
    boolean warnDefaulted = !settings.has("warnSeconds");
    Integer turn = Nodes.intOrNull(settings.has("secondsPerTurn")
        ? settings.get("secondsPerTurn") : defaults.get("secondsPerTurn"));
    Integer warn = Nodes.intOrNull(warnDefaulted ? defaults.get("warnSeconds") : settings.get("warnSeconds"));
    boolean alreadyRefused = refused.contains(DocPath.field(at, "secondsPerTurn"))
        || refused.contains(DocPath.field(at, "warnSeconds"));
    if (turn == null || warn == null || turn == 0 || alreadyRefused) {
      return;
    }
    if (warn >= turn) {
      error(DocPath.field(at, "warnSeconds"), "warnSeconds (" + warn + (warnDefaulted ? ", the default" : "")
          + ") must be less than secondsPerTurn (" + turn + ")");
    }
  }

  /** Lower case, punctuation dropped, spaces collapsed: "Prefer not to say." equals "prefer  not to say". */
  static String squash(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").trim();
  }

  private void error(String path, String message) {
    report.accept(new ValidationError(source, path, message));
  }
}
