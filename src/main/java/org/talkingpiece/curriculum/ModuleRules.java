package org.talkingpiece.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules about the whole module that the schema cannot state: minutes add up, activity ids are
 * unique, group sizes are ordered, the change log covers the version, and a file is named after
 * its slug. Runs on documents that may have failed the schema, so every read is defensive.
 */
final class ModuleRules {
  private final ModuleSchema schema;

  ModuleRules(ModuleSchema schema) {
    this.schema = schema;
  }

  /**
   * @param refused paths where the schema already found an error; rules that relate two values skip
   *     a value refused there, so one mistake is reported once
   */
  List<ValidationError> check(JsonNode doc, String source, Set<String> refused) {
    List<ValidationError> errors = new ArrayList<>();
    if (!doc.isObject()) {
      return errors;
    }
    checkDuration(doc, source, errors);
    checkIds(doc, source, errors);
    checkGroupSize(doc, source, errors);
    checkChangeLog(doc, source, errors);
    checkFileName(doc, source, errors);
    ActivityRules activityRules = new ActivityRules(schema, source, refused, errors::add);
    List<JsonNode> activities = Nodes.elements(doc.get("activities"));
    for (int i = 0; i < activities.size(); i++) {
      activityRules.check(activities.get(i), DocPath.index("activities", i));
    }
    return errors;
  }

  private static void checkDuration(JsonNode doc, String source, List<ValidationError> errors) {
    Integer duration = Nodes.intOrNull(doc.get("durationMinutes"));
    Integer sum = Nodes.sumOf(doc.get("activities"), "minutes");
    if (duration != null && sum != null && !Nodes.elements(doc.get("activities")).isEmpty()
        && duration.intValue() != sum) {
      errors.add(new ValidationError(source, "durationMinutes", "durationMinutes is " + duration
          + " but the activities add up to " + sum + " minutes; make them equal"));
    }
  }

  private static void checkIds(JsonNode doc, String source, List<ValidationError> errors) {
    Map<String, Integer> seen = new HashMap<>();
    List<JsonNode> activities = Nodes.elements(doc.get("activities"));
    for (int i = 0; i < activities.size(); i++) {
      String id = Nodes.textOrNull(activities.get(i).get("id"));
      if (id == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(id, i);
      if (first != null) {
        errors.add(new ValidationError(source, DocPath.field(DocPath.index("activities", i), "id"),
            "the id \"" + id + "\" is already used by " + DocPath.index("activities", first)
                + "; activity ids must be unique"));
      }
    }
  }

  private static void checkGroupSize(JsonNode doc, String source, List<ValidationError> errors) {
    JsonNode size = doc.path("audience").path("groupSize");
    Integer min = Nodes.intOrNull(size.get("min"));
    Integer max = Nodes.intOrNull(size.get("max"));
    if (min != null && max != null && max < min) {
      errors.add(new ValidationError(source, "audience.groupSize.max",
          "the largest group size (" + max + ") must be at least the smallest (" + min + ")"));
    }
  }

  private static void checkChangeLog(JsonNode doc, String source, List<ValidationError> errors) {
    Integer version = Nodes.intOrNull(doc.get("version"));
    List<JsonNode> entries = Nodes.elements(doc.get("changeLog"));
    if (version == null || entries.isEmpty()) {
      return;
    }
    Map<Integer, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Integer entryVersion = Nodes.intOrNull(entries.get(i).get("version"));
      if (entryVersion == null) {
        continue;
      }
      String at = DocPath.field(DocPath.index("changeLog", i), "version");
      Integer first = seen.putIfAbsent(entryVersion, i);
      if (first != null) {
        errors.add(new ValidationError(source, at, "version " + entryVersion
            + " already has a changeLog entry (" + DocPath.index("changeLog", first)
            + "); write one entry per version"));
      } else if (entryVersion > version) {
        errors.add(new ValidationError(source, at, "this entry is for version " + entryVersion
            + " but the module is version " + version));
      }
    }
    if (!seen.containsKey(version)) {
      errors.add(new ValidationError(source, "changeLog",
          "there is no changeLog entry for version " + version + "; add one that says what changed"));
    }
  }

  private static void checkFileName(JsonNode doc, String source, List<ValidationError> errors) {
    String slug = Nodes.textOrNull(doc.get("slug"));
    if (slug == null || ModuleValidator.FORM.equals(source)) {
      return;
    }
    String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    if (!name.equals(slug + ".yaml")) {
      errors.add(new ValidationError(source, "slug", "the file is named \"" + name
          + "\" but the slug is \"" + slug + "\"; name the file \"" + slug + ".yaml\""));
    }
  }
}
