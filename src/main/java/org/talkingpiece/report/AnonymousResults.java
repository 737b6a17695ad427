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

  /**
   * A poll question and what may be said of each option's count, under the small-cell rule.
   *
   * @param respondents how many people answered in the released tally (always shown)
   * @param k the smallest group a shown count may single out, on either side
   */
  public record PollResult(String question, List<PollOption> options, long respondents, int k) {
    public PollResult {
      question = Objects.requireNonNullElse(question, "");
      options = List.copyOf(Objects.requireNonNullElse(options, List.of()));
      if (respondents < 0) {
        throw AppException.invalid("a poll's respondents cannot be negative");
      }
    }
  }

  /**
   * One poll option: its count when the small-cell rule lets it be shown, otherwise no count and the
   * reason ({@code fewer-than-k}, {@code all-but-fewer-than-k} or {@code withheld}).
   */
  public record PollOption(String label, Long count, String hidden) {
    public PollOption {
      label = Objects.requireNonNullElse(label, "");
      if ((count == null) == (hidden == null)) {
        throw new IllegalArgumentException("a poll option has either a count or a reason it is hidden");
      }
      if (count != null && count < 0) {
        throw AppException.invalid("a poll count cannot be negative");
      }
    }

    public static PollOption shown(String label, long count) {
      return new PollOption(label, count, null);
    }

    public static PollOption hidden(String label, String reason) {
      return new PollOption(label, null, reason);
    }

    /** The words a reader sees in place of a hidden count, for a group's k. */
    public String hiddenText(int k) {
      return switch (hidden) {
        case "fewer-than-k" -> "fewer than " + k;
        case "all-but-fewer-than-k" -> "all but fewer than " + k;
        default -> "not shown";
      };
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
