package org.talkingpiece.curriculum;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a module document against docs/module-format.md: first the JSON Schema
 * ({@code schema/module.schema.json}), then the rules no schema can state (minutes add up, unique
 * ids, safety rules, poll and round rules, change log, file name). Every error is collected; it
 * never stops at the first.
 *
 * <p>Thread-safe and reusable: create one and share it. Validation is CPU work of a few
 * milliseconds per module, fine on an event loop for single documents.
 */
public final class ModuleValidator {
  /** The source name for documents that come from the browser form (no file name to check). */
  public static final String FORM = "form";

  private final ModuleSchema schema;
  private final ModuleRules rules;
  private final ObjectMapper yaml;
  private final ObjectMapper json = new ObjectMapper();

  private ModuleValidator(ModuleSchema schema) {
    this.schema = schema;
    this.rules = new ModuleRules(schema);
    this.yaml = new ObjectMapper(new YAMLFactory())
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        // A second "---" document would otherwise be ignored without a word.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Loads the schema from the class path on first use (once per JVM). */
  public static ModuleValidator create() {
    return new ModuleValidator(ModuleSchema.get());
  }

  /**
   * Validates a YAML module file.
   *
   * @param source the file name (checked against the slug) or {@link #FORM}
   */
  public ValidationResult validateYaml(String source, String text) {
    JsonNode tree;
    try {
      tree = yaml.readTree(text == null ? "" : text);
    } catch (JsonProcessingException e) {
      return ValidationResult.invalid(List.of(syntaxError(source, e)));
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return ValidationResult.invalid(List.of(new ValidationError(source, DocPath.ROOT, "the document is empty")));
    }
    return validateTree(source, tree);
  }

  /**
   * Validates a document given as JSON (the browser form). It must hold authored fields only, as
   * in the YAML file.
   *
   * @param source {@link #FORM}, or the file name the document came from
   */
  public ValidationResult validateJson(String source, JsonObject document) {
    try {
      return validateTree(source, json.readTree(document.encode()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JsonObject always encodes to JSON", e);
    }
  }

  private ValidationResult validateTree(String source, JsonNode tree) {
    List<ValidationError> safety = tree.isObject() ? SafetyRules.check(tree, source) : List.of();
    Set<String> safetyPaths = new HashSet<>();
    safety.forEach(e -> safetyPaths.add(e.path()));

    Set<ValidationError> errors = new LinkedHashSet<>();
    Set<String> refused = new HashSet<>();
    // A safety error says why a field is refused; the schema's "unknown field" there would only blur it.
    new SchemaMessages(schema, tree, source).translate(schema.validator().validate(tree)).stream()
        .filter(e -> !safetyPaths.contains(e.path()))
        .forEach(e -> {
          errors.add(e);
          refused.add(e.path());
        });
    errors.addAll(safety);
    errors.addAll(rules.check(tree, source, refused));
    if (!errors.isEmpty()) {
      return ValidationResult.invalid(new ArrayList<>(errors));
    }
    return ValidationResult.valid(ModuleReader.read(Normaliser.normalise(tree, schema)));
  }

  private static ValidationError syntaxError(String source, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String problem = e.getOriginalMessage();
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
      problem = marked.getProblem()
          + (marked.getContext() == null ? "" : " (" + marked.getContext() + ")");
    }
    if (problem != null && problem.startsWith("Trailing token")) {
      return new ValidationError(source, DocPath.ROOT, "the file holds more than one YAML document"
          + " (another starts" + where + "); a module file holds exactly one");
    }
    String hint = problem != null && problem.contains("mapping values are not allowed")
        ? "; text that contains \": \" must be put in quotes" : "";
    return new ValidationError(source, DocPath.ROOT,
        "YAML syntax error" + where + ": " + firstLine(problem) + hint);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable YAML";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).trim();
  }
}
