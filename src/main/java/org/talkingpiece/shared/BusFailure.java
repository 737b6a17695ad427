package org.talkingpiece.shared;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one encoding of a failure on the event bus: the failure code is the HTTP status of its
 * {@link ErrorCode} and the message is {@code "code: message"} (docs/protocol.md). Every reply that
 * fails and every reader of a failed reply goes through here, so the two sides cannot drift apart.
 */
public final class BusFailure {
  private static final Logger LOG = LoggerFactory.getLogger(BusFailure.class);
  private static final String SEPARATOR = ": ";

  private BusFailure() {}

  /** The wire message for a failure: {@code "forbidden: Only the facilitator can do this"}. */
  public static String message(ErrorCode code, String message) {
    return code.code() + SEPARATOR + message;
  }

  /** Fails {@code msg} with {@code code} and {@code message}. */
  public static void fail(Message<?> msg, ErrorCode code, String message) {
    msg.fail(code.status(), message(code, message));
  }

  /**
   * Fails {@code msg} with what {@code e} stands for. Anything that is not an {@link AppException} is
   * a bug: it is logged here and the sender is told only that something went wrong on our side.
   */
  public static void fail(Message<?> msg, Throwable e) {
    AppException app = asAppException(e);
    if (!(e instanceof AppException)) {
      LOG.error("A bus request failed unexpectedly", e);
    }
    fail(msg, app.code(), app.getMessage());
  }

  /**
   * Turns a failed request back into the error it stands for: a {@code "code: message"} reply into
   * its {@link AppException}, no owner or no answer into STORAGE_UNAVAILABLE saying so.
   */
  public static AppException decode(Throwable e) {
    if (e instanceof ReplyException r) {
      if (r.failureType() == ReplyFailure.NO_HANDLERS) {
        return new AppException(ErrorCode.STORAGE_UNAVAILABLE,
            "This session is not running on any server right now; try again in a few seconds");
      }
      if (r.failureType() == ReplyFailure.TIMEOUT) {
        return new AppException(ErrorCode.STORAGE_UNAVAILABLE, "The session did not answer in time");
      }
      String message = r.getMessage() == null ? "" : r.getMessage();
      int colon = message.indexOf(SEPARATOR);
      if (colon > 0) {
        return new AppException(ErrorCode.fromCode(message.substring(0, colon)), message.substring(colon + SEPARATOR.length()));
      }
    }
    return e instanceof AppException app ? app : new AppException(ErrorCode.INTERNAL, "Something went wrong on our side", e);
  }

  private static AppException asAppException(Throwable e) {
    return e instanceof AppException a ? a : new AppException(ErrorCode.INTERNAL, "Something went wrong on our side");
  }
}
