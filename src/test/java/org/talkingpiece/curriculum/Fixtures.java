package org.talkingpiece.curriculum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Module documents for tests, starting from the example in docs/module-format.md. */
final class Fixtures {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("curriculum/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource curriculum/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String exampleYaml() {
    return resource("example-module.yaml");
  }

  /** The example as an editable document (no defaults applied: exactly what the file says). */
  static JsonObject exampleDoc() {
    return yamlToJson(exampleYaml());
  }

  static JsonObject yamlToJson(String yaml) {
    try {
      return new JsonObject(YAML.readTree(yaml).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject activity(JsonObject doc, int index) {
    return doc.getJsonArray("activities").getJsonObject(index);
  }

  static Module exampleModule() {
    return ModuleValidator.create().validateYaml("example-module.yaml", exampleYaml()).orElseThrow();
  }

  /** The example under another slug and version, with a change-log entry for that version. */
  static JsonObject variant(String slug, int version, String title) {
    JsonObject doc = exampleDoc().put("slug", slug).put("version", version).put("title", title);
    doc.getJsonArray("changeLog").add(new JsonObject()
        .put("version", version).put("date", "2026-12-01").put("summary", "Version " + version + "."));
    if (version == 1) {
      doc.getJsonArray("changeLog").remove(1);
    }
    return doc;
  }

  static Module module(JsonObject doc) {
    return ModuleValidator.create().validateJson(ModuleValidator.FORM, doc).orElseThrow();
  }
}
