package org.talkingpiece.anonymity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a pure rule decided and the store must write, as one unit. Each change is written so that it
 * is never half-applied: the roll is claimed first and given back if the content cannot be written.
 * None of these records prints content or refs in {@code toString()}.
 */
public sealed interface PromptChange {

  /**
   * An item joins the prompt; {@code release} is the batch this addition completes, in its shuffled
   * order (ids of held items, the new one included), or empty when nothing is released.
   */
  record ItemAdded(ParticipantRef who, int perPerson, AnonItem item, List<String> release) implements PromptChange {
    public ItemAdded {
      release = List.copyOf(release);
    }

    @Override
    public String toString() {
      return "ItemAdded[released=" + release.size() + "]";
    }
  }

  /** The holder of the key takes an item back; {@code who} gets their slot in the roll back. */
  record ItemWithdrawn(ParticipantRef who, String itemId, String keyHash) implements PromptChange {
    @Override
    public String toString() {
      return "ItemWithdrawn[]";
    }
  }

  /** The facilitator approved, hid, pinned or answered a released question. */
  record QuestionModerated(String questionId, QuestionFlags flags) implements PromptChange {}

  /**
   * One upvote added ({@code up}) or withdrawn; {@code shownVotes} is the new released snapshot of
   * every question's total when this vote completes a group, else empty.
   */
  record VoteChanged(ParticipantRef who, String questionId, boolean up, Optional<Map<String, Integer>> shownVotes)
      implements PromptChange {
    public VoteChanged {
      shownVotes = shownVotes.map(Map::copyOf);
    }

    @Override
    public String toString() {
      return "VoteChanged[released=" + shownVotes.isPresent() + "]";
    }
  }

  /** One poll answer; {@code shown} is the new released tally when this answer completes a group. */
  record PollAnswered(ParticipantRef who, Set<String> choices, Optional<PollCounts> shown) implements PromptChange {
    public PollAnswered {
      choices = Set.copyOf(choices);
    }

    @Override
    public String toString() {
      return "PollAnswered[released=" + shown.isPresent() + "]";
    }
  }

  /** The prompt stops or starts accepting input again. */
  record OpenChanged(boolean open) implements PromptChange {}
}
