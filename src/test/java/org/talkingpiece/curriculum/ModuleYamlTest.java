package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.curriculum.Fixtures.activity;
import static org.talkingpiece.curriculum.Fixtures.exampleDoc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModuleYamlTest {
  private final ModuleValidator validator = ModuleValidator.create();

  private Module reimport(Module module) {
    String yaml = ModuleYaml.export(module);
    ValidationResult result = validator.validateYaml(module.slug() + ".yaml", yaml);
    assertThat(result.errors()).as("errors re-importing:\n%s", yaml).isEmpty();
    return result.module();
  }

  @Test
  @DisplayName("An exported module re-imports with the same content hash")
  void roundTripKeepsHash() {
    Module module = Fixtures.exampleModule();

    Module again = reimport(module);

    assertThat(again.contentHash()).isEqualTo(module.contentHash());
    assertThat(again.document()).isEqualTo(module.document());
  }

  @Test
  @DisplayName("Awkward text survives the round trip: quotes, colons, numbers, booleans, line breaks")
  void awkwardTextRoundTrips() {
    JsonObject doc = exampleDoc()
        .put("summary", "Line one: with a colon.\n\n- a list item\n- \"quoted\" and 'single'\n")
        .put("contentNotes", new JsonArray(List.of("yes", "no", "true", "null", "~", "1.5", "007",
            "2026-11-23", "#not a comment", "- dash", "[brackets]", "{braces}", "@at", "`tick`",
            "trailing space ", " leading space", "ünïcødé ✊🏾", "tab\there", "a: b", "what?", "on", "Off",
            "y", "N", "0x1F", "1_000", ".inf", "1e3", "+12", "*star", "&amp", "!bang", "%pct", "| pipe", "> gt",
            "a, b", "key: value # comment", "'", "\"")));
    activity(doc, 0).put("facilitatorNotes", "No trailing newline\nsecond line")
        .put("accessibility", "Ends with two newlines\n\n");
    Module module = Fixtures.module(doc);

    Module again = reimport(module);

    assertThat(again.document()).isEqualTo(module.document());
    assertThat(again.contentHash()).isEqualTo(module.contentHash());
  }

  @Test
  @DisplayName("The export lists fields in the order of the format doc, settings in full")
  void fieldOrder() {
    JsonObject doc = new JsonObject();
    JsonObject example = exampleDoc();
    // Same content, fields given in reverse order.
    List<String> names = List.copyOf(example.fieldNames());
    for (int i = names.size() - 1; i >= 0; i--) {
      doc.put(names.get(i), example.getValue(names.get(i)));
    }

    String yaml = ModuleYaml.export(Fixtures.module(doc));

    assertThat(yaml).startsWith("schemaVersion: 1\nslug: example-module\nversion: 1\nstatus: published\n");
    assertThat(yaml.indexOf("changeLog:")).isLessThan(yaml.indexOf("durationMinutes:"));
    assertThat(yaml.indexOf("preparation:")).isLessThan(yaml.indexOf("activities:"));
    assertThat(yaml).contains(String.join("\n",
        "  - id: check-in",
        "    type: round",
        "    title: Check-in",
        "    minutes: 10",
        "    grouping: whole-group",
        "    intensity: low",
        "    prompt: In a few words, how are you arriving today?",
        ""));
    assertThat(yaml).contains(String.join("\n",
        "    settings:",
        "      secondsPerTurn: 45",
        "      order: join",
        "      secondPass: true",
        "      overtime: soft",
        "      warnSeconds: 15",
        ""));
  }

  @Test
  @DisplayName("The content hash ignores key order and status but not content")
  void contentHash() {
    Module module = Fixtures.exampleModule();
    JsonObject reordered = new JsonObject();
    module.document().fieldNames().stream().sorted().forEach(k -> reordered.put(k, module.document().getValue(k)));

    assertThat(ContentHash.of(reordered)).isEqualTo(module.contentHash()).hasSize(64);
    assertThat(module.withStatus(ModuleStatus.RETIRED).contentHash()).isEqualTo(module.contentHash());
    assertThat(ContentHash.of(module.document().put("updatedBy", "someone"))).isEqualTo(module.contentHash());
    assertThat(Fixtures.module(exampleDoc().put("summary", "Another summary.")).contentHash())
        .isNotEqualTo(module.contentHash());
  }

  @Test
  @DisplayName("Writing a default setting or leaving it out is the same content")
  void defaultsDoNotChangeHash() {
    JsonObject explicit = exampleDoc();
    activity(explicit, 0).getJsonObject("settings").put("warnSeconds", 15).put("overtime", "soft");

    assertThat(Fixtures.module(explicit).contentHash()).isEqualTo(Fixtures.exampleModule().contentHash());
  }
}
