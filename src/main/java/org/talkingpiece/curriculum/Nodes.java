package org.talkingpiece.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Defensive reads of a document that may not have passed the schema: the rules run on invalid
 * documents too (so that every error is reported at once) and must not trip over a missing field
 * or a value of the wrong type. Each method answers "absent" for anything unexpected.
 */
final class Nodes {
  private Nodes() {}

  static boolean isInt(JsonNode node) {
    return node != null && node.isNumber() && node.canConvertToExactIntegral();
  }

  static Integer intOrNull(JsonNode node) {
    return isInt(node) ? node.asInt() : null;
  }

  static String textOrNull(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  /** The elements of an array, or an empty list for anything else. */
  static List<JsonNode> elements(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  /** The sum of {@code field} over the objects of an array, or {@code null} if any is not a whole number. */
  static Integer sumOf(JsonNode array, String field) {
    int sum = 0;
    for (JsonNode element : elements(array)) {
      Integer value = intOrNull(element.get(field));
      if (value == null) {
        return null;
      }
      sum += value;
    }
    return sum;
  }
}
