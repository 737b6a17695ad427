package org.talkingpiece.anonymity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One prompt as read back from the store, to rebuild {@link PromptState} or {@link PollState}.
 *
 * @param prompt which prompt
 * @param settings as fixed when it opened
 * @param open whether it accepts input
 * @param items every item, sorted by id (empty for polls)
 * @param batches released ids, batch by batch, each in its shuffled order
 * @param roll items (or answers) per participant ref
 * @param flags the facilitator's decisions per question (questions only)
 * @param voters upvoting refs per question (questions only)
 * @param shownVotes released vote totals per question (questions only)
 * @param counts the live poll tally (polls only, else null)
 * @param shownCounts the released poll tally (polls only, else null)
 */
public record StoredPrompt(
    PromptRef prompt, PromptSettings settings, boolean open, List<AnonItem> items, List<List<String>> batches,
    Map<ParticipantRef, Integer> roll, Map<String, QuestionFlags> flags, Map<String, Set<ParticipantRef>> voters,
    Map<String, Integer> shownVotes, PollCounts counts, PollCounts shownCounts) {

  public StoredPrompt {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(settings, "settings");
    items = List.copyOf(items);
    batches = batches.stream().map(List::copyOf).toList();
    roll = Map.copyOf(roll);
    flags = Map.copyOf(flags);
    voters = Map.copyOf(voters);
    shownVotes = Map.copyOf(shownVotes);
  }

  @Override
  public String toString() {
    return "StoredPrompt[" + prompt + ", items=" + items.size() + "]";
  }
}
