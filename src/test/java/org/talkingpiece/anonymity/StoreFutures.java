package org.talkingpiece.anonymity;

import io.vertx.core.Future;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/** Turns an expected failure into success, and anything else into a failure naming what happened. */
final class StoreFutures {
  private StoreFutures() {}

  static Future<Void> failsWith(Future<?> future, ErrorCode code) {
    return future.transform(ar -> {
      if (ar.succeeded()) {
        return Future.failedFuture(new AssertionError("expected " + code + " but it succeeded"));
      }
      if (ar.cause() instanceof AppException e && e.code() == code) {
        return Future.succeededFuture();
      }
      return Future.failedFuture(new AssertionError("expected " + code + " but got " + ar.cause(), ar.cause()));
    });
  }
}
