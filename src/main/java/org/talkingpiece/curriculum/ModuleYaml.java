package org.talkingpiece.curriculum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a module as the YAML file authors keep in git ({@code content/modules/<slug>.yaml}).
 *
 * <p>Contract: importing the output gives a module with the same {@link Module#contentHash()}.
 * Fields come in the order of docs/module-format.md (taken from the schema, which lists them in
 * that order); settings are written in full, defaults included, so the file says exactly what a
 * session will do. Text with line breaks is written as a literal block ({@code |}); long lines are
 * not folded, so a changed sentence is a one-line diff.
 */
public final class ModuleYaml {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .stringQuotingChecker(new QuoteOnlyWhatReadsDifferently())
      .build());

  private ModuleYaml() {}

  /** The module's authored document as YAML (no server fields). */
  public static String export(Module module) {
    ModuleSchema schema = ModuleSchema.get();
    try {
      JsonNode document = JSON.readTree(module.document().encode());
      return YAML.writeValueAsString(ordered(document, schema.root(), schema));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a module document always converts to YAML", e);
    }
  }

  /** A copy of {@code value} with object fields in the order the schema declares them. */
  private static JsonNode ordered(JsonNode value, JsonNode valueSchema, ModuleSchema schema) {
    JsonNode resolved = valueSchema == null ? MissingNode.getInstance() : schema.resolve(valueSchema);
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      value.forEach(item -> out.add(ordered(item, resolved.path("items"), schema)));
      return out;
    }
    if (!value.isObject()) {
      return value;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    List<String> declared = schema.propertyNames(resolved);
    for (String name : declared) {
      if (value.has(name)) {
        out.set(name, ordered(value.get(name), childSchema(value, name, resolved, schema), schema));
      }
    }
    Iterator<Map.Entry<String, JsonNode>> rest = value.fields();
    while (rest.hasNext()) {
      Map.Entry<String, JsonNode> e = rest.next();
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), ordered(e.getValue(), null, schema));
      }
    }
    return out;
  }

  /**
   * Quotes text only where plain YAML would read back as something else (true, null, a number).
   * Jackson's default also quotes any text with a comma or a question mark, which block-style YAML
   * does not need; the YAML emitter still quotes wherever plain text would not parse (leading
   * {@code #}, {@code ": "}, surrounding spaces).
   */
  private static final class QuoteOnlyWhatReadsDifferently extends StringQuotingChecker {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteName(String name) {
      return StringQuotingChecker.Default.instance().needToQuoteName(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return value.isEmpty() || isReservedKeyword(value) || looksLikeYAMLNumber(value);
    }
  }

  /** An activity's settings are declared per type (under {@code if/then}), not under its properties. */
  private static JsonNode childSchema(JsonNode parent, String name, JsonNode parentSchema, ModuleSchema schema) {
    if (name.equals("settings") && parent.path("type").isTextual()) {
      return schema.settingsSchema(parent.get("type").asText());
    }
    return parentSchema.path("properties").path(name);
  }
}
