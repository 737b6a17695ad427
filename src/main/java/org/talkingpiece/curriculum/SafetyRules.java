package org.talkingpiece.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The safety defaults no module can change (SPEC "Safety defaults", docs/module-format.md "Safety
 * rules"). None of these fields belongs to the format, so the schema already refuses them as
 * unknown; this class names the real reason instead, wherever the field is written: at the top
 * level, in an activity, or in its settings. The validator drops the schema's error at a path this
 * class reports on.
 */
final class SafetyRules {
  static final int MIN_THRESHOLD = Module.MIN_ANONYMITY_THRESHOLD;

  private SafetyRules() {}

  static List<ValidationError> check(JsonNode document, String source) {
    List<ValidationError> errors = new ArrayList<>();
    checkObject(document, DocPath.ROOT, source, errors);
    List<JsonNode> activities = Nodes.elements(document.get("activities"));
    for (int i = 0; i < activities.size(); i++) {
      String at = DocPath.index("activities", i);
      checkObject(activities.get(i), at, source, errors);
      checkObject(activities.get(i).get("settings"), DocPath.field(at, "settings"), source, errors);
    }
    return errors;
  }

  private static void checkObject(JsonNode node, String at, String source, List<ValidationError> errors) {
    if (node == null || !node.isObject()) {
      return;
    }
    if (isOff(node.get("allowPass"))) {
      errors.add(new ValidationError(source, DocPath.field(at, "allowPass"),
          "passing cannot be turned off: everyone may always pass; remove \"allowPass\""));
    }
    if (isOff(node.get("preferNotToSay"))) {
      errors.add(new ValidationError(source, DocPath.field(at, "preferNotToSay"),
          "passing cannot be turned off: every poll offers \"Prefer not to say\"; remove \"preferNotToSay\""));
    }
    if (isOff(node.get("showContentNotes"))) {
      errors.add(new ValidationError(source, DocPath.field(at, "showContentNotes"),
          "content notes cannot be hidden: they are always shown before the session and before "
              + "the activity; remove \"showContentNotes\""));
    }
    JsonNode release = node.get("release");
    if (release != null && "immediate".equals(release.asText().trim().toLowerCase(Locale.ROOT))) {
      errors.add(new ValidationError(source, DocPath.field(at, "release"),
          "anonymous release cannot be set to immediate in a module: only a facilitator can, "
              + "live, with a notice to participants; remove \"release\""));
    }
    JsonNode threshold = node.get("anonymityThreshold");
    if (threshold != null && threshold.isNumber() && threshold.asDouble() < MIN_THRESHOLD) {
      errors.add(new ValidationError(source, DocPath.field(at, "anonymityThreshold"),
          "the anonymity threshold cannot be lowered below " + MIN_THRESHOLD
              + " by a module (found " + threshold + "); a module may only raise it"));
    }
  }

  private static boolean isOff(JsonNode value) {
    if (value == null) {
      return false;
    }
    if (value.isBoolean()) {
      return !value.asBoolean();
    }
    String text = value.asText().trim().toLowerCase(Locale.ROOT);
    return text.equals("false") || text.equals("no") || text.equals("off") || text.equals("0");
  }
}
