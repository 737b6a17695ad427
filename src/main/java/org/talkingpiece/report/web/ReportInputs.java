package org.talkingpiece.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.talkingpiece.airtime.ActivityInfo;
import org.talkingpiece.airtime.Member;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.report.AnonymousResults;
import org.talkingpiece.report.ReportInput;
import org.talkingpiece.report.SessionInfo;
import org.talkingpiece.session.Participant;
import org.talkingpiece.session.SessionState;

/**
 * Turns a session folded from its log into what the report is computed from. Pure and stateless: the
 * caller owns the {@link SessionState} (built for this one report, so no other thread touches it).
 */
final class ReportInputs {
  private ReportInputs() {}

  /**
   * The report's input for {@code state}.
   *
   * @param moduleTitle the pinned module's title
   * @param agenda the pinned module's activities in agenda order; empty when the module could not be read
   *     (the breakdown then names activities by id)
   * @param anonymous the released anonymous results, already merged from every feature
   */
  static ReportInput from(SessionState state, String moduleTitle, List<Activity> agenda, AnonymousResults anonymous) {
    SessionInfo session = new SessionInfo(state.id(), moduleTitle, state.moduleVersion(), state.startedAt(),
        state.endedAt());
    List<Member> members = new ArrayList<>();
    for (Participant p : state.participants()) {
      members.add(new Member(p.id(), p.name(), p.joinedAt(), p.removed(), p.selfId()));
    }
    // Categories sorted by name: the settings keep no order, and a report must read the same every time.
    List<String> categories = state.settings().selfIdCategories().keySet().stream().sorted().toList();
    return new ReportInput(session, state.floor().turns(), members, activities(state, agenda), anonymous,
        state.settings().anonymityThreshold(), categories);
  }

  /**
   * One entry per agenda activity: from the start of its first run to the end of its last, or {@code -1}
   * for an end while the last run is still open or for an activity that never ran.
   */
  static List<ActivityInfo> activities(SessionState state, List<Activity> agenda) {
    List<ActivityInfo> out = new ArrayList<>(agenda.size());
    List<SessionState.ActivityRun> runs = state.activityRuns();
    for (int i = 0; i < agenda.size(); i++) {
      long start = -1;
      long end = -1;
      for (SessionState.ActivityRun run : runs) {
        if (run.index() == i) {
          start = start < 0 ? run.startedAt() : start;
          end = run.endedAt();
        }
      }
      Activity a = agenda.get(i);
      out.add(new ActivityInfo(a.id(), a.title(), start, start < 0 ? -1 : end));
    }
    return out;
  }

  /** Every feature's results in one, in feature order, each feature's own order kept (already shuffled). */
  static AnonymousResults merge(List<AnonymousResults> parts) {
    List<AnonymousResults.RevealedPrompt> revealed = new ArrayList<>();
    List<AnonymousResults.PollResult> polls = new ArrayList<>();
    List<AnonymousResults.WithheldPrompt> withheld = new ArrayList<>();
    for (AnonymousResults part : parts) {
      AnonymousResults p = Objects.requireNonNullElse(part, AnonymousResults.none());
      revealed.addAll(p.revealed());
      polls.addAll(p.polls());
      withheld.addAll(p.withheld());
    }
    return new AnonymousResults(revealed, polls, withheld);
  }
}
