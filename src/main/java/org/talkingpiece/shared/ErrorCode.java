package org.talkingpiece.shared;

/**
 * Every failure the server reports, with its HTTP status and the code clients see.
 *
 * <p>HTTP errors are {@code {"error": code, "message": text}}; event-bus replies fail with
 * {@link #status()} as the failure code and {@code code + ": " + message} as the message
 * (see docs/protocol.md). Add a constant here rather than inventing codes elsewhere.
 */
public enum ErrorCode {
  INVALID_INPUT("invalid-input", 400),
  UNAUTHENTICATED("unauthenticated", 401),
  FORBIDDEN("forbidden", 403),
  NOT_FOUND("not-found", 404),
  CONFLICT("conflict", 409),
  WRONG_STATE("wrong-state", 409),
  TOO_LARGE("too-large", 413),
  RATE_LIMITED("rate-limited", 429),
  INTERNAL("internal", 500),
  STORAGE_UNAVAILABLE("storage-unavailable", 503);

  private final String code;
  private final int status;

  ErrorCode(String code, int status) {
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public static ErrorCode fromCode(String code) {
    for (ErrorCode c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    return INTERNAL;
  }
}
