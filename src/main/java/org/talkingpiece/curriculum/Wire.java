package org.talkingpiece.curriculum;

import java.util.Locale;

/** Enum constants as written in module documents: {@code WHOLE_GROUP} is {@code whole-group}. */
final class Wire {
  private Wire() {}

  static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @throws IllegalArgumentException naming the value and the choices, when it is not one of them */
  static <E extends Enum<E>> E parse(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (name(constant).equals(text)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("\"" + text + "\" is not a " + type.getSimpleName());
  }
}
