package org.talkingpiece.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/** Assertions that fit into a flat chain of store Futures. */
final class StoreTesting {
  private StoreTesting() {}

  /**
   * Succeeds when {@code future} failed with {@code code} and a message containing {@code words};
   * fails (with the reason) otherwise, so the chain after it stops.
   */
  static Future<Void> expectFailure(Future<?> future, ErrorCode code, String words) {
    return future.transform(ar -> {
      if (ar.succeeded()) {
        return Future.failedFuture(new AssertionError("expected " + code + " but it succeeded with " + ar.result()));
      }
      try {
        assertThat(ar.cause()).isInstanceOf(AppException.class);
        assertThat(((AppException) ar.cause()).code()).isEqualTo(code);
        assertThat(ar.cause().getMessage()).contains(words);
        return Future.succeededFuture();
      } catch (AssertionError e) {
        e.addSuppressed(ar.cause());
        return Future.failedFuture(e);
      }
    });
  }
}
