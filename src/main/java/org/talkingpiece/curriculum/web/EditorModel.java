package org.talkingpiece.curriculum.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.talkingpiece.curriculum.ValidationError;
import org.talkingpiece.curriculum.web.FormField.Input;
import org.talkingpiece.curriculum.web.Labels.Choice;

/**
 * The edit form for one module document, as fields with values and errors. Built from any document,
 * valid or not (a form sent back with mistakes is shown as the author left it), and with the
 * validator's errors placed at the field they concern: an error whose path has no field of its own
 * goes to the nearest group around it (an activity, its steps, its settings), and one that concerns
 * no field at all only to the summary. Built for one request on one thread.
 */
final class EditorModel {
  /** An error as the page and the live validation show it. {@code field} is {@code null} when no field holds it. */
  record PlacedError(String path, String field, String label, String message) {
    /** The summary line: "Activity 3: Title: must not be empty". */
    String summaryText() {
      return label == null || label.isEmpty() ? message : label + ": " + message;
    }
  }

  private final JsonObject doc;
  private final Map<String, FormField> byId = new LinkedHashMap<>();
  private final List<PlacedError> placed = new ArrayList<>();
  private final Map<String, Object> model = new HashMap<>();

  private EditorModel(JsonObject doc) {
    this.doc = doc;
  }

  static EditorModel build(JsonObject doc, List<ValidationError> errors) {
    EditorModel editor = new EditorModel(doc);
    editor.buildFields();
    editor.place(errors);
    return editor;
  }

  /** The template model: {@code fields} by name, {@code authors}, {@code activities} and the totals. */
  Map<String, Object> model() {
    return finish();
  }

  List<PlacedError> errors() {
    return placed;
  }

  /** Every field and group, in page order. */
  List<FormField> fields() {
    return List.copyOf(byId.values());
  }

  /** The sum of the activities' minutes as the document states them (non-numbers count as 0). */
  int totalMinutes() {
    int total = 0;
    for (JsonObject a : activities()) {
      total += a.getValue("minutes") instanceof Number n ? n.intValue() : 0;
    }
    return total;
  }

  // --- building ---

  private final Map<String, FormField> moduleFields = new LinkedHashMap<>();
  private final List<Map<String, Object>> authorRows = new ArrayList<>();
  private final List<ActivityFields> activityFields = new ArrayList<>();

  /** The fields of one activity, kept until the errors are placed. */
  private record ActivityFields(int index, JsonObject activity, FormField group, Map<String, FormField> fields,
      FormField steps, List<Map<String, FormField>> stepRows, List<SettingsGroup> settings) {}

  private record SettingsGroup(String type, boolean current, FormField group, List<FormField> fields) {}

  private void buildFields() {
    JsonObject audience = obj(doc, "audience");
    JsonObject groupSize = obj(audience, "groupSize");
    JsonObject preparation = obj(doc, "preparation");
    moduleField(Input.TEXT, "title", "Title", doc.getValue("title")).hint("3 to 120 characters.");
    moduleField(Input.TEXTAREA, "summary", "Summary (Markdown)", doc.getValue("summary")).rows(4)
        .hint("Up to 1000 characters. People read it before they join.");
    moduleField(Input.TEXT, "language", "Language", doc.getValue("language")).width("short")
        .hint("A language tag such as en or en-GB.");
    moduleField(Input.TEXT, "licence", "Licence", doc.getValue("licence")).width("medium")
        .hint("An SPDX identifier such as CC-BY-SA-4.0.");
    moduleField(Input.NUMBER, "durationMinutes", "Duration in minutes", doc.getValue("durationMinutes"))
        .width("short").hint("15 to 480, and equal to the activities' minutes added up.");
    moduleField(Input.NUMBER, "anonymityThreshold", "Anonymity threshold (optional)",
        doc.getValue("anonymityThreshold")).width("short")
        .hint("Leave empty for the usual 5. A module may raise it, never lower it.");
    group(FormNames.AUTHORS, "Authors");
    JsonArray authors = arr(doc, "authors");
    for (int j = 0; j <= authors.size(); j++) {
      JsonObject author = j < authors.size() && authors.getValue(j) instanceof JsonObject o ? o : new JsonObject();
      String who = "Author " + (j + 1);
      Map<String, Object> row = new HashMap<>();
      row.put("number", j + 1);
      row.put("blank", j == authors.size());
      row.put("name", field(Input.TEXT, FormNames.author(j, "name"), "Name", who + ": name").value(author.getValue("name")));
      row.put("role", field(Input.TEXT, FormNames.author(j, "role"), "Role (optional)", who + ": role")
          .value(author.getValue("role")));
      authorRows.add(row);
    }
    moduleField(Input.SELECT, "audience.level", "Level", audience.getValue("level")).choices(Labels.LEVELS);
    moduleField(Input.NUMBER, "audience.groupSize.min", "Smallest group", groupSize.getValue("min"))
        .width("short").hint("At least 2.");
    moduleField(Input.NUMBER, "audience.groupSize.max", "Largest group", groupSize.getValue("max"))
        .width("short");
    moduleField(Input.TEXTAREA, "audience.prerequisites", "Prerequisites (Markdown, one per line)",
        lines(audience.getValue("prerequisites"))).rows(3);
    moduleField(Input.TEXTAREA, "outcomes", "Learning outcomes (Markdown, one per line)", lines(doc.getValue("outcomes")))
        .rows(5).hint("1 to 8 things participants will be able to do afterwards.");
    moduleField(Input.TEXTAREA, "contentNotes", "Content notes, one per line", lines(doc.getValue("contentNotes")))
        .rows(4).hint("Topics that may be hard for some people. They are shown before the session.");
    moduleField(Input.TEXTAREA, "preparation.materials", "Materials (Markdown, one per line)",
        lines(preparation.getValue("materials"))).rows(4);
    moduleField(Input.TEXTAREA, "preparation.reading", "Reading (Markdown, one per line)",
        lines(preparation.getValue("reading"))).rows(3);
    moduleField(Input.TEXTAREA, "preparation.coFacilitators", "Co-facilitators (Markdown)",
        preparation.getValue("coFacilitators")).rows(3);
    moduleField(Input.TEXTAREA, "preparation.notes", "Preparation notes (Markdown)",
        preparation.getValue("notes")).rows(8);
    moduleField(Input.TEXTAREA, "preBrief", "Facilitator pre-brief (Markdown, optional)",
        doc.getValue("preBrief")).rows(5)
        .hint("What the facilitator checks and settles in themselves just before the session.");
    moduleField(Input.TEXTAREA, "selfDebrief", "Facilitator self-debrief (Markdown, optional)",
        doc.getValue("selfDebrief")).rows(5)
        .hint("Questions the facilitator answers privately after the session.");
    moduleField(Input.TEXTAREA, "ifLate", "If running late (Markdown, optional)", doc.getValue("ifLate"))
        .rows(3).hint("What to shorten, and by how many minutes, when the whole session runs late.");
    JsonObject change = ModuleForm.currentChange(doc);
    moduleField(Input.TEXTAREA, FormNames.CHANGE_SUMMARY, "What changed in version " + doc.getValue("version"),
        change == null ? "" : change.getValue("summary")).rows(2)
        .hint("A sentence or two for the version history.");

    group(FormNames.ACTIVITIES, "Activities");
    List<JsonObject> activities = activities();
    for (int i = 0; i < activities.size(); i++) {
      activityFields.add(activity(i, activities.get(i)));
    }
  }

  private ActivityFields activity(int i, JsonObject a) {
    String who = "Activity " + (i + 1);
    FormField group = group(FormNames.activity(i), who);
    Map<String, FormField> f = new LinkedHashMap<>();
    f.put("id", activityField(i, Input.TEXT, "id", "Id", a).width("medium")
        .hint("Lowercase words joined by hyphens, unique in the module, like check-in."));
    f.put("type", activityField(i, Input.SELECT, "type", "Type", a).choices(Labels.TYPES));
    f.put("title", activityField(i, Input.TEXT, "title", "Title", a));
    f.put("minutes", activityField(i, Input.NUMBER, "minutes", "Minutes", a).width("short").hint("1 to 240."));
    f.put("grouping", activityField(i, Input.SELECT, "grouping", "Grouping", a).choices(Labels.GROUPINGS));
    f.put("intensity", activityField(i, Input.SELECT, "intensity", "Intensity", a).choices(Labels.INTENSITIES));
    f.put("prompt", activityField(i, Input.TEXTAREA, "prompt", "Prompt for participants (Markdown)", a).rows(5));
    f.put("facilitatorNotes", activityField(i, Input.TEXTAREA, "facilitatorNotes",
        "Facilitator notes (Markdown, never shown to participants)", a).rows(8));
    f.put("debrief", field(Input.TEXTAREA, FormNames.activityField(i, "debrief"), "Debrief questions, one per line",
        who + ": debrief questions").value(lines(a.getValue("debrief"))).rows(3)
        .hint("A high-intensity activity needs at least one, and a debrief step (below) to ask them in."));
    f.put("accessibility", activityField(i, Input.TEXTAREA, "accessibility",
        "Accessibility notes (Markdown, optional)", a).rows(3));
    f.put("ifLate", activityField(i, Input.TEXTAREA, "ifLate", "If running late (Markdown, optional)", a).rows(2)
        .hint("What to shorten in this activity, and by how many minutes. Facilitators only."));
    f.put("contentNote", activityField(i, Input.TEXTAREA, "contentNote", "Content note (optional)", a).rows(2)
        .hint("Shown before the activity starts, with a private \"step out for a moment\" control."));

    FormField steps = group(FormNames.activityField(i, "steps"), who + ": steps");
    List<Map<String, FormField>> stepRows = new ArrayList<>();
    JsonArray stepList = arr(a, "steps");
    for (int j = 0; j <= stepList.size(); j++) {
      JsonObject s = j < stepList.size() && stepList.getValue(j) instanceof JsonObject o ? o : new JsonObject();
      String step = who + ", step " + (j + 1);
      Map<String, FormField> row = new LinkedHashMap<>();
      row.put("label", field(Input.TEXT, FormNames.step(i, j, "label"), "Step " + (j + 1) + ": what happens",
          step + ": what happens").value(s.getValue("label")));
      row.put("minutes", field(Input.NUMBER, FormNames.step(i, j, "minutes"), "Step " + (j + 1) + ": minutes",
          step + ": minutes")
          .value(s.getValue("minutes")).width("short"));
      List<Choice> groupings = new ArrayList<>();
      groupings.add(new Choice("", "Same as the activity"));
      groupings.addAll(Labels.GROUPINGS);
      row.put("grouping", field(Input.SELECT, FormNames.step(i, j, "grouping"), "Step " + (j + 1) + ": grouping",
          step + ": grouping")
          .value(s.getValue("grouping")).choices(groupings));
      row.put("kind", field(Input.SELECT, FormNames.step(i, j, "kind"), "Step " + (j + 1) + ": kind",
          step + ": kind").value(s.getValue("kind")).choices(Labels.STEP_KINDS));
      stepRows.add(row);
    }

    String currentType = a.getValue("type") instanceof String t ? t : "";
    JsonObject settings = obj(a, "settings");
    List<SettingsGroup> groups = new ArrayList<>();
    for (Choice type : Labels.TYPES) {
      boolean current = type.value().equals(currentType);
      FormField settingsGroup = group(FormNames.settingsGroup(i, type.value()),
          who + ": " + Labels.type(type.value()).toLowerCase() + " settings");
      List<FormField> fields = new ArrayList<>();
      for (SettingFields.Field s : SettingFields.of(type.value())) {
        fields.add(setting(i, type.value(), s, current ? at(settings, s.key()) : s.defaultValue(), current, who)
            .disabled(!current));
      }
      groups.add(new SettingsGroup(type.value(), current, settingsGroup, fields));
    }
    return new ActivityFields(i, a, group, f, steps, stepRows, groups);
  }

  private FormField setting(int i, String type, SettingFields.Field s, Object value, boolean current, String who) {
    String name = FormNames.setting(i, type, s.key());
    String summary = who + ": " + s.label();
    switch (s.kind()) {
      case BOOLEAN:
        return field(Input.CHECKBOX, name, s.label(), summary).hint(s.hint())
            .checked(Boolean.TRUE.equals(value) || (!current && Boolean.TRUE.equals(s.defaultValue())));
      case CHOICE: {
        List<Choice> choices = new ArrayList<>();
        if (s.defaultValue() == null) {
          choices.add(new Choice("", "Choose one"));
        }
        choices.addAll(s.choices());
        return field(Input.SELECT, name, s.label(), summary).hint(s.hint()).value(value).choices(choices);
      }
      case LINES:
        return field(Input.TEXTAREA, name, s.label(), summary).hint(s.hint()).value(lines(value)).rows(4);
      case NUMBER:
        return field(Input.NUMBER, name, s.label(), summary).hint(s.hint()).value(value).width("short");
      default:
        return field(Input.TEXT, name, s.label(), summary).hint(s.hint()).value(value);
    }
  }

  private FormField moduleField(Input input, String name, String label, Object value) {
    FormField f = field(input, name, label, label).value(value);
    moduleFields.put(name, f);
    return f;
  }

  private FormField activityField(int i, Input input, String key, String label, JsonObject a) {
    return field(input, FormNames.activityField(i, key), label, "Activity " + (i + 1) + ": " + label)
        .value(a.getValue(key));
  }

  private FormField field(Input input, String name, String label, String summaryLabel) {
    FormField f = FormField.of(input, name, label, summaryLabel);
    byId.put(f.id(), f);
    return f;
  }

  private FormField group(String name, String label) {
    return field(Input.GROUP, name, label, label);
  }

  // --- errors ---

  private void place(List<ValidationError> errors) {
    List<JsonObject> activities = activities();
    for (ValidationError e : errors) {
      String name = FormNames.forPath(e.path(),
          i -> i < activities.size() && activities.get(i).getValue("type") instanceof String t ? t : null);
      FormField target = null;
      for (String n = name; !n.isEmpty() && target == null; n = FormNames.parent(n)) {
        target = byId.get(FormNames.id(n));
      }
      String message = sentence(e.message());
      if (target != null) {
        target.addError(message);
        placed.add(new PlacedError(e.path(), target.id(), target.summaryLabel(), message));
      } else {
        placed.add(new PlacedError(e.path(), null, e.path(), message));
      }
    }
  }

  private static String sentence(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  // --- the template model ---

  private Map<String, Object> finish() {
    Map<String, Object> fields = new HashMap<>();
    moduleFields.forEach((name, f) -> fields.put(name.replace('.', '_'), f.toMap()));
    model.put("fields", fields);
    model.put("authorsGroup", byId.get(FormNames.id(FormNames.AUTHORS)).toMap());
    model.put("authors", authorRows.stream().map(EditorModel::rowMaps).toList());
    model.put("activitiesGroup", byId.get(FormNames.id(FormNames.ACTIVITIES)).toMap());
    List<Map<String, Object>> activities = new ArrayList<>();
    for (ActivityFields a : activityFields) {
      activities.add(activityMap(a, activityFields.size()));
    }
    model.put("activities", activities);
    model.put("newActivityId", FormNames.id(FormNames.activity(activityFields.size())));
    model.put("totalMinutes", totalMinutes());
    model.put("errorList", placed.stream().map(p -> {
      Map<String, Object> m = new HashMap<>();
      m.put("href", p.field() == null ? null : "#" + p.field());
      m.put("text", p.summaryText());
      return m;
    }).toList());
    return model;
  }

  private static Map<String, Object> rowMaps(Map<String, Object> row) {
    Map<String, Object> out = new HashMap<>();
    row.forEach((k, v) -> out.put(k, v instanceof FormField f ? f.toMap() : v));
    return out;
  }

  private static Map<String, Object> activityMap(ActivityFields a, int count) {
    Map<String, Object> m = new HashMap<>();
    int i = a.index();
    m.put("index", i);
    m.put("number", i + 1);
    m.put("title", a.activity().getValue("title") instanceof String t && !t.isBlank() ? t : "(no title yet)");
    m.put("group", a.group().toMap());
    Map<String, Object> fields = new HashMap<>();
    a.fields().forEach((k, f) -> fields.put(k, f.toMap()));
    m.put("fields", fields);
    m.put("steps", a.steps().toMap());
    m.put("stepRows", a.stepRows().stream().map(row -> {
      Map<String, Object> r = new HashMap<>();
      row.forEach((k, f) -> r.put(k, f.toMap()));
      return r;
    }).toList());
    m.put("settings", a.settings().stream().map(g -> {
      Map<String, Object> s = g.group().toMap();
      s.put("type", g.type());
      s.put("typeLabel", Labels.type(g.type()));
      s.put("current", g.current());
      s.put("fields", g.fields().stream().map(FormField::toMap).toList());
      s.put("none", g.fields().isEmpty());
      return s;
    }).toList());
    m.put("first", i == 0);
    m.put("last", i == count - 1);
    m.put("previousId", FormNames.id(FormNames.activity(Math.max(0, i - 1))));
    m.put("nextId", FormNames.id(FormNames.activity(Math.min(count - 1, i + 1))));
    return m;
  }

  // --- defensive reads: the document may be invalid ---

  private List<JsonObject> activities() {
    List<JsonObject> out = new ArrayList<>();
    for (Object a : arr(doc, "activities")) {
      out.add(a instanceof JsonObject o ? o : new JsonObject());
    }
    return out;
  }

  private static JsonObject obj(JsonObject parent, String key) {
    return parent.getValue(key) instanceof JsonObject o ? o : new JsonObject();
  }

  private static JsonArray arr(JsonObject parent, String key) {
    return parent.getValue(key) instanceof JsonArray a ? a : new JsonArray();
  }

  /** A dotted key inside an object ({@code scale.min}); {@code null} if any part is missing. */
  private static Object at(JsonObject o, String dotted) {
    Object current = o;
    for (String part : dotted.split("\\.")) {
      if (!(current instanceof JsonObject j)) {
        return null;
      }
      current = j.getValue(part);
    }
    return current;
  }

  /**
   * A list as one item per line, for a text area; anything else as it is. An item written over
   * several lines becomes one line: in Markdown a single line break reads as a space anyway.
   */
  private static Object lines(Object value) {
    if (value instanceof JsonArray a) {
      return a.stream().map(v -> String.valueOf(v).replace('\n', ' ')).collect(Collectors.joining("\n"));
    }
    return value;
  }
}
