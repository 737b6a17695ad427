package org.talkingpiece.anonymity.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.talkingpiece.anonymity.PollResult;
import org.talkingpiece.anonymity.PromptKind;
import org.talkingpiece.anonymity.PromptSummary;
import org.talkingpiece.anonymity.QuestionOrder;
import org.talkingpiece.anonymity.QuestionView;
import org.talkingpiece.anonymity.ScreenState;
import org.talkingpiece.anonymity.ShownItem;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.report.AnonymousResults;

/**
 * What a session's report shows of its anonymous input: only what the rules released, in the order
 * it was released (batch by batch, each shuffled). Hidden questions stay out. A prompt that never
 * reached its threshold appears with its count only. Pure.
 */
final class AnonymousReport {
  private AnonymousReport() {}

  static AnonymousResults of(List<LivePrompt> prompts, ScreenState screen, Module module) {
    List<LivePrompt> ordered = new ArrayList<>(prompts);
    ordered.sort(Comparator.comparingInt((LivePrompt p) -> position(p, screen, module))
        .thenComparingInt(p -> p.ref().round()));
    List<AnonymousResults.RevealedPrompt> revealed = new ArrayList<>();
    List<AnonymousResults.PollResult> polls = new ArrayList<>();
    List<AnonymousResults.WithheldPrompt> withheld = new ArrayList<>();
    for (LivePrompt p : ordered) {
      String title = title(p, screen, module);
      PromptSummary summary = p.summary();
      if (!summary.thresholdMet()) {
        if (summary.count() > 0) {
          withheld.add(new AnonymousResults.WithheldPrompt(title, summary.count()));
        }
      } else if (p.kind() == PromptKind.POLL) {
        PollResult result = p.poll().result();
        polls.add(new AnonymousResults.PollResult(title, result.rows().stream()
            .map(r -> r.hidden() == null ? AnonymousResults.PollOption.shown(r.label(), r.count().getAsInt())
                : AnonymousResults.PollOption.hidden(r.label(), AnonViews.hiddenWire(r.hidden())))
            .toList(), result.respondents(), result.k()));
      } else if (p.kind() == PromptKind.QUESTIONS) {
        revealed.add(new AnonymousResults.RevealedPrompt(title, p.items().questions(QuestionOrder.NEWEST, true).stream()
            .filter(q -> !q.flags().hidden()).map(QuestionView::text).toList()));
      } else {
        revealed.add(new AnonymousResults.RevealedPrompt(title, p.items().shown().stream().map(ShownItem::text).toList()));
      }
    }
    return new AnonymousResults(revealed, polls, withheld);
  }

  /** Agenda order, then prompts asked on the spot in the order they were asked. */
  private static int position(LivePrompt p, ScreenState screen, Module module) {
    List<Activity> activities = module.activities();
    for (int i = 0; i < activities.size(); i++) {
      if (activities.get(i).id().equals(p.ref().promptId())) {
        return i;
      }
    }
    for (int i = 0; i < screen.asks().size(); i++) {
      if (screen.asks().get(i).promptId().equals(p.ref().promptId())) {
        return activities.size() + i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static String title(LivePrompt p, ScreenState screen, Module module) {
    String ask = screen.askFor(p.ref().promptId());
    if (ask != null) {
      return ask;
    }
    String title = module.activity(p.ref().promptId()).map(Activity::title).orElse(p.ref().promptId());
    return p.ref().round() > 1 ? title + " (round " + p.ref().round() + ")" : title;
  }
}
