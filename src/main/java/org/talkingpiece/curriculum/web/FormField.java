package org.talkingpiece.curriculum.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.curriculum.web.Labels.Choice;

/**
 * One place in the edit form that an error can be shown at: an input (text, number, text area,
 * select, checkbox) or a group of inputs (an activity, its steps, its settings). Rendered by
 * {@code partials/author-field.hbs} (inputs) or by the page around a group; every one has an
 * element {@code <id>-error} that holds its errors, so the live validation can fill it in.
 * Built and used on one thread for one request.
 */
final class FormField {
  enum Input { TEXT, NUMBER, TEXTAREA, SELECT, CHECKBOX, GROUP }

  private final String name;
  private final String id;
  private final String label;
  private final String summaryLabel;
  private final Input input;
  private final List<String> errors = new ArrayList<>();
  private String value = "";
  private boolean checked;
  private String hint;
  private List<Choice> choices = List.of();
  private int rows;
  private String width;
  private boolean disabled;

  private FormField(String name, String label, String summaryLabel, Input input) {
    this.name = name;
    this.id = FormNames.id(name);
    this.label = label;
    this.summaryLabel = summaryLabel;
    this.input = input;
  }

  /**
   * @param label shown beside the input
   * @param summaryLabel names the field in the error summary, where there is no context around it
   *     ("Activity 3: Title")
   */
  static FormField of(Input input, String name, String label, String summaryLabel) {
    return new FormField(name, label, summaryLabel, input);
  }

  FormField value(Object v) {
    this.value = v == null ? "" : String.valueOf(v);
    return this;
  }

  FormField checked(boolean c) {
    this.checked = c;
    return this;
  }

  FormField hint(String h) {
    this.hint = h;
    return this;
  }

  FormField choices(List<Choice> c) {
    this.choices = c;
    return this;
  }

  FormField rows(int r) {
    this.rows = r;
    return this;
  }

  /** A narrower input: {@code short} (numbers, codes) or {@code medium}. */
  FormField width(String w) {
    this.width = w;
    return this;
  }

  /** Not sent with the form: the settings of a type the activity does not have (the page hides them). */
  FormField disabled(boolean d) {
    this.disabled = d;
    return this;
  }

  boolean disabled() {
    return disabled;
  }

  void addError(String message) {
    errors.add(message);
  }

  String name() {
    return name;
  }

  String id() {
    return id;
  }

  String summaryLabel() {
    return summaryLabel;
  }

  Input input() {
    return input;
  }

  String value() {
    return value;
  }

  boolean checked() {
    return checked;
  }

  List<String> errors() {
    return errors;
  }

  /** The model {@code partials/author-field.hbs} renders (and groups read their errors from). */
  Map<String, Object> toMap() {
    Map<String, Object> m = new HashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("label", label);
    m.put("value", value);
    m.put("checked", checked);
    m.put("hint", hint);
    m.put("rows", rows > 0 ? rows : 4);
    m.put("width", width);
    m.put("error", errors.isEmpty() ? null : String.join(" ", errors));
    m.put("errorId", id + "-error");
    m.put("hintId", id + "-hint");
    m.put("isText", input == Input.TEXT);
    m.put("isNumber", input == Input.NUMBER);
    m.put("isTextarea", input == Input.TEXTAREA);
    m.put("isSelect", input == Input.SELECT);
    m.put("isCheckbox", input == Input.CHECKBOX);
    List<Map<String, Object>> options = new ArrayList<>();
    boolean known = value.isEmpty();
    for (Choice c : choices) {
      options.add(Map.of("value", c.value(), "label", c.label(), "selected", c.value().equals(value)));
      known |= c.value().equals(value);
    }
    if (!known) {
      // A value the form does not offer (typed in the YAML view) stays visible, so saving keeps it.
      options.add(Map.of("value", value, "label", value, "selected", true));
    }
    m.put("options", options);
    return m;
  }
}
