package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.curriculum.Fixtures.activity;
import static org.talkingpiece.curriculum.Fixtures.exampleDoc;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModuleTest {

  @Test
  @DisplayName("Participants never receive facilitator notes or preparation")
  void participantViewHidesFacilitatorMaterial() {
    JsonObject doc = exampleDoc();
    activity(doc, 0).put("contentNote", "Talks about family money.").put("accessibility", "Captions on.");
    Module module = Fixtures.module(doc);

    JsonObject view = module.participantView();
    String encoded = view.encode();

    assertThat(view.containsKey("preparation")).isFalse();
    assertThat(encoded).doesNotContain("facilitatorNotes")
        .doesNotContain("Go first to model a short answer")
        .doesNotContain("Open the display view before people arrive")
        .doesNotContain("changeLog");
    JsonObject first = view.getJsonArray("activities").getJsonObject(0);
    assertThat(first.getString("prompt")).isEqualTo("In a few words, how are you arriving today?");
    assertThat(first.getString("contentNote")).isEqualTo("Talks about family money.");
    assertThat(first.getJsonObject("settings").getInteger("secondsPerTurn")).isEqualTo(45);
    assertThat(view.getInteger("anonymityThreshold")).isEqualTo(5);
  }

  @Test
  @DisplayName("The module's ifLate, pre-brief and self-debrief reach facilitators, never participants")
  void facilitatorOnlyModuleTexts() {
    JsonObject doc = exampleDoc()
        .put("ifLate", "Shorten the check-in to one word each.")
        .put("preBrief", "Check the quiet room is free.")
        .put("selfDebrief", "What did I avoid saying?");

    Module module = Fixtures.module(doc);

    assertThat(module.ifLate()).contains("Shorten the check-in to one word each.");
    assertThat(module.preBrief()).contains("Check the quiet room is free.");
    assertThat(module.selfDebrief()).contains("What did I avoid saying?");
    assertThat(module.fullView().getString("selfDebrief")).isEqualTo("What did I avoid saying?");
    assertThat(module.participantView().encode()).doesNotContain("Shorten the check-in")
        .doesNotContain("quiet room").doesNotContain("avoid saying");
  }

  @Test
  @DisplayName("An empty module-level ifLate, preBrief or selfDebrief is refused by name")
  void emptyModuleTexts() {
    JsonObject doc = exampleDoc().put("ifLate", "").put("preBrief", "").put("selfDebrief", "");

    List<ValidationError> errors = ModuleValidator.create().validateJson(ModuleValidator.FORM, doc).errors();

    assertThat(errors).extracting(ValidationError::path).containsExactlyInAnyOrder("ifLate", "preBrief", "selfDebrief");
    assertThat(errors).extracting(ValidationError::message).containsOnly("must not be empty");
  }

  @Test
  @DisplayName("Facilitators and authors get the whole document, notes included")
  void fullViewHasEverything() {
    Module module = Fixtures.exampleModule();

    JsonObject full = module.fullView();

    assertThat(full.getJsonObject("preparation").getString("notes")).isEqualTo("Open the display view before people arrive.");
    assertThat(full.getJsonArray("activities").getJsonObject(0).getString("facilitatorNotes")).startsWith("Go first");
  }

  @Test
  @DisplayName("A module cannot be changed through the documents it hands out")
  void immutable() {
    Module module = Fixtures.exampleModule();
    String hash = module.contentHash();

    module.document().put("title", "Changed");
    module.activities().get(0).settings().put("secondsPerTurn", 600);
    module.fullView().put("title", "Changed");

    assertThat(module.contentHash()).isEqualTo(hash);
    assertThat(module.activities().get(0).settings().getInteger("secondsPerTurn")).isEqualTo(45);
    assertThat(module.document().getString("title")).isEqualTo("An example module");
  }

  @Test
  @DisplayName("Typed settings expose a poll's scale and steps keep their own grouping")
  void typedSettings() {
    Activity poll = Fixtures.exampleModule().activity("closing-poll").orElseThrow();

    Settings.Poll settings = poll.settingsAs(Settings.Poll.class);

    assertThat(settings.kind()).isEqualTo(Settings.PollKind.SCALE);
    assertThat(settings.options()).isEmpty();
    assertThat(settings.scale()).hasValueSatisfying(s -> assertThat(s.points()).isEqualTo(5));
    assertThat(poll.steps()).extracting(Activity.Step::label).containsExactly("Vote", "Look at the results together");
    assertThat(poll.steps().get(1).grouping()).contains(Activity.Grouping.WHOLE_GROUP);
    assertThat(poll.type().isAnonymous()).isTrue();
    assertThat(List.of(poll.grouping(), poll.intensity()))
        .containsExactly(Activity.Grouping.INDIVIDUAL, Activity.Intensity.LOW);
  }
}
