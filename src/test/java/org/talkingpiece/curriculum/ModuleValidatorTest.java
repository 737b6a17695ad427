package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.curriculum.Fixtures.activity;
import static org.talkingpiece.curriculum.Fixtures.exampleDoc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The structural rules (schema) and the module-wide rules; one test per rule. */
class ModuleValidatorTest {
  private final ModuleValidator validator = ModuleValidator.create();

  private List<ValidationError> errors(JsonObject doc) {
    return validator.validateJson(ModuleValidator.FORM, doc).errors();
  }

  /** Asserts that the only error is at {@code path} and its message contains {@code words}. */
  static void onlyError(List<ValidationError> errors, String path, String words) {
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).path()).isEqualTo(path);
    assertThat(errors.get(0).message()).contains(words);
  }

  @Test
  @DisplayName("The example in docs/module-format.md is a valid module")
  void docExampleIsValid() throws IOException {
    String doc = Files.readString(Path.of("docs/module-format.md"));
    String yaml = doc.substring(doc.indexOf("```yaml\n") + 8, doc.indexOf("```", doc.indexOf("```yaml\n") + 8));

    ValidationResult result = validator.validateYaml("example-module.yaml", yaml);

    assertThat(result.errors()).isEmpty();
    Module module = result.module();
    assertThat(module.slug()).isEqualTo("example-module");
    assertThat(module.durationMinutes()).isEqualTo(20);
    assertThat(module.anonymityThreshold()).isEqualTo(5);
    assertThat(module.activities()).extracting(Activity::id).containsExactly("check-in", "closing-poll");
  }

  @Test
  @DisplayName("Omitted settings take their defaults in the stored document")
  void defaultsApplied() {
    Module module = Fixtures.exampleModule();

    JsonObject checkIn = module.activities().get(0).settings();
    assertThat(checkIn.getInteger("secondsPerTurn")).isEqualTo(45);
    assertThat(checkIn.getInteger("warnSeconds")).isEqualTo(15);
    assertThat(checkIn.getBoolean("secondPass")).isTrue();
    assertThat(checkIn.getString("overtime")).isEqualTo("soft");
    assertThat(module.document().getJsonArray("activities").getJsonObject(0).getJsonObject("settings"))
        .isEqualTo(checkIn);
    Settings.Round round = module.activities().get(0).settingsAs(Settings.Round.class);
    assertThat(round.order()).isEqualTo(Settings.RoundOrder.JOIN);
  }

  @Test
  @DisplayName("A YAML syntax error names its line and column")
  void yamlSyntaxError() {
    String yaml = "slug: a\ntitle: [unclosed\nversion: 1\n";

    List<ValidationError> errors = validator.validateYaml("a.yaml", yaml).errors();

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).source()).isEqualTo("a.yaml");
    assertThat(errors.get(0).message()).startsWith("YAML syntax error at line ").contains("column");
  }

  @Test
  @DisplayName("A colon in unquoted text is reported with its line and a hint to quote it")
  void colonInText() {
    String yaml = Fixtures.exampleYaml().replace("title: An example module", "title: Part one: the basics");

    List<ValidationError> errors = validator.validateYaml("example-module.yaml", yaml).errors();

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).message()).contains("line 5, column").contains("must be put in quotes");
  }

  @Test
  @DisplayName("A field written twice is refused with its line")
  void duplicateKey() {
    String yaml = Fixtures.exampleYaml().replace("version: 1\nstatus", "version: 1\nversion: 2\nstatus");

    List<ValidationError> errors = validator.validateYaml("example-module.yaml", yaml).errors();

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).message()).contains("line 4").contains("version");
  }

  @Test
  @DisplayName("A file with a second YAML document is refused, not half read")
  void secondDocument() {
    List<ValidationError> errors = validator.validateYaml("example-module.yaml",
        Fixtures.exampleYaml() + "---\nslug: another\n").errors();

    onlyError(errors, "", "the file holds more than one YAML document");
  }

  @Test
  @DisplayName("Whatever value is put wherever, the validator answers with errors, never an exception")
  void neverThrows() {
    JsonObject example = exampleDoc();
    List<List<Object>> paths = new java.util.ArrayList<>();
    collectPaths(example, new java.util.ArrayList<>(), paths);
    List<Object> values = java.util.Arrays.asList(null, 7, -1, 2.5, "text", "", true, new JsonArray(),
        new JsonObject(), new JsonArray().add(1).add("x"));

    int checked = 0;
    for (List<Object> path : paths) {
      for (Object value : values) {
        JsonObject doc = example.copy();
        set(doc, path, value);
        ValidationResult result = validator.validateJson(ModuleValidator.FORM, doc);
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        checked++;
      }
    }
    assertThat(paths).hasSizeGreaterThan(50);
    assertThat(checked).isEqualTo(paths.size() * values.size());
  }

  private static void collectPaths(Object node, List<Object> prefix, List<List<Object>> out) {
    if (node instanceof JsonObject o) {
      for (String key : o.fieldNames()) {
        List<Object> path = new java.util.ArrayList<>(prefix);
        path.add(key);
        out.add(path);
        collectPaths(o.getValue(key), path, out);
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        List<Object> path = new java.util.ArrayList<>(prefix);
        path.add(i);
        out.add(path);
        collectPaths(a.getValue(i), path, out);
      }
    }
  }

  private static void set(JsonObject doc, List<Object> path, Object value) {
    Object parent = doc;
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      parent = step instanceof Integer n ? ((JsonArray) parent).getValue(n) : ((JsonObject) parent).getValue((String) step);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer n) {
      ((JsonArray) parent).set(n, value);
    } else {
      ((JsonObject) parent).put((String) last, value);
    }
  }

  @Test
  @DisplayName("The schema version, language tag and licence are checked")
  void headerFields() {
    onlyError(errors(exampleDoc().put("schemaVersion", 2)), "schemaVersion", "must be 1 (found 2)");
    onlyError(errors(exampleDoc().put("language", "English")), "language", "must be a BCP 47 language tag");
    onlyError(errors(exampleDoc().put("licence", "CC BY SA")), "licence", "must be an SPDX licence identifier");
  }

  @Test
  @DisplayName("An empty file is refused")
  void emptyFile() {
    onlyError(validator.validateYaml("x.yaml", "  \n").errors(), "", "the document is empty");
  }

  @Test
  @DisplayName("A document that is not a set of fields is refused")
  void notAnObject() {
    onlyError(validator.validateYaml("x.yaml", "- just\n- a list\n").errors(), "",
        "must be a set of named fields, but it is a list");
  }

  @Test
  @DisplayName("A missing required field is named at its path")
  void requiredField() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).remove("prompt");

    onlyError(errors(doc), "activities[0].prompt", "the required field \"prompt\" is missing");
  }

  @Test
  @DisplayName("An unknown field is refused and the allowed fields are listed")
  void unknownField() {
    JsonObject doc = exampleDoc();
    doc.getJsonObject("audience").put("levle", "advanced");

    onlyError(errors(doc), "audience.levle", "unknown field \"levle\"; the fields allowed here are: level, groupSize, prerequisites");
  }

  @Test
  @DisplayName("A value outside its list of choices names the choices")
  void enumValue() {
    onlyError(errors(exampleDoc().put("status", "publishd")), "status",
        "\"publishd\" is not allowed here; use one of: draft, published, retired");
  }

  @Test
  @DisplayName("A value of the wrong type says what was expected")
  void wrongType() {
    JsonObject doc = exampleDoc();
    activity(doc, 1).put("minutes", "ten");

    // The minute sums cannot be checked without numbers, so the type error is the only one.
    onlyError(errors(doc), "activities[1].minutes", "must be a whole number, but it is \"ten\"");
  }

  @Test
  @DisplayName("A slug that is not kebab-case is explained in words, not as a pattern")
  void slugPattern() {
    onlyError(errors(exampleDoc().put("slug", "Example_Module")), "slug",
        "must be kebab-case: lowercase letters and digits joined by single hyphens");
  }

  @Test
  @DisplayName("A title that is too short gives the minimum length")
  void titleLength() {
    onlyError(errors(exampleDoc().put("title", "Hi")), "title", "must be at least 3 characters long (it has 2)");
  }

  @Test
  @DisplayName("More than 8 outcomes are refused")
  void tooManyOutcomes() {
    JsonArray outcomes = new JsonArray();
    for (int i = 1; i <= 9; i++) {
      outcomes.add("Outcome " + i);
    }
    onlyError(errors(exampleDoc().put("outcomes", outcomes)), "outcomes", "must list at most 8 entries (it has 9)");
  }

  @Test
  @DisplayName("A change-log date that is not a real date is refused")
  void badDate() {
    JsonObject doc = exampleDoc();
    doc.getJsonArray("changeLog").getJsonObject(0).put("date", "2026-13-45");

    onlyError(errors(doc), "changeLog[0].date", "must be a real date written YYYY-MM-DD");
  }

  @Test
  @DisplayName("A number with two allowed ranges explains both in one message")
  void secondsPerTurnRange() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).getJsonObject("settings").put("secondsPerTurn", 5);

    onlyError(errors(doc), "activities[0].settings.secondsPerTurn", "must be 0 (no limit) or 15 to 600 seconds (found 5)");
  }

  @Test
  @DisplayName("The activities' minutes must add up to durationMinutes")
  void durationAddsUp() {
    onlyError(errors(exampleDoc().put("durationMinutes", 25)), "durationMinutes",
        "durationMinutes is 25 but the activities add up to 20 minutes");
  }

  @Test
  @DisplayName("Activity ids must be unique")
  void uniqueIds() {
    JsonObject doc = exampleDoc();
    activity(doc, 1).put("id", "check-in");

    onlyError(errors(doc), "activities[1].id", "the id \"check-in\" is already used by activities[0]");
  }

  @Test
  @DisplayName("The largest group size must be at least the smallest")
  void groupSizeOrdered() {
    JsonObject doc = exampleDoc();
    doc.getJsonObject("audience").put("groupSize", new JsonObject().put("min", 8).put("max", 4));

    onlyError(errors(doc), "audience.groupSize.max", "the largest group size (4) must be at least the smallest (8)");
  }

  @Test
  @DisplayName("The change log needs an entry for the module's version")
  void changeLogCoversVersion() {
    onlyError(errors(exampleDoc().put("version", 2)), "changeLog", "there is no changeLog entry for version 2");
  }

  @Test
  @DisplayName("The change log has one entry per version")
  void changeLogOnePerVersion() {
    JsonObject doc = exampleDoc();
    doc.getJsonArray("changeLog").add(doc.getJsonArray("changeLog").getJsonObject(0).copy());

    onlyError(errors(doc), "changeLog[1].version", "version 1 already has a changeLog entry (changeLog[0])");
  }

  @Test
  @DisplayName("A module file must be named after its slug")
  void fileNameMatchesSlug() {
    List<ValidationError> errors = validator.validateYaml("content/modules/other.yaml", Fixtures.exampleYaml()).errors();

    onlyError(errors, "slug", "the file is named \"other.yaml\" but the slug is \"example-module\"");
    assertThat(errors.get(0).source()).isEqualTo("content/modules/other.yaml");
    assertThat(validator.validateYaml(ModuleValidator.FORM, Fixtures.exampleYaml()).isValid()).isTrue();
  }

  @Test
  @DisplayName("Every error in a document is reported at once")
  void collectsAllErrors() {
    JsonObject doc = exampleDoc().put("status", "live").put("durationMinutes", 30).put("title", "X");
    activity(doc, 0).remove("facilitatorNotes");

    assertThat(errors(doc)).extracting(ValidationError::path)
        .containsExactlyInAnyOrder("status", "title", "activities[0].facilitatorNotes", "durationMinutes");
  }

  @Test
  @DisplayName("An invalid module cannot be used: orElseThrow lists every error")
  void orElseThrowListsErrors() {
    ValidationResult result = validator.validateJson(ModuleValidator.FORM, exampleDoc().put("title", "X").put("version", 0));

    assertThat(result.isValid()).isFalse();
    assertThat(result.module()).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(result::orElseThrow)
        .isInstanceOfSatisfying(org.talkingpiece.shared.AppException.class, e -> {
          assertThat(e.code()).isEqualTo(org.talkingpiece.shared.ErrorCode.INVALID_INPUT);
          assertThat(e.getMessage()).contains("form: title: ").contains("form: version: must be at least 1");
        });
  }
}
