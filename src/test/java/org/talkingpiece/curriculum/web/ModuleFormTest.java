package org.talkingpiece.curriculum.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.curriculum.ValidationResult;

/** The edit form without a server: what it shows, what it reads back, and where errors land. */
class ModuleFormTest {
  static final ModuleValidator VALIDATOR = ModuleValidator.create();
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  static Module shipped(String slug) throws IOException {
    String yaml = Files.readString(Path.of("content/modules", slug + ".yaml"));
    return VALIDATOR.validateYaml(slug + ".yaml", yaml).orElseThrow();
  }

  /**
   * What a browser sends for the form as rendered: every input's value (text areas with CR LF line
   * breaks, as browsers send them), ticked checkboxes only, nothing from a disabled input.
   */
  static MultiMap submitted(EditorModel editor, Object version) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    form.add("version", String.valueOf(version));
    for (FormField f : editor.fields()) {
      if (f.disabled()) {
        continue;
      }
      switch (f.input()) {
        case GROUP:
          break;
        case CHECKBOX:
          if (f.checked()) {
            form.add(f.name(), "true");
          }
          break;
        case TEXTAREA:
          form.add(f.name(), f.value().replace("\n", "\r\n"));
          break;
        default:
          form.add(f.name(), f.value());
      }
    }
    return form;
  }

  static JsonObject roundTrip(JsonObject doc) {
    EditorModel editor = EditorModel.build(doc, List.of());
    return ModuleForm.read(submitted(editor, doc.getValue("version")), doc, TODAY);
  }

  static JsonObject activity(JsonObject doc, int i) {
    return doc.getJsonArray("activities").getJsonObject(i);
  }

  static Map<String, String> errorsByField(JsonObject doc) {
    ValidationResult result = VALIDATOR.validateJson(ModuleValidator.FORM, doc);
    return EditorModel.build(doc, result.errors()).errors().stream()
        .collect(Collectors.toMap(e -> String.valueOf(e.field()), EditorModel.PlacedError::message, (a, b) -> a + " | " + b));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"understanding-privilege", "systemic-racism-in-organisations", "allyship-in-action"})
  @DisplayName("Saving a shipped module's form unchanged stores exactly the same content")
  void unchangedFormKeepsContent(String slug) throws IOException {
    Module original = shipped(slug);
    JsonObject back = roundTrip(original.document());
    Module saved = VALIDATOR.validateJson(ModuleValidator.FORM, back).orElseThrow();
    assertThat(saved.document().encodePrettily()).isEqualTo(original.document().encodePrettily());
    assertThat(saved.contentHash()).isEqualTo(original.contentHash());
  }

  @Test
  @DisplayName("A cleared activity title is reported at that title field, named 'Activity 2: Title' in the summary")
  void clearedTitle() throws IOException {
    JsonObject doc = roundTrip(shipped("understanding-privilege").document());
    activity(doc, 1).put("title", "");
    ValidationResult result = VALIDATOR.validateJson(ModuleValidator.FORM, doc);
    List<EditorModel.PlacedError> placed = EditorModel.build(doc, result.errors()).errors();
    assertThat(placed).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("f-activities-1-title");
      assertThat(e.summaryText()).startsWith("Activity 2: Title: Must be at least 3 characters");
    });
  }

  @Test
  @DisplayName("Minutes that do not add up are reported at the duration, and steps that do not add up at the steps")
  void minutesAtTheirFields() throws IOException {
    JsonObject doc = roundTrip(shipped("understanding-privilege").document());
    activity(doc, 1).put("minutes", 12);
    activity(doc, 3).getJsonArray("steps").getJsonObject(0).put("minutes", 4);
    Map<String, String> errors = errorsByField(doc);
    assertThat(errors).containsOnlyKeys("f-durationMinutes", "f-activities-3-steps");
    assertThat(errors.get("f-durationMinutes")).contains("add up to 92 minutes");
    assertThat(errors.get("f-activities-3-steps")).contains("The steps add up to 9 minutes");
  }

  @Test
  @DisplayName("Settings errors land on the input of the activity's own type, e.g. a poll's options")
  void settingsErrors() throws IOException {
    JsonObject doc = roundTrip(shipped("understanding-privilege").document());
    JsonObject poll = activity(doc, 3).getJsonObject("settings");
    poll.put("options", new JsonArray().add("Yes").add("Prefer not to say"));
    activity(doc, 1).getJsonObject("settings").put("warnSeconds", 30);
    activity(doc, 0).getJsonObject("settings").put("allowPass", false);
    Map<String, String> errors = errorsByField(doc);
    assertThat(errors).containsOnlyKeys("f-activities-3-settings-poll-options", "f-activities-1-settings-round-warnSeconds",
        "f-activities-0-settings-talk");
    assertThat(errors.get("f-activities-3-settings-poll-options")).contains("the server adds \"Prefer not to say\"");
    assertThat(errors.get("f-activities-0-settings-talk")).contains("Passing cannot be turned off");
  }

  @Test
  @DisplayName("Changing an activity's type reads that type's settings, and a poll without a kind is named at the kind")
  void typeChange() throws IOException {
    Module module = shipped("understanding-privilege");
    EditorModel editor = EditorModel.build(module.document(), List.of());
    MultiMap form = submitted(editor, 1);
    form.set("activities[0].type", "poll");
    JsonObject doc = ModuleForm.read(form, module.document(), TODAY);
    assertThat(activity(doc, 0).getJsonObject("settings").encode()).isEqualTo("{}");
    assertThat(errorsByField(doc)).containsOnlyKeys("f-activities-0-settings-poll-kind");

    form.set("activities[0].settings.poll.kind", "single");
    form.set("activities[0].settings.poll.options", "Yes\r\n\r\n No \r\n");
    doc = ModuleForm.read(form, module.document(), TODAY);
    assertThat(activity(doc, 0).getJsonObject("settings"))
        .isEqualTo(new JsonObject().put("kind", "single").put("options", new JsonArray().add("Yes").add("No")));
    assertThat(errorsByField(doc)).isEmpty();
  }

  @Test
  @DisplayName("A number typed in words is kept and refused by name; an empty required one is named as missing")
  void numbers() throws IOException {
    Module module = shipped("understanding-privilege");
    MultiMap form = submitted(EditorModel.build(module.document(), List.of()), 1);
    form.set("activities[2].minutes", "eight");
    form.set("audience.groupSize.min", "");
    Map<String, String> errors = errorsByField(ModuleForm.read(form, module.document(), TODAY));
    assertThat(errors.get("f-activities-2-minutes")).isEqualTo("Must be a whole number, but it is \"eight\"");
    assertThat(errors.get("f-audience-groupSize-min")).contains("required field \"min\" is missing");
  }

  @Test
  @DisplayName("Empty author and step rows are dropped, a new row is kept, and an unticked checkbox reads as false")
  void rowsAndCheckboxes() throws IOException {
    Module module = shipped("understanding-privilege");
    MultiMap form = submitted(EditorModel.build(module.document(), List.of()), 1);
    assertThat(form.get("authors[1].name")).isEmpty();
    form.set("authors[1].name", "  Sam Okafor ");
    form.set("authors[1].role", "reviewer");
    form.remove("activities[1].settings.round.secondPass");
    form.set("activities[2].steps[0].label", "Explain");
    form.set("activities[2].steps[0].minutes", "8");
    JsonObject doc = ModuleForm.read(form, module.document(), TODAY);
    assertThat(doc.getJsonArray("authors")).hasSize(2);
    assertThat(doc.getJsonArray("authors").getJsonObject(1))
        .isEqualTo(new JsonObject().put("name", "Sam Okafor").put("role", "reviewer"));
    assertThat(activity(doc, 1).getJsonObject("settings").getBoolean("secondPass")).isFalse();
    assertThat(activity(doc, 2).getJsonArray("steps")).hasSize(1);
    assertThat(errorsByField(doc)).isEmpty();
  }

  @Test
  @DisplayName("The change summary edits this version's change-log entry, and is where change-log errors show")
  void changeSummary() throws IOException {
    Module shipped = shipped("understanding-privilege");
    int next = shipped.version() + 1;
    JsonObject doc = shipped.document().put("version", next);
    int entries = doc.getJsonArray("changeLog").size();
    doc.getJsonArray("changeLog").add(new JsonObject().put("version", next).put("date", "2026-11-23").put("summary", "Work in progress."));
    MultiMap form = submitted(EditorModel.build(doc, List.of()), next);
    assertThat(form.get(FormNames.CHANGE_SUMMARY)).isEqualTo("Work in progress.");
    form.set(FormNames.CHANGE_SUMMARY, "Shorter check-in.");
    JsonObject read = ModuleForm.read(form, doc, TODAY);
    assertThat(read.getJsonArray("changeLog").getJsonObject(entries).getString("summary")).isEqualTo("Shorter check-in.");
    assertThat(read.getJsonArray("changeLog").getJsonObject(0).getString("summary")).isEqualTo("First published version.");

    form.set(FormNames.CHANGE_SUMMARY, " ");
    assertThat(errorsByField(ModuleForm.read(form, doc, TODAY))).containsOnlyKeys("f-change-summary");
  }

  @Test
  @DisplayName("Activities move up and down, are removed and added, and the ids of new ones do not clash")
  void activityButtons() throws IOException {
    JsonObject doc = shipped("understanding-privilege").document();
    List<String> before = ids(doc);
    assertThat(ModuleForm.move(doc, 1, -1)).isTrue();
    assertThat(ids(doc).subList(0, 2)).containsExactly(before.get(1), before.get(0));
    assertThat(ModuleForm.move(doc, 0, -1)).isFalse();
    assertThat(ModuleForm.move(doc, before.size() - 1, 1)).isFalse();
    assertThat(ModuleForm.remove(doc, 2)).isEqualTo("What privilege is, and what it is not");
    assertThat(ModuleForm.remove(doc, 99)).isNull();
    ModuleForm.add(doc, "wordcloud");
    ModuleForm.add(doc, "talk");
    List<String> after = ids(doc);
    assertThat(after).hasSize(before.size() + 1).doesNotHaveDuplicates();
    assertThat(activity(doc, after.size() - 1).getString("type")).isEqualTo("talk");
    Map<String, String> errors = errorsByField(doc);
    assertThat(errors).containsKeys("f-activities-9-title", "f-activities-10-title", "f-durationMinutes");
  }

  private static List<String> ids(JsonObject doc) {
    return doc.getJsonArray("activities").stream().map(a -> ((JsonObject) a).getString("id")).toList();
  }

  @Test
  @DisplayName("Form names become element ids, and an error path finds its nearest field")
  void names() {
    assertThat(FormNames.id("activities[3].settings.round.warnSeconds")).isEqualTo("f-activities-3-settings-round-warnSeconds");
    assertThat(FormNames.id("audience.groupSize.min")).isEqualTo("f-audience-groupSize-min");
    assertThat(FormNames.id("activities[10]")).isEqualTo("f-activities-10");
    assertThat(FormNames.forPath("activities[3].settings.options[1]", i -> "poll"))
        .isEqualTo("activities[3].settings.poll.options[1]");
    assertThat(FormNames.forPath("changeLog[1].date", i -> "talk")).isEqualTo(FormNames.CHANGE_SUMMARY);
    assertThat(FormNames.parent("activities[3].settings.poll.options[1]")).isEqualTo("activities[3].settings.poll.options");
    assertThat(FormNames.parent("activities[3]")).isEqualTo("activities");
    assertThat(FormNames.parent("title")).isEmpty();
  }
}
