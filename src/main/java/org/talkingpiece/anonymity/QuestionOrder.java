package org.talkingpiece.anonymity;

import java.util.Comparator;

/**
 * How a question board is sorted. Pinned questions come first and answered ones last in both.
 * "Newest" means newest release batch: inside a batch the order is the batch's random order, so
 * sorting never tells which question arrived last.
 */
public enum QuestionOrder {
  VOTES,
  NEWEST;

  Comparator<QuestionView> comparator() {
    Comparator<QuestionView> c = Comparator.comparing((QuestionView q) -> !q.flags().pinned())
        .thenComparing(q -> q.flags().answered());
    if (this == VOTES) {
      c = c.thenComparing(Comparator.comparingInt(QuestionView::votes).reversed());
    }
    return c.thenComparing(Comparator.comparingInt(QuestionView::batch).reversed());
  }
}
