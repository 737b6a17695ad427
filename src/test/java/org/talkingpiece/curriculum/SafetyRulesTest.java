package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.curriculum.Fixtures.activity;
import static org.talkingpiece.curriculum.Fixtures.exampleDoc;
import static org.talkingpiece.curriculum.ModuleValidatorTest.onlyError;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The safety defaults no module can change are refused with their reason. */
class SafetyRulesTest {
  private final ModuleValidator validator = ModuleValidator.create();

  private List<ValidationError> errors(JsonObject doc) {
    return validator.validateJson(ModuleValidator.FORM, doc).errors();
  }

  @Test
  @DisplayName("Turning off passing in a round is refused: passing cannot be turned off")
  void allowPassInSettings() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).getJsonObject("settings").put("allowPass", false);

    onlyError(errors(doc), "activities[0].settings.allowPass", "passing cannot be turned off");
  }

  @Test
  @DisplayName("Turning off passing for the whole module is refused too")
  void allowPassAtTopLevel() {
    onlyError(errors(exampleDoc().put("allowPass", false)), "allowPass", "passing cannot be turned off");
  }

  @Test
  @DisplayName("A poll without \"prefer not to say\" is refused: passing cannot be turned off")
  void preferNotToSayOff() {
    JsonObject doc = exampleDoc();
    activity(doc, 1).getJsonObject("settings").put("preferNotToSay", false);

    onlyError(errors(doc), "activities[1].settings.preferNotToSay", "passing cannot be turned off");
  }

  @Test
  @DisplayName("Hiding content notes is refused")
  void contentNotesCannotBeHidden() {
    onlyError(errors(exampleDoc().put("showContentNotes", false)), "showContentNotes", "content notes cannot be hidden");
    JsonObject doc = exampleDoc();
    activity(doc, 0).put("showContentNotes", false);
    onlyError(errors(doc), "activities[0].showContentNotes", "content notes cannot be hidden");
  }

  @Test
  @DisplayName("An anonymity threshold below 5 is refused; a higher one is kept")
  void thresholdAtLeastFive() {
    onlyError(errors(exampleDoc().put("anonymityThreshold", 3)), "anonymityThreshold",
        "the anonymity threshold cannot be lowered below 5 by a module (found 3)");

    Module raised = validator.validateJson(ModuleValidator.FORM, exampleDoc().put("anonymityThreshold", 8)).orElseThrow();
    assertThat(raised.anonymityThreshold()).isEqualTo(8);
  }

  @Test
  @DisplayName("A threshold below 5 hidden in an activity's settings is refused too")
  void thresholdInSettings() {
    JsonObject doc = exampleDoc();
    activity(doc, 1).getJsonObject("settings").put("anonymityThreshold", 1);

    onlyError(errors(doc), "activities[1].settings.anonymityThreshold", "cannot be lowered below 5");
  }

  @Test
  @DisplayName("Immediate anonymous release is refused in a module")
  void noImmediateRelease() {
    JsonObject doc = exampleDoc();
    activity(doc, 1).getJsonObject("settings").put("release", "immediate");

    onlyError(errors(doc), "activities[1].settings.release",
        "anonymous release cannot be set to immediate in a module: only a facilitator can, live");
  }

  @Test
  @DisplayName("A safety switch left on is still not a field of the format")
  void safetySwitchOnIsUnknown() {
    onlyError(errors(exampleDoc().put("allowPass", true)), "allowPass", "unknown field \"allowPass\"");
  }
}
