package org.talkingpiece.anonymity.live;

import org.talkingpiece.anonymity.Guarantee;
import org.talkingpiece.anonymity.PollState;
import org.talkingpiece.anonymity.PromptKind;
import org.talkingpiece.anonymity.PromptRef;
import org.talkingpiece.anonymity.PromptSettings;
import org.talkingpiece.anonymity.PromptState;
import org.talkingpiece.anonymity.PromptSummary;
import org.talkingpiece.anonymity.Step;

/**
 * One prompt as its session's feature holds it: which prompt, and its pure state, either a
 * {@link PromptState} (reflection, questions, word cloud) or a {@link PollState}. Immutable; the
 * feature replaces it once a step is stored.
 */
record LivePrompt(PromptRef ref, PromptState items, PollState poll) {

  static LivePrompt of(PromptRef ref, PromptSettings settings) {
    return settings.kind() == PromptKind.POLL
        ? new LivePrompt(ref, null, PollState.open(settings))
        : new LivePrompt(ref, PromptState.open(settings), null);
  }

  LivePrompt with(PromptState next) {
    return new LivePrompt(ref, next, null);
  }

  LivePrompt with(PollState next) {
    return new LivePrompt(ref, null, next);
  }

  PromptSettings settings() {
    return poll != null ? poll.settings() : items.settings();
  }

  PromptKind kind() {
    return settings().kind();
  }

  boolean isOpen() {
    return poll != null ? poll.isOpen() : items.isOpen();
  }

  PromptSummary summary() {
    return poll != null ? poll.summary() : items.summary();
  }

  Guarantee guarantee() {
    return Guarantee.of(settings());
  }

  /** The step that opens or closes this prompt, whatever its mechanic. */
  Opening setOpen(boolean open) {
    if (poll != null) {
      Step<PollState> step = open ? poll.reopen() : poll.close();
      return new Opening(step.change(), with(step.next()));
    }
    Step<PromptState> step = open ? items.reopen() : items.close();
    return new Opening(step.change(), with(step.next()));
  }

  record Opening(org.talkingpiece.anonymity.PromptChange change, LivePrompt next) {}

  @Override
  public String toString() {
    return "LivePrompt[" + ref.promptId() + "#" + ref.round() + ", " + summary() + "]";
  }
}
