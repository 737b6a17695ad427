package org.talkingpiece.curriculum;

/** The live mechanic of an activity (SPEC "Concepts: Activity"). */
public enum ActivityType {
  /** Facilitator input; no live input from participants. */
  TALK(false),
  /** A go-around: the floor passes person to person, each may speak or pass. */
  ROUND(true),
  /** Open floor with a queue. */
  DISCUSSION(true),
  /** Anonymous written reflection. */
  REFLECTION(true),
  /** Anonymous question board with upvotes. */
  QUESTIONS(true),
  /** Anonymous choice or scale. */
  POLL(true),
  /** Anonymous words shown as a cloud. */
  WORDCLOUD(true),
  /** Timed pair work; no live input. */
  PAIRS(false),
  /** Timed break; no live input. */
  BREAK(false);

  private final boolean liveInput;

  ActivityType(boolean liveInput) {
    this.liveInput = liveInput;
  }

  /** Whether participants act on their screens during this activity (floor or anonymous input). */
  public boolean hasLiveInput() {
    return liveInput;
  }

  /** Whether participants' input is anonymous (reflection, questions, poll, word cloud). */
  public boolean isAnonymous() {
    return this == REFLECTION || this == QUESTIONS || this == POLL || this == WORDCLOUD;
  }

  /** As written in documents, e.g. {@code wordcloud}. */
  public String wireName() {
    return Wire.name(this);
  }

  public static ActivityType fromWire(String text) {
    return Wire.parse(ActivityType.class, text);
  }
}
