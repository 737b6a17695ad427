package org.talkingpiece.session;

import java.util.List;

/**
 * The events one command produced, stored as one document so they are applied all together or not
 * at all. {@code seq} numbers a session's commits from 1 without gaps and is the session's version.
 *
 * @param at the server's clock when the command was decided (epoch ms)
 */
public record Commit(String sessionId, long seq, long at, List<SessionEvent> events) {
  public Commit {
    events = List.copyOf(events);
  }
}
