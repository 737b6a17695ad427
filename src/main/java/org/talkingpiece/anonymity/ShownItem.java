package org.talkingpiece.anonymity;

/**
 * A released reflection or word-cloud entry, as screens show it.
 *
 * @param id the item's random id (for "put on the projector")
 * @param text the content
 * @param batch which release it came in: 1 for the first, then 2, 3… (never a time)
 */
public record ShownItem(String id, String text, int batch) {
  @Override
  public String toString() {
    return "ShownItem[id=" + id + ", batch=" + batch + "]";
  }
}
