package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.curriculum.Fixtures.activity;
import static org.talkingpiece.curriculum.Fixtures.exampleDoc;
import static org.talkingpiece.curriculum.ModuleValidatorTest.onlyError;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules about one activity: steps, debrief, settings per type, polls and rounds. */
class ActivityRulesTest {
  private final ModuleValidator validator = ModuleValidator.create();

  private List<ValidationError> errors(JsonObject doc) {
    return validator.validateJson(ModuleValidator.FORM, doc).errors();
  }

  /** The example with its poll's settings replaced. */
  private static JsonObject withPoll(JsonObject settings) {
    JsonObject doc = exampleDoc();
    activity(doc, 1).put("settings", settings);
    return doc;
  }

  private static JsonObject choice(String... options) {
    return new JsonObject().put("kind", "single").put("options", new JsonArray(List.of((Object[]) options)));
  }

  private static JsonObject scale(int min, int max) {
    return new JsonObject().put("kind", "scale").put("scale", new JsonObject()
        .put("min", min).put("max", max).put("minLabel", "Low").put("maxLabel", "High"));
  }

  @Test
  @DisplayName("An activity's steps must add up to its minutes")
  void stepsAddUp() {
    JsonObject doc = exampleDoc();
    activity(doc, 1).getJsonArray("steps").getJsonObject(0).put("minutes", 4);

    onlyError(errors(doc), "activities[1].steps", "the steps add up to 11 minutes but the activity has 10");
  }

  /** The example's round made high intensity, with the given steps (none when empty). */
  private static JsonObject highIntensity(JsonObject... steps) {
    JsonObject doc = exampleDoc();
    JsonObject round = activity(doc, 0).put("intensity", "high")
        .put("debrief", new JsonArray().add("What stays with you?"));
    if (steps.length > 0) {
      round.put("steps", new JsonArray(List.of((Object[]) steps)));
    }
    return doc;
  }

  private static JsonObject step(String label, int minutes) {
    return new JsonObject().put("label", label).put("minutes", minutes);
  }

  @Test
  @DisplayName("A high-intensity activity needs a debrief question, named by the activity's id")
  void highIntensityNeedsDebriefQuestion() {
    JsonObject doc = highIntensity(step("Round", 7), step("Debrief", 3).put("kind", "debrief"));
    activity(doc, 0).put("debrief", new JsonArray());

    onlyError(errors(doc), "activities[0].debrief",
        "the activity \"check-in\" is high intensity, so it needs at least one debrief question");
  }

  @Test
  @DisplayName("A high-intensity activity without steps needs a debrief step")
  void highIntensityWithoutSteps() {
    onlyError(errors(highIntensity()), "activities[0].steps",
        "the activity \"check-in\" is high intensity, so its steps need a debrief step with minutes,"
            + " for example {label: Debrief, minutes: 5, kind: debrief}");
  }

  @Test
  @DisplayName("A step labelled \"Debrief\" is not a debrief step without kind: debrief")
  void labelIsNotAMarker() {
    JsonObject doc = highIntensity(step("Round", 7), step("Debrief", 3));

    onlyError(errors(doc), "activities[0].steps",
        "the activity \"check-in\" is high intensity, so its steps need a debrief step with minutes,"
            + " for example {label: Debrief, minutes: 5, kind: debrief}");
  }

  @Test
  @DisplayName("A debrief step with no minutes is refused by the schema")
  void debriefStepNeedsMinutes() {
    JsonObject doc = highIntensity(step("Round", 10), step("Talk it through", 0).put("kind", "debrief"));

    List<ValidationError> errors = errors(doc);
    assertThat(errors).extracting(ValidationError::path).contains("activities[0].steps[1].minutes");
    assertThat(errors).extracting(ValidationError::message).contains("must be at least 1 (found 0)");
  }

  @Test
  @DisplayName("A high-intensity activity with a marked debrief step is valid, and the step is read as one")
  void highIntensityWithDebriefStep() {
    JsonObject doc = highIntensity(step("Round", 7), step("Talk it through", 3).put("kind", "debrief"));

    ValidationResult result = validator.validateJson(ModuleValidator.FORM, doc);

    assertThat(result.errors()).isEmpty();
    Activity round = result.module().activities().get(0);
    assertThat(round.steps()).extracting(Activity.Step::debrief).containsExactly(false, true);
    assertThat(round.debriefMinutes()).isEqualTo(3);
    assertThat(round.participantView().getJsonArray("steps").getJsonObject(1).getString("kind"))
        .isEqualTo("debrief");
  }

  @Test
  @DisplayName("A step kind other than debrief is refused")
  void unknownStepKind() {
    JsonObject doc = exampleDoc();
    activity(doc, 1).getJsonArray("steps").getJsonObject(1).put("kind", "discussion");

    onlyError(errors(doc), "activities[1].steps[1].kind", "\"discussion\" is not allowed here; use one of: debrief");
  }

  @Test
  @DisplayName("An activity's ifLate hint is kept for facilitators and never sent to participants")
  void activityIfLate() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).put("ifLate", "Ask for one word each: saves 4 minutes.");

    ValidationResult result = validator.validateJson(ModuleValidator.FORM, doc);

    assertThat(result.errors()).isEmpty();
    Activity round = result.module().activities().get(0);
    assertThat(round.ifLate()).contains("Ask for one word each: saves 4 minutes.");
    assertThat(round.participantView().containsKey("ifLate")).isFalse();
  }

  @Test
  @DisplayName("An empty ifLate is refused, naming the activity's field")
  void emptyIfLate() {
    JsonObject doc = exampleDoc();
    activity(doc, 1).put("ifLate", "");

    onlyError(errors(doc), "activities[1].ifLate", "must not be empty");
  }

  @Test
  @DisplayName("A setting of another mechanic is refused, naming the setting and the type")
  void settingOfAnotherType() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).getJsonObject("settings").put("kind", "single");

    onlyError(errors(doc), "activities[0].settings.kind",
        "\"kind\" is not a setting of a round activity; round activities take: secondsPerTurn, order, secondPass, overtime, warnSeconds");
  }

  @Test
  @DisplayName("A talk takes no settings at all")
  void talkTakesNoSettings() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).put("type", "talk").put("settings", new JsonObject().put("secondsPerTurn", 60));

    onlyError(errors(doc), "activities[0].settings.secondsPerTurn",
        "\"secondsPerTurn\" is not a setting of a talk activity; talk activities take no settings");
  }

  @Test
  @DisplayName("Settings may be left out; a round then takes every default")
  void settingsOmitted() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).remove("settings");

    Module module = validator.validateJson(ModuleValidator.FORM, doc).orElseThrow();

    assertThat(module.activities().get(0).typedSettings())
        .isEqualTo(new Settings.Round(90, Settings.RoundOrder.JOIN, true, Settings.Overtime.SOFT, 15));
  }

  @Test
  @DisplayName("Pairs take only a group size, 2 by default")
  void pairsGroupSize() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).put("type", "pairs").put("settings", new JsonObject());
    assertThat(validator.validateJson(ModuleValidator.FORM, doc).orElseThrow().activities().get(0).typedSettings())
        .isEqualTo(new Settings.Pairs(2));

    activity(doc, 0).put("settings", new JsonObject().put("groupSize", 5));
    onlyError(errors(doc), "activities[0].settings.groupSize", "must be at most 4 (found 5)");
  }

  @Test
  @DisplayName("A poll needs its settings: the kind is required")
  void pollNeedsKind() {
    JsonObject doc = exampleDoc();
    activity(doc, 1).remove("settings");

    onlyError(errors(doc), "activities[1].settings", "the required field \"settings\" is missing");
  }

  @Test
  @DisplayName("Poll options must be distinct")
  void pollOptionsDistinct() {
    onlyError(errors(withPoll(choice("Yes", "No", "yes "))), "activities[1].settings.options[2]",
        "\"yes \" repeats option options[0]; poll options must be distinct");
  }

  @Test
  @DisplayName("\"Prefer not to say\" must not be listed: the server adds it")
  void preferNotToSayNotListed() {
    onlyError(errors(withPoll(choice("Yes", "No", "Prefer not to say."))), "activities[1].settings.options[2]",
        "do not list \"Prefer not to say.\": the server adds \"Prefer not to say\" to every poll");
  }

  @Test
  @DisplayName("A choice poll needs 2 to 10 options and no scale")
  void choicePollNeedsOptions() {
    onlyError(errors(withPoll(new JsonObject().put("kind", "multiple"))), "activities[1].settings.options",
        "a multiple poll needs a list of 2 to 10 options");
    onlyError(errors(withPoll(choice("Only one"))), "activities[1].settings.options", "must list at least 2 entries (it has 1)");
    onlyError(errors(withPoll(choice("A", "B").put("scale", scale(1, 5).getJsonObject("scale")))),
        "activities[1].settings.scale", "only a scale poll has a scale");
  }

  @Test
  @DisplayName("A scale poll needs a scale and no options")
  void scalePollNeedsScale() {
    onlyError(errors(withPoll(new JsonObject().put("kind", "scale"))), "activities[1].settings.scale",
        "a scale poll needs a scale: {min, max, minLabel, maxLabel}");
    onlyError(errors(withPoll(scale(1, 5).put("options", new JsonArray().add("A").add("B")))),
        "activities[1].settings.options", "a scale poll has no options");
  }

  @Test
  @DisplayName("A scale's min must be less than its max")
  void scaleMinBelowMax() {
    onlyError(errors(withPoll(scale(5, 1))), "activities[1].settings.scale",
        "the scale's min (5) must be less than its max (1)");
  }

  @Test
  @DisplayName("A scale has at most 11 points")
  void scaleAtMostElevenPoints() {
    assertThat(errors(withPoll(scale(0, 10)))).isEmpty();
    onlyError(errors(withPoll(scale(0, 11))), "activities[1].settings.scale",
        "the scale has 12 points (0 to 11); a scale has at most 11");
  }

  @Test
  @DisplayName("A round's warning must come before the end of the turn")
  void warnBeforeEndOfTurn() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).getJsonObject("settings").put("secondsPerTurn", 30).put("warnSeconds", 30);
    onlyError(errors(doc), "activities[0].settings.warnSeconds", "warnSeconds (30) must be less than secondsPerTurn (30)");

    activity(doc, 0).getJsonObject("settings").put("secondsPerTurn", 15).remove("warnSeconds");
    onlyError(errors(doc), "activities[0].settings.warnSeconds",
        "warnSeconds (15, the default) must be less than secondsPerTurn (15)");
  }

  @Test
  @DisplayName("A round with no turn limit needs no warning rule")
  void noLimitNoWarning() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).getJsonObject("settings").put("secondsPerTurn", 0);

    Module module = validator.validateJson(ModuleValidator.FORM, doc).orElseThrow();
    assertThat(module.activities().get(0).settingsAs(Settings.Round.class).hasTurnLimit()).isFalse();
  }
}
