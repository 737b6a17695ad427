package org.talkingpiece.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The module JSON Schema ({@code schema/module.schema.json}) and what other classes read from it:
 * the settings each activity type takes, their defaults, and the field order of the export. The
 * schema is the one place where settings and defaults are written down.
 *
 * <p>Immutable and thread-safe. Loaded once from the class path on first use (a small read, done at
 * start-up by whoever first builds a validator).
 */
final class ModuleSchema {
  static final String RESOURCE = "schema/module.schema.json";

  private final JsonNode root;
  private final JsonSchema schema;

  private ModuleSchema(JsonNode root) {
    this.root = root;
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(true)
        .build();
    this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(root, config);
  }

  private static final class Holder {
    static final ModuleSchema INSTANCE = load();
  }

  static ModuleSchema get() {
    return Holder.INSTANCE;
  }

  private static ModuleSchema load() {
    try (InputStream in = ModuleSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class path resource " + RESOURCE);
      }
      return new ModuleSchema(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  JsonSchema validator() {
    return schema;
  }

  JsonNode root() {
    return root;
  }

  /** The schema node at a JSON pointer such as {@code /$defs/activity}, with local refs followed. */
  JsonNode at(String pointer) {
    return resolve(root.at(pointer));
  }

  /** Follows a local {@code $ref} ({@code #/...}); other nodes are returned as they are. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        break;
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  /** The schema of the {@code settings} of an activity type, or a missing node for unknown types. */
  JsonNode settingsSchema(String type) {
    return root.path("$defs").path("settings-" + type);
  }

  /** The settings an activity type takes, in schema order. */
  List<String> settingNames(String type) {
    return propertyNames(settingsSchema(type));
  }

  /** Every setting of the type that has a default, with that default. */
  ObjectNode settingDefaults(String type) {
    ObjectNode defaults = JsonNodeFactory.instance.objectNode();
    settingsSchema(type).path("properties").fields().forEachRemaining(e -> {
      if (e.getValue().has("default")) {
        defaults.set(e.getKey(), e.getValue().get("default").deepCopy());
      }
    });
    return defaults;
  }

  /** The property names a (resolved) object schema declares, in order. */
  List<String> propertyNames(JsonNode objectSchema) {
    List<String> names = new ArrayList<>();
    resolve(objectSchema).path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
