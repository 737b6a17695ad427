package org.talkingpiece.anonymity;

import java.util.Objects;

/**
 * One anonymous item as stored: a random id (never an ObjectId, which embeds a time), the content,
 * and the hash of its withdrawal key. Nothing about who wrote it or when.
 *
 * @param id random, from {@link org.talkingpiece.shared.Ids#random()}
 * @param text the cleaned text, or the normalised word-cloud entry
 * @param keyHash {@link WithdrawalKey#hash(String)} of the writer's key, or null when none was given
 */
public record AnonItem(String id, String text, String keyHash) {
  public AnonItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }

  /** Leaves the content and key hash out, so an item can never end up in a log by accident. */
  @Override
  public String toString() {
    return "AnonItem[id=" + id + "]";
  }
}
