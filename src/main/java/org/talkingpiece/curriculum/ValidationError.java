package org.talkingpiece.curriculum;

import java.util.Objects;

/**
 * One problem found in a module document.
 *
 * @param source the file name the document came from, or {@value ModuleValidator#FORM} for the
 *     browser form
 * @param path where the problem is, written like {@code activities[3].settings.options}; empty
 *     when it concerns the whole document (for example a YAML syntax error)
 * @param message plain English naming what is wrong, safe to show to the author
 */
public record ValidationError(String source, String path, String message) {
  public ValidationError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code source: path: message}, or {@code source: message} when there is no path. */
  @Override
  public String toString() {
    return path.isEmpty() ? source + ": " + message : source + ": " + path + ": " + message;
  }
}
