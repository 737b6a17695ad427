package org.talkingpiece.anonymity;

/**
 * The guarantee that applies to a prompt, in plain words, for the participant screen to show before
 * anyone writes. The words must stay true to the rules in {@link ReleaseRule}, {@link PromptState}
 * and {@link PollState}; GuaranteeTest pins them.
 *
 * @param headline a few words for the label above the input, e.g. "Anonymous"
 * @param text the full guarantee, a few short sentences
 */
public record Guarantee(String headline, String text) {

  /** Shown before a participant confirms taking back an item that is already visible. */
  public static final String WITHDRAW_AFTER_RELEASE =
      "This is already on screen. Taking it back deletes it everywhere, the report included, but people"
      + " may already have read it, and may notice it disappear now.";

  public static Guarantee of(PromptSettings settings) {
    Noun n = Noun.of(settings.kind());
    String notStored = "Your name is not stored with your " + n.one + ". ";
    String tail = settings.kind() == PromptKind.POLL
        ? "\"Prefer not to say\" is always there. An answer cannot be changed once sent."
        : "You can take your " + n.one + " back from this device.";
    if (settings.rule().immediate()) {
      return new Guarantee("Shown at once",
          notStored + "But " + n.many + " are shown as soon as they are sent, one by one, so people in the"
          + " room may be able to tell who wrote what. Share only what you are comfortable with others"
          + " linking to you. " + tail);
    }
    int k = settings.rule().threshold();
    String text = notStored
        + "Nobody, including the facilitator, will see " + n.any + " until at least " + k + " people have "
        + n.done + "; then " + n.grows + " in groups of at least " + k + ", in a random order. "
        + (settings.premoderation()
            ? "The facilitator reads them first and chooses which ones everyone sees. " : "")
        + (settings.kind() == PromptKind.QUESTIONS
            ? "Vote totals change only after at least " + k + " people have voted, so nobody can tell how you voted. "
            : "")
        + "If fewer than " + k + " people take part, only the number is shown. "
        + tail;
    return new Guarantee("Anonymous", text);
  }

  /** The guarantee beside the "ouch" and "pause" buttons. */
  public static Guarantee signals() {
    return new Guarantee("Nobody sees who",
        "The facilitator sees at once how many people tapped \"ouch\" or \"pause\", never who. Only the"
        + " number is kept.");
  }

  private record Noun(String one, String many, String any, String done, String grows) {
    static Noun of(PromptKind kind) {
      return switch (kind) {
        case REFLECTION -> new Noun("answer", "answers", "any answer", "answered", "answers are shown");
        case QUESTIONS -> new Noun("question", "questions", "any question", "asked one", "questions are shown");
        case WORDCLOUD -> new Noun("words", "words", "any words", "sent some", "the cloud grows");
        case POLL -> new Noun("answer", "answers", "any results", "answered", "results change");
      };
    }
  }
}
