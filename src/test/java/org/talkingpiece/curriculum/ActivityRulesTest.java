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

  @Test
  @DisplayName("A high-intensity activity needs a debrief question")
  void highIntensityNeedsDebrief() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).put("intensity", "high");

    onlyError(errors(doc), "activities[0].debrief", "a high-intensity activity needs at least one debrief question");
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
