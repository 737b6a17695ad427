package org.talkingpiece.report;

import java.util.Objects;
import org.talkingpiece.shared.AppException;

/**
 * The session facts printed at the top of a report.
 *
 * @param id the session id
 * @param moduleTitle the pinned module's title
 * @param moduleVersion the pinned module version
 * @param startedAt when the session went live (epoch ms), or {@code -1} if it never did
 * @param endedAt when it ended, or {@code -1} while it is still live
 */
public record SessionInfo(String id, String moduleTitle, int moduleVersion, long startedAt, long endedAt) {
  public SessionInfo {
    if (id == null || id.isBlank()) {
      throw AppException.invalid("a session needs an id");
    }
    moduleTitle = Objects.requireNonNullElse(moduleTitle, "");
  }

  boolean ended() {
    return endedAt >= 0;
  }
}
