package org.talkingpiece.report;

import java.util.List;
import java.util.Objects;
import org.talkingpiece.shared.AppException;

/**
 * What the anonymity feature has already released, passed into the report as it is.
 *
 * <p>Contract: the caller passes only what the release rules allow anyone to see. Texts of a prompt
 * below its threshold never come here: such a prompt appears in {@link #withheld()} with its count only.
 * This class adds nothing that links an item to a person and keeps the given order (already shuffled).
 *
 * @param revealed prompts with the texts released so far
 * @param polls poll results that reached their threshold
 * @param withheld prompts that stayed below their threshold, with their count only
 */
public record AnonymousResults(
    List<RevealedPrompt> revealed, List<PollResult> polls, List<WithheldPrompt> withheld) {

  public AnonymousResults {
    revealed = List.copyOf(Objects.requireNonNullElse(revealed, List.of()));
    polls = List.copyOf(Objects.requireNonNullElse(polls, List.of()));
    withheld = List.copyOf(Objects.requireNonNullElse(withheld, List.of()));
  }

  public static AnonymousResults none() {
    return new AnonymousResults(List.of(), List.of(), List.of());
  }

  /** A prompt (reflection or question board) and the texts released from it. */
  public record RevealedPrompt(String prompt, List<String> texts) {
    public RevealedPrompt {
      prompt = Objects.requireNonNullElse(prompt, "");
      texts = List.copyOf(Objects.requireNonNullElse(texts, List.of()));
    }
  }

  /** A poll question and how many chose each option. */
  public record PollResult(String question, List<PollOption> options) {
    public PollResult {
      question = Objects.requireNonNullElse(question, "");
      options = List.copyOf(Objects.requireNonNullElse(options, List.of()));
    }

    public long total() {
      return options.stream().mapToLong(PollOption::count).sum();
    }
  }

  /** One poll option and its count. */
  public record PollOption(String label, long count) {
    public PollOption {
      label = Objects.requireNonNullElse(label, "");
      if (count < 0) {
        throw AppException.invalid("a poll count cannot be negative");
      }
    }
  }

  /** A prompt that stayed below its threshold: only how many wrote, never what. */
  public record WithheldPrompt(String prompt, long count) {
    public WithheldPrompt {
      prompt = Objects.requireNonNullElse(prompt, "");
      if (count < 0) {
        throw AppException.invalid("a count cannot be negative");
      }
    }
  }
}
