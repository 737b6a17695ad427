package org.talkingpiece.anonymity;

/**
 * A released question, as a screen shows it. There is deliberately no time and no author.
 *
 * @param id the question's random id (for votes and moderation)
 * @param text the question
 * @param batch which release it came in (1, 2, …)
 * @param votes the vote total as last released (it changes only in groups, see {@link ReleaseRule})
 * @param flags the facilitator's decisions
 */
public record QuestionView(String id, String text, int batch, int votes, QuestionFlags flags) {
  @Override
  public String toString() {
    return "QuestionView[id=" + id + ", batch=" + batch + ", votes=" + votes + "]";
  }
}
