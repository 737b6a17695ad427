package org.talkingpiece.curriculum;

import java.util.List;
import java.util.stream.Collectors;
import org.talkingpiece.shared.AppException;

/**
 * The outcome of validating one module document: either a module and no errors, or every error
 * found and no module.
 *
 * @param module the validated module with defaults applied; {@code null} when there are errors
 * @param errors every problem found, in the order found; empty when valid
 */
public record ValidationResult(Module module, List<ValidationError> errors) {
  public ValidationResult {
    errors = List.copyOf(errors);
    if ((module == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("a result has either a module or errors");
    }
  }

  static ValidationResult valid(Module module) {
    return new ValidationResult(module, List.of());
  }

  static ValidationResult invalid(List<ValidationError> errors) {
    return new ValidationResult(null, errors);
  }

  public boolean isValid() {
    return module != null;
  }

  /**
   * The module, or an {@link AppException} with code {@code INVALID_INPUT} whose message lists
   * every error, one per line.
   */
  public Module orElseThrow() {
    if (module != null) {
      return module;
    }
    throw AppException.invalid(describe());
  }

  /** Every error as {@code source: path: message}, one per line, after a count. */
  public String describe() {
    String lines = errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    String noun = errors.size() == 1 ? "problem" : "problems";
    return errors.isEmpty()
        ? "valid"
        : "not a valid module (" + errors.size() + " " + noun + "):\n" + lines;
  }
}
