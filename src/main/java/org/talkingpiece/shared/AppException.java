package org.talkingpiece.shared;

/**
 * A failure with a code the user can act on. The message names what was wrong and is safe to show:
 * it must never contain anonymous content, tokens or passwords.
 */
public final class AppException extends RuntimeException {
  private final ErrorCode code;

  public AppException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public AppException(ErrorCode code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static AppException invalid(String message) {
    return new AppException(ErrorCode.INVALID_INPUT, message);
  }

  public static AppException forbidden(String message) {
    return new AppException(ErrorCode.FORBIDDEN, message);
  }

  public static AppException notFound(String message) {
    return new AppException(ErrorCode.NOT_FOUND, message);
  }

  public static AppException wrongState(String message) {
    return new AppException(ErrorCode.WRONG_STATE, message);
  }
}
