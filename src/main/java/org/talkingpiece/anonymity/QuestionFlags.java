package org.talkingpiece.anonymity;

/**
 * What the facilitator decided about a released question.
 *
 * @param approved others may see it (only matters when the board is pre-moderated)
 * @param hidden nobody but the facilitator sees it
 * @param pinned shown first
 * @param answered marked as answered; it moves below the open questions
 */
public record QuestionFlags(boolean approved, boolean hidden, boolean pinned, boolean answered) {
  public static final QuestionFlags NONE = new QuestionFlags(false, false, false, false);
}
