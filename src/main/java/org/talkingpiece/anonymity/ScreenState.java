package org.talkingpiece.anonymity;

import java.util.List;
import java.util.Objects;

/**
 * What a session's screens show of anonymous input, stored so that a restart (or another node) shows
 * the same thing: the prompt on screen, the activity it was put there under, the items the facilitator
 * put on the projector, and the words of prompts the facilitator asked on the spot.
 *
 * <p>Holds nothing about participants and no anonymous content: projected items are ids only, and the
 * asks are the facilitator's own words.
 *
 * @param activityId the activity the agenda was on when {@code current} was chosen, or null before the start
 * @param current the prompt every screen shows, or null when none
 * @param projected ids of released items of {@code current} on the projector, in the facilitator's order
 * @param asks prompts the facilitator asked on the spot, in the order they were asked
 */
public record ScreenState(String activityId, PromptRef current, List<String> projected, List<Ask> asks) {
  /** The most items on the projector at once: more would not be readable from the back of a room. */
  public static final int MAX_PROJECTED = 5;
  /** The longest prompt a facilitator may type on the spot. */
  public static final int MAX_ASK = 500;

  /** A prompt asked on the spot, and what the facilitator asked. */
  public record Ask(String promptId, String text) {
    public Ask {
      Objects.requireNonNull(promptId, "promptId");
      Objects.requireNonNull(text, "text");
    }
  }

  public ScreenState {
    projected = List.copyOf(projected);
    asks = List.copyOf(asks);
  }

  public static ScreenState empty() {
    return new ScreenState(null, null, List.of(), List.of());
  }

  /** The same asks, now showing {@code prompt} (under {@code activity}) with nothing projected. */
  public ScreenState showing(String activity, PromptRef prompt) {
    return new ScreenState(activity, prompt, List.of(), asks);
  }

  public ScreenState withProjected(List<String> ids) {
    return new ScreenState(activityId, current, ids, asks);
  }

  public ScreenState withAsk(Ask ask) {
    List<Ask> more = new java.util.ArrayList<>(asks);
    more.add(ask);
    return new ScreenState(activityId, current, projected, more);
  }

  /** What the facilitator asked for this prompt, or null for an activity's own prompt. */
  public String askFor(String promptId) {
    return asks.stream().filter(a -> a.promptId().equals(promptId)).map(Ask::text).findFirst().orElse(null);
  }
}
