package org.talkingpiece.curriculum.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of a small form (new module, import, copy), shown twice as GOV.UK does: in a summary at the
 * top, each a link to its field, and beside the field. Several errors for one field (an imported
 * file) are all in the summary; the field itself says how many there are.
 */
final class FieldErrors {
  private final Map<String, List<String>> byField = new LinkedHashMap<>();
  private final List<Map<String, Object>> summary = new ArrayList<>();

  /**
   * @param field the element id the error belongs to, or {@code null} for an error of the whole form
   * @param label names the field (or file and path) in the summary
   */
  FieldErrors add(String field, String label, String message) {
    String sentence = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    if (field != null) {
      byField.computeIfAbsent(field, f -> new ArrayList<>()).add(sentence);
    }
    Map<String, Object> line = new HashMap<>();
    line.put("href", field == null ? null : "#" + field);
    line.put("text", label == null || label.isEmpty() ? sentence : label + ": " + sentence);
    summary.add(line);
    return this;
  }

  boolean isEmpty() {
    return summary.isEmpty();
  }

  /** Puts {@code errors} (field id → message) and {@code errorList} ([{href, text}]) into a page model. */
  Map<String, Object> into(Map<String, Object> model) {
    Map<String, String> messages = new HashMap<>();
    byField.forEach((field, list) -> messages.put(field, list.size() == 1 ? list.get(0)
        : "There are " + list.size() + " problems, listed at the top of the page."));
    model.put("errors", messages);
    model.put("errorList", summary);
    return model;
  }
}
