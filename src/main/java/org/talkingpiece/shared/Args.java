package org.talkingpiece.shared;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The one reader of JSON that came from outside: command arguments from browsers, events read back
 * from the store, an activity's settings. Anything malformed is refused with INVALID_INPUT in one
 * wording, {@code "<where>: <field> <problem>"}, e.g. {@code "extend: seconds must be a whole
 * number"}, where {@code where} is the command, event or settings being read. Values are never
 * echoed back: they may be anything, including someone's anonymous text.
 */
public final class Args {
  private Args() {}

  public static JsonObject orEmpty(JsonObject body) {
    return body == null ? new JsonObject() : body;
  }

  /** A string that is present and not blank. */
  public static String string(JsonObject o, String where, String field) {
    Object v = o.getValue(field);
    if (!(v instanceof String s) || s.isBlank()) {
      throw bad(where, field, "must be a non-empty string");
    }
    return s;
  }

  /** A string that may be absent or null (read as {@code null}), but not of another type or blank. */
  public static String optionalString(JsonObject o, String where, String field) {
    return o.getValue(field) == null ? null : string(o, where, field);
  }

  /** Free text that must be present; it may be blank (the caller's own rules judge its content). */
  public static String text(JsonObject o, String where, String field) {
    if (!(o.getValue(field) instanceof String s)) {
      throw bad(where, field, "must be text");
    }
    return s;
  }

  /** Free text that may be absent (null). */
  public static String optionalText(JsonObject o, String where, String field) {
    return o.getValue(field) == null ? null : text(o, where, field);
  }

  public static long number(JsonObject o, String where, String field) {
    Object v = o.getValue(field);
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 0x1p53) {
      return n.longValue();
    }
    throw bad(where, field, "must be a whole number");
  }

  public static int integer(JsonObject o, String where, String field) {
    long v = number(o, where, field);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw bad(where, field, "is out of range");
    }
    return (int) v;
  }

  public static int integer(JsonObject o, String where, String field, int absent) {
    return o.getValue(field) == null ? absent : integer(o, where, field);
  }

  /** A whole number that may be absent (null). */
  public static Integer optionalInteger(JsonObject o, String where, String field) {
    return o.getValue(field) == null ? null : integer(o, where, field);
  }

  public static boolean bool(JsonObject o, String where, String field) {
    if (!(o.getValue(field) instanceof Boolean b)) {
      throw bad(where, field, "must be true or false");
    }
    return b;
  }

  public static boolean bool(JsonObject o, String where, String field, boolean absent) {
    return o.getValue(field) == null ? absent : bool(o, where, field);
  }

  /** True or false, or absent (null). */
  public static Boolean optionalBool(JsonObject o, String where, String field) {
    return o.getValue(field) == null ? null : bool(o, where, field);
  }

  public static List<String> strings(JsonObject o, String where, String field) {
    if (!(o.getValue(field) instanceof JsonArray array)) {
      throw bad(where, field, "must be a list of strings");
    }
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String s) || s.isBlank()) {
        throw bad(where, field + "[" + i + "]", "must be a non-empty string");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  /** One non-empty string or a list of them, read as a list: {@code "a"} is {@code ["a"]}. */
  public static List<String> oneOrMore(JsonObject o, String where, String field) {
    return o.getValue(field) instanceof String ? List.of(string(o, where, field)) : strings(o, where, field);
  }

  /** One of {@code choices}, by its wire name; the refusal lists them. */
  public static <E extends Enum<E>> E oneOf(JsonObject o, String where, String field, E[] choices,
      Function<E, String> wire) {
    Object v = o.getValue(field);
    for (E choice : choices) {
      if (wire.apply(choice).equals(v)) {
        return choice;
      }
    }
    throw bad(where, field, "must be one of " + String.join(", ", Arrays.stream(choices).map(wire).toList()));
  }

  /** The refusal for {@code field} of {@code where}, in the one wording. */
  public static AppException bad(String where, String field, String problem) {
    return AppException.invalid(where + ": " + field + " " + problem);
  }
}
