package org.talkingpiece.anonymity;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

/**
 * The question-specific part of a prompt: the facilitator's flags, and upvotes. Immutable; owned by
 * the {@link PromptState} of a questions prompt.
 *
 * <p>Upvotes: one per person per question, withdrawable. Live totals are kept, but screens get a
 * released snapshot that changes only once at least {@code batchSize} different people have voted or
 * withdrawn a vote since the last snapshot; otherwise a total going up as someone taps would show
 * what that person supports. The set of recent voters lives in memory only and starts empty after a
 * restart, which can only delay a snapshot.
 */
final class QuestionBoard {
  private final int batchSize;
  private final Map<String, QuestionFlags> flags;
  private final Map<String, Integer> votes;
  private final Map<String, Integer> shownVotes;
  private final Map<String, Set<ParticipantRef>> voters;
  private final Set<ParticipantRef> recentVoters;

  private QuestionBoard(int batchSize, Map<String, QuestionFlags> flags, Map<String, Integer> votes,
      Map<String, Integer> shownVotes, Map<String, Set<ParticipantRef>> voters, Set<ParticipantRef> recentVoters) {
    this.batchSize = batchSize;
    this.flags = Collections.unmodifiableMap(flags);
    this.votes = Collections.unmodifiableMap(votes);
    this.shownVotes = Collections.unmodifiableMap(shownVotes);
    this.voters = Collections.unmodifiableMap(voters);
    this.recentVoters = Collections.unmodifiableSet(recentVoters);
  }

  static QuestionBoard empty(int batchSize) {
    return new QuestionBoard(batchSize, Map.of(), Map.of(), Map.of(), Map.of(), Set.of());
  }

  /** Rebuilds from the store; live totals are the number of voters on each question's roll. */
  static QuestionBoard restore(int batchSize, Map<String, QuestionFlags> flags,
      Map<String, Set<ParticipantRef>> voters, Map<String, Integer> shownVotes) {
    Map<String, Integer> votes = new HashMap<>();
    Map<String, Set<ParticipantRef>> copy = new HashMap<>();
    voters.forEach((q, refs) -> {
      copy.put(q, Set.copyOf(refs));
      votes.put(q, refs.size());
    });
    return new QuestionBoard(batchSize, new HashMap<>(flags), votes, new TreeMap<>(shownVotes), copy, Set.of());
  }

  /** The result of a vote: the new board, and the new snapshot if this vote completed a group. */
  record Voted(QuestionBoard board, Optional<Map<String, Integer>> snapshot) {}

  QuestionFlags flags(String questionId) {
    return flags.getOrDefault(questionId, QuestionFlags.NONE);
  }

  int shownVotes(String questionId) {
    return shownVotes.getOrDefault(questionId, 0);
  }

  int liveVotes(String questionId) {
    return votes.getOrDefault(questionId, 0);
  }

  boolean hasVoted(ParticipantRef who, String questionId) {
    return voters.getOrDefault(questionId, Set.of()).contains(who);
  }

  QuestionBoard moderate(String questionId, QuestionFlags newFlags) {
    Map<String, QuestionFlags> next = new HashMap<>(flags);
    next.put(questionId, newFlags);
    return new QuestionBoard(batchSize, next, votes, shownVotes, voters, recentVoters);
  }

  /**
   * Adds ({@code up}) or withdraws {@code who}'s vote on a question.
   *
   * @throws AppException conflict when voting twice, or withdrawing a vote that was not given
   */
  Voted vote(ParticipantRef who, String questionId, boolean up) {
    Set<ParticipantRef> onQuestion = new HashSet<>(voters.getOrDefault(questionId, Set.of()));
    if (up ? !onQuestion.add(who) : !onQuestion.remove(who)) {
      throw new AppException(ErrorCode.CONFLICT,
          up ? "You have already voted for this question." : "You have not voted for this question.");
    }
    Map<String, Set<ParticipantRef>> nextVoters = new HashMap<>(voters);
    nextVoters.put(questionId, Set.copyOf(onQuestion));
    Map<String, Integer> nextVotes = new HashMap<>(votes);
    nextVotes.put(questionId, onQuestion.size());
    Set<ParticipantRef> recent = new TreeSet<>(recentVoters);
    recent.add(who);
    if (recent.size() < batchSize) {
      return new Voted(new QuestionBoard(batchSize, flags, nextVotes, shownVotes, nextVoters, recent), Optional.empty());
    }
    Map<String, Integer> snapshot = new TreeMap<>();
    nextVotes.forEach((q, n) -> {
      if (n > 0) {
        snapshot.put(q, n);
      }
    });
    return new Voted(new QuestionBoard(batchSize, flags, nextVotes, snapshot, nextVoters, Set.of()),
        Optional.of(Collections.unmodifiableMap(snapshot)));
  }

  /** Forgets a withdrawn question, its flags and its votes. */
  QuestionBoard remove(String questionId) {
    Map<String, QuestionFlags> f = new HashMap<>(flags);
    Map<String, Integer> v = new HashMap<>(votes);
    Map<String, Integer> s = new TreeMap<>(shownVotes);
    Map<String, Set<ParticipantRef>> r = new HashMap<>(voters);
    f.remove(questionId);
    v.remove(questionId);
    s.remove(questionId);
    r.remove(questionId);
    return new QuestionBoard(batchSize, f, v, s, r, recentVoters);
  }
}
