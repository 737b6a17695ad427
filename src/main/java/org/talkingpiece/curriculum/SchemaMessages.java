package org.talkingpiece.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the schema validator's messages into {@link ValidationError}s an author can act on: paths
 * in the {@code activities[3].settings} form, and plain English instead of the validator's default
 * text (which quotes regular expressions and JSON pointers).
 *
 * <p>Where one mistake trips several keywords, one message is kept: a value of the wrong type is
 * reported only as that, and the branches of an {@code anyOf} become one message taken from the
 * schema's {@code description}.
 */
final class SchemaMessages {
  private static final Pattern SETTINGS = Pattern.compile("^activities\\[(\\d+)]\\.settings$");
  private static final Map<String, String> PATTERNS = Map.of(
      "^[a-z0-9]+(-[a-z0-9]+)*$",
      "must be kebab-case: lowercase letters and digits joined by single hyphens, like \"check-in\"",
      "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
      "must be a BCP 47 language tag such as \"en\" or \"en-GB\"",
      "^[A-Za-z0-9][A-Za-z0-9.+-]*$",
      "must be an SPDX licence identifier such as \"CC-BY-SA-4.0\"",
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "must be a date written YYYY-MM-DD");

  private final ModuleSchema schema;
  private final JsonNode document;
  private final String source;

  SchemaMessages(ModuleSchema schema, JsonNode document, String source) {
    this.schema = schema;
    this.document = document;
    this.source = source;
  }

  List<ValidationError> translate(Collection<ValidationMessage> messages) {
    Set<String> wrongType = new HashSet<>();
    for (ValidationMessage m : messages) {
      if ("type".equals(m.getType())) {
        wrongType.add(DocPath.of(m.getInstanceLocation()));
      }
    }
    // Keyed so that several messages for one place and one rule collapse into one.
    Map<String, ValidationError> out = new LinkedHashMap<>();
    for (ValidationMessage m : messages) {
      String at = DocPath.of(m.getInstanceLocation());
      if (wrongType.contains(at) && !"type".equals(m.getType())) {
        continue;
      }
      String anyOf = anyOfPointer(m);
      if (anyOf != null) {
        String description = schema.at(anyOf).path("description").asText("has a value that is not allowed");
        out.putIfAbsent(at + "|" + anyOf,
            error(at, "must be " + description + " (found " + show(m.getInstanceNode()) + ")"));
        continue;
      }
      ValidationError e = translate(m, at);
      out.putIfAbsent(e.path() + "|" + e.message(), e);
    }
    return new ArrayList<>(out.values());
  }

  private ValidationError translate(ValidationMessage m, String at) {
    JsonNode value = m.getInstanceNode();
    JsonNode rule = m.getSchemaNode();
    return switch (m.getType()) {
      case "required" -> error(DocPath.field(at, m.getProperty()),
          "the required field \"" + m.getProperty() + "\" is missing");
      case "additionalProperties" -> unknownField(m, at);
      case "type" -> error(at, "must be " + typeName(rule.asText()) + ", but it is " + show(value));
      case "enum" -> error(at, show(value) + " is not allowed here; use one of: " + list(rule));
      case "const" -> error(at, "must be " + rule + " (found " + show(value) + ")");
      case "minimum" -> error(at, "must be at least " + rule + " (found " + show(value) + ")");
      case "maximum" -> error(at, "must be at most " + rule + " (found " + show(value) + ")");
      case "minLength" -> error(at, rule.asInt() == 1 ? "must not be empty"
          : "must be at least " + rule + " characters long (it has " + length(value) + ")");
      case "maxLength" -> error(at,
          "must be at most " + rule + " characters long (it has " + length(value) + ")");
      case "minItems" -> error(at, rule.asInt() == 1 ? "must list at least one entry"
          : "must list at least " + rule + " entries (it has " + value.size() + ")");
      case "maxItems" -> error(at,
          "must list at most " + rule + " entries (it has " + value.size() + ")");
      case "pattern" -> error(at,
          PATTERNS.getOrDefault(rule.asText(), "does not have the expected form")
              + " (found " + show(value) + ")");
      case "format" -> error(at, "must be a real date written YYYY-MM-DD (found " + show(value) + ")");
      default -> error(at, withoutLocation(m.getMessage()));
    };
  }

  private ValidationError unknownField(ValidationMessage m, String at) {
    String name = m.getProperty();
    String path = DocPath.field(at, name);
    Matcher settings = SETTINGS.matcher(at);
    if (settings.matches()) {
      String type = document.path("activities").path(Integer.parseInt(settings.group(1)))
          .path("type").asText();
      List<String> allowed = schema.settingNames(type);
      String takes = allowed.isEmpty() ? type + " activities take no settings"
          : type + " activities take: " + String.join(", ", allowed);
      return error(path, "\"" + name + "\" is not a setting of a " + type + " activity; " + takes);
    }
    List<String> allowed = schema.propertyNames(schema.at(parentPointer(m)));
    return error(path, "unknown field \"" + name + "\""
        + (allowed.isEmpty() ? "" : "; the fields allowed here are: " + String.join(", ", allowed)));
  }

  private ValidationError error(String path, String message) {
    return new ValidationError(source, path, message);
  }

  /** The schema pointer of the {@code anyOf} a message came from, or {@code null}. */
  private static String anyOfPointer(ValidationMessage m) {
    String fragment = fragment(m);
    int at = fragment.indexOf("/anyOf/");
    return at < 0 ? null : fragment.substring(0, at);
  }

  /** The schema pointer of the object schema that holds the failing keyword. */
  private static String parentPointer(ValidationMessage m) {
    String fragment = fragment(m);
    int slash = fragment.lastIndexOf('/');
    return slash < 0 ? "" : fragment.substring(0, slash);
  }

  private static String fragment(ValidationMessage m) {
    String location = String.valueOf(m.getSchemaLocation());
    int hash = location.indexOf('#');
    return hash < 0 ? "" : location.substring(hash + 1);
  }

  private static String withoutLocation(String message) {
    int colon = message.indexOf(": ");
    return message.startsWith("/") && colon > 0 ? message.substring(colon + 2) : message;
  }

  private static String list(JsonNode values) {
    List<String> names = new ArrayList<>();
    values.forEach(v -> names.add(v.asText()));
    return String.join(", ", names);
  }

  private static int length(JsonNode value) {
    String text = value.asText();
    return text.codePointCount(0, text.length());
  }

  static String typeName(String type) {
    return switch (type) {
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "string" -> "text";
      case "boolean" -> "true or false";
      case "array" -> "a list";
      case "object" -> "a set of named fields";
      default -> type;
    };
  }

  /** How a value found in the document is quoted back to the author. */
  static String show(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "empty";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a set of named fields";
    }
    if (value.isTextual()) {
      String text = value.asText();
      return "\"" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "\"";
    }
    return value.toString();
  }
}
