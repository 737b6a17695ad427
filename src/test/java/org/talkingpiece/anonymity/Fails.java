package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/** Asserts that a rule refuses with the expected error code. */
final class Fails {
  private Fails() {}

  static void with(ErrorCode code, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(AppException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((AppException) e).code()).isEqualTo(code));
  }
}
