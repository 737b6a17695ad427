package org.talkingpiece.anonymity;

import io.vertx.core.Future;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/** Store steps and expected failures as links of a flat chain of store Futures. */
final class StoreFutures {
  private StoreFutures() {}

  /** Applies a pure step to the store and yields the state to adopt, as a session owner does. */
  static <S> Future<S> applied(AnonymousStore store, PromptRef prompt, Step<S> step) {
    return store.apply(prompt, step.change()).map(v -> step.next());
  }

  /** Turns an expected failure into success, and anything else into a failure naming what happened. */
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
