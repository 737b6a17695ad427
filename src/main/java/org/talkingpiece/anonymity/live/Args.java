package org.talkingpiece.anonymity.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.talkingpiece.anonymity.SignalKind;
import org.talkingpiece.shared.AppException;

/**
 * Reads command arguments. Messages name the argument and what it should be, never the value sent:
 * a value may be someone's anonymous text.
 */
final class Args {
  private Args() {}

  /** A text argument that must be present. */
  static String text(JsonObject args, String name) {
    Object value = args.getValue(name);
    if (!(value instanceof String s)) {
      throw AppException.invalid(name + " is required, as text.");
    }
    return s;
  }

  /** A text argument that may be absent (null). */
  static String optionalText(JsonObject args, String name) {
    Object value = args.getValue(name);
    if (value != null && !(value instanceof String)) {
      throw AppException.invalid(name + " must be text.");
    }
    return (String) value;
  }

  /** A true/false argument that may be absent (null). */
  static Boolean optionalBool(JsonObject args, String name) {
    Object value = args.getValue(name);
    if (value != null && !(value instanceof Boolean)) {
      throw AppException.invalid(name + " must be true or false.");
    }
    return (Boolean) value;
  }

  /** A whole number that may be absent (null). */
  static Integer optionalInt(JsonObject args, String name) {
    Object value = args.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw AppException.invalid(name + " must be a whole number.");
    }
    return n.intValue();
  }

  /** Poll choices: a list of option keys, or one key as text. */
  static Set<String> choices(JsonObject args) {
    Object value = args.getValue("choices");
    Set<String> out = new LinkedHashSet<>();
    if (value instanceof String one) {
      out.add(one);
    } else if (value instanceof JsonArray list) {
      for (Object o : list) {
        if (!(o instanceof String key)) {
          throw AppException.invalid("choices must be a list of answer keys.");
        }
        out.add(key);
      }
    } else {
      throw AppException.invalid("choices is required: a list of answer keys.");
    }
    return out;
  }

  static SignalKind signal(JsonObject args) {
    Object value = args.getValue("kind");
    for (SignalKind k : SignalKind.values()) {
      if (k.wire().equals(value)) {
        return k;
      }
    }
    throw AppException.invalid("kind must be ouch or pause.");
  }
}
