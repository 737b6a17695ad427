package org.talkingpiece.curriculum.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The form's setting inputs must say what the module schema says, or the form would offer the wrong thing. */
class SettingFieldsTest {
  static JsonObject schema() throws IOException {
    try (InputStream in = SettingFieldsTest.class.getClassLoader().getResourceAsStream("schema/module.schema.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  @DisplayName("Every activity type's form inputs are the schema's settings, in its order, with its defaults and choices")
  void matchesSchema() throws IOException {
    JsonObject defs = schema().getJsonObject("$defs");
    for (Labels.Choice type : Labels.TYPES) {
      JsonObject properties = defs.getJsonObject("settings-" + type.value()).getJsonObject("properties");
      List<String> expected = new ArrayList<>();
      properties.forEach(p -> {
        JsonObject nested = ((JsonObject) p.getValue()).getJsonObject("properties");
        if (nested == null) {
          expected.add(p.getKey());
        } else {
          nested.fieldNames().forEach(n -> expected.add(p.getKey() + "." + n));
        }
      });
      List<SettingFields.Field> fields = SettingFields.of(type.value());
      assertThat(fields.stream().map(SettingFields.Field::key).toList()).as(type.value()).isEqualTo(expected);
      for (SettingFields.Field f : fields) {
        if (f.key().contains(".")) {
          continue;
        }
        JsonObject property = properties.getJsonObject(f.key());
        assertThat(f.defaultValue()).as(type.value() + "." + f.key()).isEqualTo(property.getValue("default"));
        if (property.containsKey("enum")) {
          assertThat(f.choices().stream().map(Labels.Choice::value).toList()).as(type.value() + "." + f.key())
              .isEqualTo(property.getJsonArray("enum").getList());
        }
      }
    }
  }

  @Test
  @DisplayName("The form offers exactly the activity types, groupings, intensities and levels the schema allows")
  void choicesMatchSchema() throws IOException {
    JsonObject schema = schema();
    JsonObject activity = schema.getJsonObject("$defs").getJsonObject("activity").getJsonObject("properties");
    assertThat(values(Labels.TYPES)).isEqualTo(activity.getJsonObject("type").getJsonArray("enum").getList());
    assertThat(values(Labels.INTENSITIES)).isEqualTo(activity.getJsonObject("intensity").getJsonArray("enum").getList());
    assertThat(values(Labels.GROUPINGS))
        .isEqualTo(schema.getJsonObject("$defs").getJsonObject("grouping").getJsonArray("enum").getList());
    assertThat(values(Labels.LEVELS)).isEqualTo(schema.getJsonObject("properties").getJsonObject("audience")
        .getJsonObject("properties").getJsonObject("level").getJsonArray("enum").getList());
  }

  private static List<String> values(List<Labels.Choice> choices) {
    return choices.stream().map(Labels.Choice::value).toList();
  }
}
