package org.talkingpiece.report;

import static org.talkingpiece.airtime.Fixtures.spoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.talkingpiece.airtime.ActivityInfo;
import org.talkingpiece.airtime.Member;
import org.talkingpiece.floor.Turn;

/** A small ended session with awkward names, a self-identification category and anonymous results. */
public final class SampleSession {
  public static final String CATEGORY = "Gender";
  public static final String LARGE = "Woman";
  public static final String SMALL = "Nonbinary-unique-value";
  public static final String HOSTILE_NAME = "<b>&\"x\"";
  public static final String FORMULA_NAME = "=HYPERLINK(\"http://evil\",\"x\")";
  public static final String COMMA_NAME = "Ana, \"Annie\"\nSmith";
  public static final long END = 600_000;

  private SampleSession() {}

  public static List<Member> members() {
    List<Member> m = new ArrayList<>();
    m.add(new Member("p1", COMMA_NAME, 0, false, Map.of(CATEGORY, LARGE)));
    m.add(new Member("p2", HOSTILE_NAME, 0, false, Map.of(CATEGORY, LARGE)));
    m.add(new Member("p3", FORMULA_NAME, 0, false, Map.of(CATEGORY, LARGE)));
    m.add(new Member("p4", "Dee", 0, false, Map.of(CATEGORY, SMALL)));
    m.add(new Member("p5", "Eve", 0, false, Map.of(CATEGORY, Member.PREFER_NOT_TO_SAY)));
    m.add(new Member("p6", "Fay", 0, false, Map.of()));
    m.add(new Member("gone", "Removed Person", 0, true, Map.of(CATEGORY, SMALL)));
    return m;
  }

  public static List<Turn> turns() {
    return List.of(
        spoke(Turn.FACILITATOR, "intro", 0, 90),
        spoke("p1", "round", 100, 160),
        spoke("p2", "round", 160, 200),
        spoke("p4", "round", 200, 245),
        new Turn("p3", "round", "round", 245_000, 300_000, 10_000, -1, "expired"),
        spoke("gone", "discussion", 310, 330),
        spoke("p1", "discussion", 330, 400),
        spoke("p4", "discussion", 400, 430),
        spoke(Turn.FACILITATOR, "discussion", 430, 460),
        new Turn("p2", "discussion", "progressive", 470_000, -1, 0, -1, null)); // still open at the end
  }

  public static List<ActivityInfo> activities() {
    return List.of(
        new ActivityInfo("intro", "Welcome & <intro>", 0, 95_000),
        new ActivityInfo("round", "Opening round", 95_000, 305_000),
        new ActivityInfo("discussion", "Discussion", 305_000, -1));
  }

  public static AnonymousResults anonymous() {
    return new AnonymousResults(
        List.of(new AnonymousResults.RevealedPrompt("What stayed with you?",
            List.of("Being heard", "-1 for the slides", "Line one\nline two, \"quoted\""))),
        // 20 answered at k = 5: 10 and 6 are shown; the two small answers only say so.
        List.of(new AnonymousResults.PollResult("How safe did this feel?", List.of(
            AnonymousResults.PollOption.shown("Safe", 10), AnonymousResults.PollOption.shown("Unsure", 6),
            AnonymousResults.PollOption.hidden("Not yet", "fewer-than-k"),
            AnonymousResults.PollOption.hidden("Prefer not to say", "fewer-than-k")), 20, 5)),
        List.of(new AnonymousResults.WithheldPrompt("A question for the group", 2)));
  }

  /** k = 3: the LARGE group (3 members) is shown, the SMALL one (1 present member) never. */
  public static ReportInput input() {
    return new ReportInput(new SessionInfo("s-1", "Understanding Privilege", 2, 0, END),
        turns(), members(), activities(), anonymous(), 3, List.of(CATEGORY));
  }

  public static ReportDocument report() {
    return ReportDocument.build(input(), 9_999_999);
  }
}
