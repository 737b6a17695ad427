package org.talkingpiece.floor;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.talkingpiece.shared.AppException;

/** An enum constant as it is spelled in JSON (commands, events, views, module settings). */
interface WireName {
  String wire();

  /** The constant spelled {@code value}, or INVALID_INPUT naming {@code field} and the choices. */
  static <E extends Enum<E> & WireName> E parse(E[] values, String field, String value) {
    for (E e : values) {
      if (e.wire().equals(value)) {
        return e;
      }
    }
    String choices = Arrays.stream(values).map(WireName::wire).collect(Collectors.joining(", "));
    throw AppException.invalid(field + " must be one of " + choices);
  }
}
