package org.talkingpiece.anonymity;

import org.talkingpiece.shared.AppException;

/**
 * When the anonymous input of one prompt becomes visible to anyone, the facilitator included.
 *
 * <p>The threshold rule: nothing is shown until at least {@code threshold} items exist <em>and</em>
 * at least {@code threshold} different people wrote them; then all of them are released together,
 * shuffled. After that first release, new items are held and released together in batches of at
 * least {@link #batchSize()} items from at least {@link #batchSize()} different people. Whoever
 * watches the screen therefore only ever learns that an item came from one of the people who wrote
 * in that batch, never from one person. Items still held when the prompt closes stay hidden: only
 * their number is shown. The reasoning is in docs/anonymity.md.
 *
 * <p>The immediate rule ({@link #immediateWithNotice()}) releases every item as it arrives. It may
 * only be used when participants saw that notice before writing; a prompt's rule is fixed when it
 * opens and never changes while it runs.
 *
 * @param threshold the session's k (3 or more), or 1 for the immediate rule
 * @param immediate whether items are released as they arrive
 */
public record ReleaseRule(int threshold, boolean immediate) {
  /** The smallest k a facilitator may choose (for a small group, with participants told). */
  public static final int MIN_THRESHOLD = 3;
  /** The usual minimum cell size, and the session default. */
  public static final int DEFAULT_THRESHOLD = 5;
  public static final int MAX_THRESHOLD = 100;

  public ReleaseRule {
    if (immediate && threshold != 1) {
      throw new IllegalArgumentException("the immediate rule has threshold 1");
    }
    if (!immediate && (threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD)) {
      throw AppException.invalid("The anonymity threshold must be between " + MIN_THRESHOLD
          + " and " + MAX_THRESHOLD + ".");
    }
  }

  /** Nothing shown until {@code k} people have written; then shuffled batches of at least {@code k}. */
  public static ReleaseRule threshold(int k) {
    return new ReleaseRule(k, false);
  }

  /** Every item shown as soon as it arrives; participants must be told before they write. */
  public static ReleaseRule immediateWithNotice() {
    return new ReleaseRule(1, true);
  }

  /**
   * The smallest group released together after the first release. It equals the threshold: a late
   * writer is hidden among as many people as an early one, so the plain-words promise ("in groups of
   * at least k") holds for every item, not only for the first k.
   */
  public int batchSize() {
    return threshold;
  }

  /**
   * Whether the held items are released now.
   *
   * @param first whether nothing of this prompt has been released yet
   * @param held items written but not yet released
   * @param writers different people who wrote the held items; for the first release the people who
   *     have any item in the prompt, later the people who wrote since the last release
   */
  boolean releases(boolean first, int held, int writers) {
    int need = first ? threshold : batchSize();
    return held > 0 && held >= need && writers >= need;
  }
}
