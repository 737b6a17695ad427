package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModuleDiffTest {

  @Test
  @DisplayName("The diff of two versions shows the changed line as removed and added, with context")
  void showsChange() {
    Module v1 = Fixtures.exampleModule();
    JsonObject doc = Fixtures.variant("example-module", 2, "An example module");
    Fixtures.activity(doc, 0).put("prompt", "One word: how are you?");
    Module v2 = Fixtures.module(doc);

    List<ModuleDiff.Line> diff = ModuleDiff.between(v1, v2);

    assertThat(diff).contains(
        new ModuleDiff.Line(ModuleDiff.Kind.REMOVED, "version: 1"),
        new ModuleDiff.Line(ModuleDiff.Kind.ADDED, "version: 2"),
        new ModuleDiff.Line(ModuleDiff.Kind.REMOVED, "    prompt: In a few words, how are you arriving today?"),
        new ModuleDiff.Line(ModuleDiff.Kind.ADDED, "    prompt: 'One word: how are you?'"));
    assertThat(diff.get(0).kind()).isEqualTo(ModuleDiff.Kind.HUNK);
    assertThat(diff).anyMatch(l -> l.kind() == ModuleDiff.Kind.CONTEXT && l.text().equals("slug: example-module"));
    assertThat(diff).noneMatch(l -> l.text().contains("title: Check-in") && l.kind() != ModuleDiff.Kind.CONTEXT);
  }

  @Test
  @DisplayName("Identical versions have an empty diff")
  void noChange() {
    assertThat(ModuleDiff.between(Fixtures.exampleModule(), Fixtures.exampleModule())).isEmpty();
  }
}
