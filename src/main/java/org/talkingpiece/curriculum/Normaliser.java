package org.talkingpiece.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a valid document into its stored form: every activity has a {@code settings} object with
 * the schema's defaults filled in, and whole numbers written as {@code 2.0} become {@code 2}. The
 * same content in any spelling therefore stores, exports and hashes the same.
 */
final class Normaliser {
  private Normaliser() {}

  static JsonObject normalise(JsonNode valid, ModuleSchema schema) {
    ObjectNode doc = ((ObjectNode) valid).deepCopy();
    wholeNumbers(doc);
    for (JsonNode activity : doc.withArray("activities")) {
      ObjectNode a = (ObjectNode) activity;
      ObjectNode settings = schema.settingDefaults(a.get("type").asText());
      JsonNode given = a.get("settings");
      if (given != null && given.isObject()) {
        settings.setAll((ObjectNode) given);
      }
      a.set("settings", settings);
    }
    return new JsonObject(doc.toString());
  }

  private static void wholeNumbers(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (isWholeFraction(e.getValue())) {
          e.setValue(object.numberNode(e.getValue().asLong()));
        } else {
          wholeNumbers(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (isWholeFraction(array.get(i))) {
          array.set(i, array.numberNode(array.get(i).asLong()));
        } else {
          wholeNumbers(array.get(i));
        }
      }
    }
  }

  private static boolean isWholeFraction(JsonNode n) {
    return n.isFloatingPointNumber() && n.canConvertToExactIntegral();
  }
}
