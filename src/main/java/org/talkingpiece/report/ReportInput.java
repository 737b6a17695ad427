package org.talkingpiece.report;

import java.util.List;
import java.util.Objects;
import org.talkingpiece.airtime.ActivityInfo;
import org.talkingpiece.airtime.Member;
import org.talkingpiece.floor.Turn;

/**
 * Everything a session report is built from, gathered by the session feature.
 *
 * @param session the session facts for the report's heading
 * @param turns every turn of the session, any order
 * @param members everyone who joined, removed ones included (they are left out of every figure)
 * @param activities the agenda's activities, in agenda order
 * @param anonymous what the anonymity feature has released (see {@link AnonymousResults})
 * @param k the session's anonymity threshold
 * @param categories the facilitator's self-identification categories; empty for none
 */
public record ReportInput(
    SessionInfo session,
    List<Turn> turns,
    List<Member> members,
    List<ActivityInfo> activities,
    AnonymousResults anonymous,
    int k,
    List<String> categories) {

  public ReportInput {
    Objects.requireNonNull(session, "session");
    turns = List.copyOf(turns);
    members = List.copyOf(members);
    activities = List.copyOf(activities);
    anonymous = Objects.requireNonNullElse(anonymous, AnonymousResults.none());
    categories = List.copyOf(categories);
  }
}
