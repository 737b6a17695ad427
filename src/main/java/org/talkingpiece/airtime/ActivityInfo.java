package org.talkingpiece.airtime;

import java.util.Objects;
import org.talkingpiece.shared.AppException;

/**
 * One agenda activity as the report sees it.
 *
 * @param id the activity id, as used in {@code Turn.activityId()}
 * @param title the activity's title
 * @param startedAt when the activity started (epoch ms), or {@code -1} if it never ran
 * @param endedAt when it ended, or {@code -1} while it runs or if it never ran
 */
public record ActivityInfo(String id, String title, long startedAt, long endedAt) {
  public ActivityInfo {
    if (id == null || id.isBlank()) {
      throw AppException.invalid("an activity needs an id");
    }
    title = Objects.requireNonNullElse(title, id);
  }
}
