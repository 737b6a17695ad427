package org.talkingpiece.curriculum.web;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the edit form back into a module document. The form holds every authored field an author
 * edits; what it does not hold ({@code schemaVersion}, {@code slug}, {@code version},
 * {@code derivedFrom}, the change-log entries of earlier versions) is kept from the stored draft.
 * The result is not validated here: it goes to {@code ModuleValidator}, whose errors then point back
 * at the fields (see {@link FormNames}).
 *
 * <p>How values are read, so that saving an unchanged form stores the same content:
 * <ul>
 *   <li>one-line texts are trimmed; Markdown texts keep their spacing, with line breaks as {@code \n};</li>
 *   <li>optional texts ({@code accessibility}, {@code contentNote}, {@code ifLate}, {@code preBrief},
 *       {@code selfDebrief}, {@code anonymityThreshold}) left empty are left out;</li>
 *   <li>a number that is not a whole number is kept as typed, so the validator names it;</li>
 *   <li>lists written one item per line drop empty lines;</li>
 *   <li>empty rows (authors, steps) are dropped: the form always offers one blank row to add one.</li>
 * </ul>
 * A field missing from the request leaves the stored value alone. Stateless.
 */
final class ModuleForm {
  private ModuleForm() {}

  /**
   * The document the form describes.
   *
   * @param base the stored draft the form was opened from (authored fields only)
   * @param today the date of a change-log entry the form has to add (when the draft has none for its version)
   */
  static JsonObject read(MultiMap form, JsonObject base, LocalDate today) {
    JsonObject doc = base.copy();
    putLine(doc, "title", form.get("title"));
    putText(doc, "summary", form.get("summary"));
    putLine(doc, "language", form.get("language"));
    putLine(doc, "licence", form.get("licence"));
    putNumber(doc, "durationMinutes", form.get("durationMinutes"));
    putNumber(doc, "anonymityThreshold", form.get("anonymityThreshold"));
    readAuthors(form, doc);

    JsonObject audience = object(doc, "audience");
    putLine(audience, "level", form.get("audience.level"));
    JsonObject groupSize = object(audience, "groupSize");
    putNumber(groupSize, "min", form.get("audience.groupSize.min"));
    putNumber(groupSize, "max", form.get("audience.groupSize.max"));
    putLines(audience, "prerequisites", form.get("audience.prerequisites"));

    putLines(doc, "outcomes", form.get("outcomes"));
    putLines(doc, "contentNotes", form.get("contentNotes"));

    JsonObject preparation = object(doc, "preparation");
    putLines(preparation, "materials", form.get("preparation.materials"));
    putLines(preparation, "reading", form.get("preparation.reading"));
    putText(preparation, "coFacilitators", form.get("preparation.coFacilitators"));
    putText(preparation, "notes", form.get("preparation.notes"));
    putOptionalText(doc, "preBrief", form.get("preBrief"));
    putOptionalText(doc, "selfDebrief", form.get("selfDebrief"));
    putOptionalText(doc, "ifLate", form.get("ifLate"));

    readChangeSummary(form.get(FormNames.CHANGE_SUMMARY), doc, today);

    JsonArray activities = new JsonArray();
    for (int i = 0; form.contains(FormNames.activityField(i, "type")); i++) {
      activities.add(activity(form, i));
    }
    return doc.put("activities", activities);
  }

  private static JsonObject activity(MultiMap form, int i) {
    JsonObject a = new JsonObject();
    putLine(a, "id", form.get(FormNames.activityField(i, "id")));
    putLine(a, "type", form.get(FormNames.activityField(i, "type")));
    putLine(a, "title", form.get(FormNames.activityField(i, "title")));
    putNumber(a, "minutes", form.get(FormNames.activityField(i, "minutes")));
    JsonArray steps = steps(form, i);
    if (!steps.isEmpty()) {
      a.put("steps", steps);
    }
    // In the format's field order, so an unchanged form stores the same document, key order included.
    putOptionalText(a, "ifLate", form.get(FormNames.activityField(i, "ifLate")));
    putLine(a, "grouping", form.get(FormNames.activityField(i, "grouping")));
    putLine(a, "intensity", form.get(FormNames.activityField(i, "intensity")));
    putText(a, "prompt", orEmpty(form.get(FormNames.activityField(i, "prompt"))));
    putText(a, "facilitatorNotes", orEmpty(form.get(FormNames.activityField(i, "facilitatorNotes"))));
    putLines(a, "debrief", orEmpty(form.get(FormNames.activityField(i, "debrief"))));
    putOptionalText(a, "accessibility", form.get(FormNames.activityField(i, "accessibility")));
    String contentNote = form.get(FormNames.activityField(i, "contentNote"));
    putOptionalText(a, "contentNote", contentNote == null ? null : contentNote.trim());
    return a.put("settings", settings(form, i, a.getString("type", "")));
  }

  private static JsonArray steps(MultiMap form, int i) {
    JsonArray steps = new JsonArray();
    for (int j = 0; form.contains(FormNames.step(i, j, "label")); j++) {
      String label = trimmed(form.get(FormNames.step(i, j, "label")));
      String minutes = trimmed(form.get(FormNames.step(i, j, "minutes")));
      String grouping = trimmed(form.get(FormNames.step(i, j, "grouping")));
      String kind = trimmed(form.get(FormNames.step(i, j, "kind")));
      if (label.isEmpty() && minutes.isEmpty()) {
        continue;
      }
      JsonObject step = new JsonObject().put("label", label);
      putNumber(step, "minutes", minutes);
      if (!grouping.isEmpty()) {
        step.put("grouping", grouping);
      }
      if (!kind.isEmpty()) {
        step.put("kind", kind);
      }
      steps.add(step);
    }
    return steps;
  }

  /**
   * Only the inputs of the chosen type count. The page sends only those (the other types' inputs are
   * disabled until the author picks that type); should others arrive, they are ignored.
   */
  private static JsonObject settings(MultiMap form, int i, String type) {
    JsonObject settings = new JsonObject();
    for (SettingFields.Field field : SettingFields.of(type)) {
      String raw = form.get(FormNames.setting(i, type, field.key()));
      Object value = settingValue(field, raw);
      if (value != null) {
        String[] key = field.key().split("\\.");
        JsonObject holder = settings;
        for (int k = 0; k < key.length - 1; k++) {
          holder = object(holder, key[k]);
        }
        holder.put(key[key.length - 1], value);
      }
    }
    return settings;
  }

  private static Object settingValue(SettingFields.Field field, String raw) {
    if (field.kind() == SettingFields.Kind.BOOLEAN) {
      return raw != null;
    }
    String text = trimmed(raw);
    if (field.kind() == SettingFields.Kind.LINES) {
      JsonArray lines = lines(raw);
      return lines.isEmpty() ? null : lines;
    }
    if (text.isEmpty()) {
      return null;
    }
    return field.kind() == SettingFields.Kind.NUMBER ? number(text) : text;
  }

  private static void readAuthors(MultiMap form, JsonObject doc) {
    if (!form.contains(FormNames.author(0, "name"))) {
      return;
    }
    JsonArray authors = new JsonArray();
    for (int j = 0; form.contains(FormNames.author(j, "name")); j++) {
      String name = trimmed(form.get(FormNames.author(j, "name")));
      String role = trimmed(form.get(FormNames.author(j, "role")));
      if (name.isEmpty() && role.isEmpty()) {
        continue;
      }
      JsonObject author = new JsonObject().put("name", name);
      if (!role.isEmpty()) {
        author.put("role", role);
      }
      authors.add(author);
    }
    doc.put("authors", authors);
  }

  /** The summary of the change-log entry for the document's own version; the entry is added if missing. */
  private static void readChangeSummary(String raw, JsonObject doc, LocalDate today) {
    if (raw == null) {
      return;
    }
    String summary = normalise(raw).trim();
    Object version = doc.getValue("version");
    JsonArray log = doc.getValue("changeLog") instanceof JsonArray a ? a : new JsonArray();
    doc.put("changeLog", log);
    for (int k = 0; k < log.size(); k++) {
      if (log.getValue(k) instanceof JsonObject entry && sameNumber(entry.getValue("version"), version)) {
        entry.put("summary", summary);
        return;
      }
    }
    log.add(new JsonObject().put("version", version).put("date", today.toString()).put("summary", summary));
  }

  /** The change-log entry of the document's version, or {@code null}. */
  static JsonObject currentChange(JsonObject doc) {
    if (doc.getValue("changeLog") instanceof JsonArray log) {
      for (Object e : log) {
        if (e instanceof JsonObject entry && sameNumber(entry.getValue("version"), doc.getValue("version"))) {
          return entry;
        }
      }
    }
    return null;
  }

  // --- activity list changes made with the form's buttons (no JavaScript needed) ---

  /** Moves activity {@code index} by {@code delta} places; false if it cannot move. */
  static boolean move(JsonObject doc, int index, int delta) {
    JsonArray activities = doc.getJsonArray("activities");
    int to = index + delta;
    if (index < 0 || index >= activities.size() || to < 0 || to >= activities.size()) {
      return false;
    }
    Object moved = activities.remove(index);
    activities.getList().add(to, moved);
    return true;
  }

  /** Removes activity {@code index}; its title, or {@code null} if there is no such activity. */
  static String remove(JsonObject doc, int index) {
    JsonArray activities = doc.getJsonArray("activities");
    if (index < 0 || index >= activities.size()) {
      return null;
    }
    Object removed = activities.remove(index);
    return removed instanceof JsonObject a ? a.getString("title", "") : "";
  }

  /** Adds an activity of a type at the end, with an unused id and empty texts for the author to fill. */
  static void add(JsonObject doc, String type) {
    JsonArray activities = doc.getJsonArray("activities");
    List<String> ids = new ArrayList<>();
    activities.forEach(a -> ids.add(a instanceof JsonObject o ? o.getString("id", "") : ""));
    int n = activities.size() + 1;
    while (ids.contains("activity-" + n)) {
      n++;
    }
    activities.add(new JsonObject()
        .put("id", "activity-" + n)
        .put("type", type)
        .put("title", "")
        .put("minutes", 5)
        .put("grouping", "whole-group")
        .put("intensity", "low")
        .put("prompt", "")
        .put("facilitatorNotes", "")
        .put("debrief", new JsonArray())
        .put("settings", new JsonObject()));
  }

  // --- value helpers ---

  private static void putLine(JsonObject target, String key, String raw) {
    if (raw != null) {
      target.put(key, raw.trim());
    }
  }

  private static void putText(JsonObject target, String key, String raw) {
    if (raw != null) {
      target.put(key, normalise(raw));
    }
  }

  private static void putOptionalText(JsonObject target, String key, String raw) {
    if (raw == null) {
      return;
    }
    if (raw.isBlank()) {
      target.remove(key);
    } else {
      target.put(key, normalise(raw));
    }
  }

  /** Empty leaves the number out: the validator then names a required one, and an optional one takes its default. */
  private static void putNumber(JsonObject target, String key, String raw) {
    if (raw == null) {
      return;
    }
    String text = raw.trim();
    if (text.isEmpty()) {
      target.remove(key);
    } else {
      target.put(key, number(text));
    }
  }

  private static void putLines(JsonObject target, String key, String raw) {
    if (raw != null) {
      target.put(key, lines(raw));
    }
  }

  private static JsonArray lines(String raw) {
    JsonArray items = new JsonArray();
    if (raw != null) {
      for (String line : normalise(raw).split("\n")) {
        if (!line.isBlank()) {
          items.add(line.trim());
        }
      }
    }
    return items;
  }

  /** A whole number as a number; anything else as the text typed, for the validator to refuse by name. */
  private static Object number(String text) {
    try {
      long n = Long.parseLong(text);
      return n == (int) n ? (Object) (int) n : (Object) n;
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** Browsers send a textarea's line breaks as CR LF; documents store LF. */
  static String normalise(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String trimmed(String raw) {
    return raw == null ? "" : raw.trim();
  }

  private static String orEmpty(String raw) {
    return raw == null ? "" : raw;
  }

  private static JsonObject object(JsonObject parent, String key) {
    if (parent.getValue(key) instanceof JsonObject existing) {
      return existing;
    }
    JsonObject created = new JsonObject();
    parent.put(key, created);
    return created;
  }

  private static boolean sameNumber(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.longValue() == y.longValue() && x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }
}
