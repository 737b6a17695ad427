package org.talkingpiece.floor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.talkingpiece.shared.AppException;

/**
 * Reads fields from JSON that came from outside (commands from browsers, events from the store) and
 * refuses anything malformed with INVALID_INPUT naming the field, e.g. {@code "extend: seconds must be
 * a whole number"}. Values are never echoed back: they may be anything.
 */
final class Json {
  private Json() {}

  static JsonObject orEmpty(JsonObject body) {
    return body == null ? new JsonObject() : body;
  }

  static String string(JsonObject o, String where, String field) {
    Object v = o.getValue(field);
    if (!(v instanceof String s) || s.isBlank()) {
      throw bad(where, field, "must be a non-empty string");
    }
    return s;
  }

  /** A string that may be absent or null (read as {@code null}), but not of another type or blank. */
  static String optionalString(JsonObject o, String where, String field) {
    return o.getValue(field) == null ? null : string(o, where, field);
  }

  static long number(JsonObject o, String where, String field) {
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

  static int integer(JsonObject o, String where, String field) {
    long v = number(o, where, field);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw bad(where, field, "is out of range");
    }
    return (int) v;
  }

  static int integer(JsonObject o, String where, String field, int absent) {
    return o.getValue(field) == null ? absent : integer(o, where, field);
  }

  static boolean bool(JsonObject o, String where, String field) {
    if (!(o.getValue(field) instanceof Boolean b)) {
      throw bad(where, field, "must be true or false");
    }
    return b;
  }

  static boolean bool(JsonObject o, String where, String field, boolean absent) {
    return o.getValue(field) == null ? absent : bool(o, where, field);
  }

  static List<String> strings(JsonObject o, String where, String field) {
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

  static AppException bad(String where, String field, String problem) {
    return AppException.invalid(where + ": " + field + " " + problem);
  }
}
