package org.talkingpiece.anonymity;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * Who took part in one prompt and how many items each has there: no content, no time. Kept sorted
 * by ref so that neither memory nor the stored roll lists people in the order they wrote. Immutable.
 *
 * @param perPerson the most items one person may have at a time
 * @param counts items per person (refs with no item are absent)
 */
record Roll(int perPerson, SortedMap<ParticipantRef, Integer> counts) {
  Roll {
    counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
  }

  static Roll empty(int perPerson) {
    return new Roll(perPerson, new TreeMap<>());
  }

  static Roll of(int perPerson, Map<ParticipantRef, Integer> counts) {
    return new Roll(perPerson, new TreeMap<>(counts));
  }

  /**
   * One more item for {@code who}.
   *
   * @throws AppException conflict when {@code who} already has {@code perPerson} items
   */
  Roll claim(ParticipantRef who) {
    int had = counts.getOrDefault(who, 0);
    if (had >= perPerson) {
      throw new AppException(ErrorCode.CONFLICT, perPerson == 1
          ? "You have already answered here."
          : "You have already sent " + perPerson + " answers here, the most allowed.");
    }
    TreeMap<ParticipantRef, Integer> next = new TreeMap<>(counts);
    next.put(who, had + 1);
    return new Roll(perPerson, next);
  }

  /** One item fewer for {@code who} (after a withdrawal); unchanged if {@code who} has none. */
  Roll release(ParticipantRef who) {
    Integer had = counts.get(who);
    if (had == null) {
      return this;
    }
    TreeMap<ParticipantRef, Integer> next = new TreeMap<>(counts);
    if (had <= 1) {
      next.remove(who);
    } else {
      next.put(who, had - 1);
    }
    return new Roll(perPerson, next);
  }

  /** How many different people have at least one item. */
  int people() {
    return counts.size();
  }

  int countOf(ParticipantRef who) {
    return counts.getOrDefault(who, 0);
  }

  @Override
  public String toString() {
    return "Roll[people=" + counts.size() + "]";
  }
}
