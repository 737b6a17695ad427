package org.talkingpiece.anonymity;

import java.util.Objects;
import org.talkingpiece.shared.AppException;

/**
 * How one anonymous prompt behaves; fixed when the prompt opens, so participants always write under
 * the guarantee they were shown. Ranges and defaults follow docs/module-format.md.
 *
 * @param kind the mechanic
 * @param rule when input becomes visible
 * @param maxLength most characters per reflection or question (0 for polls and word clouds)
 * @param perPerson most items one person may have in the prompt at a time (1 for polls)
 * @param premoderation questions only: the facilitator approves each question before others see it
 * @param maxWords word clouds only: most words per entry, 1-3 (0 otherwise)
 * @param poll polls only: what is asked (null otherwise)
 */
public record PromptSettings(
    PromptKind kind, ReleaseRule rule, int maxLength, int perPerson, boolean premoderation,
    int maxWords, PollSpec poll) {

  /** Questions have no per-person setting in modules; this keeps one person from flooding the board. */
  public static final int QUESTIONS_PER_PERSON = 3;

  public PromptSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    switch (kind) {
      case REFLECTION -> {
        range(maxLength, 50, 4000, "maxLength");
        range(perPerson, 1, 5, "perPerson");
      }
      case QUESTIONS -> range(maxLength, 50, 1000, "maxLength");
      case WORDCLOUD -> {
        range(maxWords, 1, WordCloud.MAX_WORDS, "maxWords");
        range(perPerson, 1, 5, "perPerson");
      }
      case POLL -> Objects.requireNonNull(poll, "a poll needs its options");
    }
    if (kind == PromptKind.QUESTIONS) {
      perPerson = QUESTIONS_PER_PERSON;
    } else {
      premoderation = false;
    }
    if (kind == PromptKind.POLL) {
      perPerson = 1;
    } else {
      poll = null;
    }
    if (kind != PromptKind.WORDCLOUD) {
      maxWords = 0;
    }
    if (kind == PromptKind.POLL || kind == PromptKind.WORDCLOUD) {
      maxLength = 0;
    }
  }

  public static PromptSettings reflection(ReleaseRule rule, int maxLength, int perPerson) {
    return new PromptSettings(PromptKind.REFLECTION, rule, maxLength, perPerson, false, 0, null);
  }

  /** A reflection with the module defaults: 1000 characters, one per person. */
  public static PromptSettings reflection(ReleaseRule rule) {
    return reflection(rule, 1000, 1);
  }

  public static PromptSettings questions(ReleaseRule rule, int maxLength, boolean premoderation) {
    return new PromptSettings(PromptKind.QUESTIONS, rule, maxLength, QUESTIONS_PER_PERSON, premoderation, 0, null);
  }

  /** A question board with the module defaults: 280 characters, pre-moderation on. */
  public static PromptSettings questions(ReleaseRule rule) {
    return questions(rule, 280, true);
  }

  public static PromptSettings wordcloud(ReleaseRule rule, int maxWords, int perPerson) {
    return new PromptSettings(PromptKind.WORDCLOUD, rule, 0, perPerson, false, maxWords, null);
  }

  public static PromptSettings poll(ReleaseRule rule, PollSpec poll) {
    return new PromptSettings(PromptKind.POLL, rule, 0, 1, false, 0, poll);
  }

  private static void range(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw AppException.invalid(name + " must be between " + min + " and " + max + ".");
    }
  }
}
