package org.talkingpiece.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors for one form, by field id, in the order the fields appear. Templates show them twice: in
 * the error summary (each a link to its field) and beside the field itself.
 */
final class FormErrors {
  private final Map<String, String> byField = new LinkedHashMap<>();

  /** Adds a message for a field (the field's element id); the message is shown as a sentence. */
  FormErrors add(String field, String message) {
    String sentence = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    byField.putIfAbsent(field, sentence);
    return this;
  }

  boolean isEmpty() {
    return byField.isEmpty();
  }

  /** Puts {@code errors} (field → message) and {@code errorList} ([{field, message}]) into a page model. */
  Map<String, Object> into(Map<String, Object> model) {
    List<Map<String, String>> list = new ArrayList<>();
    byField.forEach((field, message) -> list.add(Map.of("field", field, "message", message)));
    model.put("errors", Map.copyOf(byField));
    model.put("errorList", list);
    return model;
  }
}
