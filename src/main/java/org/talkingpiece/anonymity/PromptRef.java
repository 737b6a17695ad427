package org.talkingpiece.anonymity;

import java.util.Objects;

/**
 * Names one anonymous prompt: an activity of a session, in one round. Asking the same activity
 * again is a new round with its own threshold, roll and items, so a late round never mixes with an
 * earlier one (mixing would show which items are new).
 *
 * @param sessionId the session
 * @param promptId the activity id, or a random id for a prompt the facilitator started ad hoc
 * @param round 1 for the first time the prompt is asked, then 2, 3…
 */
public record PromptRef(String sessionId, String promptId, int round) {
  private static final int MAX_ID = 200;

  public PromptRef {
    requireId(sessionId, "sessionId");
    requireId(promptId, "promptId");
    if (round < 1) {
      throw new IllegalArgumentException("round starts at 1");
    }
  }

  public static PromptRef of(String sessionId, String promptId) {
    return new PromptRef(sessionId, promptId, 1);
  }

  static void requireId(String id, String name) {
    Objects.requireNonNull(id, name);
    if (id.isBlank() || id.length() > MAX_ID) {
      throw new IllegalArgumentException(name + " must be 1-" + MAX_ID + " characters");
    }
  }
}
