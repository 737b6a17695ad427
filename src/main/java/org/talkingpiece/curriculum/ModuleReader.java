package org.talkingpiece.curriculum;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the typed {@link Module} from a document that has already been validated and normalised,
 * either just now or before it was stored. Stored documents are not validated again on read: a
 * later, stricter schema must not make old published versions (and sessions pinned to them)
 * unreadable.
 */
final class ModuleReader {
  private ModuleReader() {}

  /** @param document authored fields only (server fields removed), defaults applied */
  static Module read(JsonObject document) {
    List<Activity> activities = new ArrayList<>();
    for (Object a : document.getJsonArray("activities")) {
      activities.add(activity((JsonObject) a));
    }
    return new Module(
        document.getString("slug"),
        document.getInteger("version"),
        ModuleStatus.fromWire(document.getString("status")),
        document.getString("title"),
        document.getString("summary"),
        document.getInteger("durationMinutes"),
        strings(document.getJsonArray("contentNotes")),
        document.getInteger("anonymityThreshold", Module.MIN_ANONYMITY_THRESHOLD),
        activities,
        document);
  }

  private static Activity activity(JsonObject a) {
    List<Activity.Step> steps = new ArrayList<>();
    for (Object s : a.getJsonArray("steps", new JsonArray())) {
      JsonObject step = (JsonObject) s;
      steps.add(new Activity.Step(step.getString("label"), step.getInteger("minutes"),
          Optional.ofNullable(step.getString("grouping")).map(g -> Wire.parse(Activity.Grouping.class, g)),
          Activity.Step.DEBRIEF_KIND.equals(step.getString("kind"))));
    }
    return new Activity(
        a.getString("id"),
        ActivityType.fromWire(a.getString("type")),
        a.getString("title"),
        a.getInteger("minutes"),
        steps,
        Wire.parse(Activity.Grouping.class, a.getString("grouping")),
        Wire.parse(Activity.Intensity.class, a.getString("intensity")),
        a.getString("prompt"),
        a.getString("facilitatorNotes"),
        strings(a.getJsonArray("debrief")),
        Optional.ofNullable(a.getString("accessibility")),
        Optional.ofNullable(a.getString("contentNote")),
        a.getJsonObject("settings", new JsonObject()),
        Optional.ofNullable(a.getString("ifLate")));
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }
}
