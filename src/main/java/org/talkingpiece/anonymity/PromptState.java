package org.talkingpiece.anonymity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.shared.Ids;

/**
 * One reflection, question board or word cloud: its items, what has been released, and the roll.
 * Immutable; every rule returns a {@link Step} to store before it is adopted.
 *
 * <p>Threading: owned by one session owner and used from its thread only; steps of one prompt are
 * made and applied one at a time.
 *
 * <p>Invariants: items are kept by random id, never in arrival order; nothing is visible until the
 * {@link ReleaseRule} releases it; each release is shuffled with the injected generator; the set of
 * people who wrote since the last release ({@code recentWriters}) is kept in memory only, never
 * stored or shown; after a restart it starts empty and a safe lower bound takes its place.
 */
public final class PromptState {
  private final PromptSettings settings;
  private final boolean open;
  private final SortedMap<String, AnonItem> items;
  private final List<List<String>> batches;
  private final Map<String, int[]> released;
  private final Roll roll;
  private final Map<ParticipantRef, Integer> recentWriters;
  private final QuestionBoard board;

  private PromptState(PromptSettings settings, boolean open, SortedMap<String, AnonItem> items,
      List<List<String>> batches, Roll roll, Map<ParticipantRef, Integer> recentWriters, QuestionBoard board) {
    this.settings = settings;
    this.open = open;
    this.items = Collections.unmodifiableSortedMap(items);
    this.batches = List.copyOf(batches);
    this.roll = roll;
    this.recentWriters = Map.copyOf(recentWriters);
    this.board = board;
    Map<String, int[]> positions = new HashMap<>();
    for (int b = 0; b < this.batches.size(); b++) {
      List<String> batch = this.batches.get(b);
      for (int i = 0; i < batch.size(); i++) {
        positions.put(batch.get(i), new int[] {b + 1, i});
      }
    }
    this.released = positions;
  }

  /** A newly opened prompt, empty. Polls use {@link PollState}. */
  public static PromptState open(PromptSettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (settings.kind() == PromptKind.POLL) {
      throw new IllegalArgumentException("polls are kept in PollState");
    }
    QuestionBoard board = settings.kind() == PromptKind.QUESTIONS
        ? QuestionBoard.empty(settings.rule().batchSize()) : null;
    return new PromptState(settings, true, new TreeMap<>(), List.of(), Roll.empty(settings.perPerson()), Map.of(), board);
  }

  /** The state as it was stored, after a restart or on another node. */
  public static PromptState restore(StoredPrompt stored) {
    PromptSettings s = stored.settings();
    TreeMap<String, AnonItem> items = new TreeMap<>();
    stored.items().forEach(i -> items.put(i.id(), i));
    List<List<String>> batches = stored.batches().stream()
        .map(b -> b.stream().filter(items::containsKey).toList()).toList();
    QuestionBoard board = s.kind() == PromptKind.QUESTIONS
        ? QuestionBoard.restore(s.rule().batchSize(), stored.flags(), stored.voters(), stored.shownVotes()) : null;
    return new PromptState(s, stored.open(), items, batches, Roll.of(s.perPerson(), stored.roll()), Map.of(), board);
  }

  /**
   * A participant sends an item.
   *
   * @param who the writer's ref in this prompt (goes to the roll, never beside the item)
   * @param raw the text, or the word-cloud entry
   * @param withdrawalKey the secret the writer's browser keeps to take the item back, or null
   * @param random shuffles a batch if this item completes one
   * @throws AppException wrong-state when closed; invalid-input for bad text or key; conflict when
   *     the writer has no slot left or reuses a key
   */
  public Step<PromptState> submit(ParticipantRef who, String raw, String withdrawalKey, RandomGenerator random) {
    Objects.requireNonNull(who, "who");
    requireOpen();
    String content = settings.kind() == PromptKind.WORDCLOUD
        ? WordCloud.normalise(raw, settings.maxWords())
        : TextRules.clean(raw, settings.maxLength());
    String keyHash = withdrawalKey == null ? null : WithdrawalKey.hash(withdrawalKey);
    if (keyHash != null && items.values().stream().anyMatch(i -> keyHash.equals(i.keyHash()))) {
      throw new AppException(ErrorCode.CONFLICT, "This withdrawal key is already used; reload the page.");
    }
    Roll nextRoll = roll.claim(who);
    AnonItem item = new AnonItem(Ids.random(), content, keyHash);
    TreeMap<String, AnonItem> nextItems = new TreeMap<>(items);
    nextItems.put(item.id(), item);
    Map<ParticipantRef, Integer> recent = new HashMap<>(recentWriters);
    recent.merge(who, 1, Integer::sum);

    boolean first = batches.isEmpty();
    int held = heldCount() + 1;
    int writers = first ? nextRoll.people() : heldWriters(recent, held);
    List<String> release = List.of();
    List<List<String>> nextBatches = batches;
    if (settings.rule().releases(first, held, writers)) {
      List<String> heldIds = nextItems.keySet().stream().filter(id -> !released.containsKey(id)).toList();
      release = Shuffle.shuffled(heldIds, random);
      nextBatches = new ArrayList<>(batches);
      nextBatches.add(release);
      recent = Map.of();
    }
    PromptState next = new PromptState(settings, open, nextItems, nextBatches, nextRoll, recent, board);
    return new Step<>(new PromptChange.ItemAdded(who, settings.perPerson(), item, release), next);
  }

  /**
   * The holder of a withdrawal key takes the item back, released or not (the participant screen warns
   * that a released item may already have been read). The item is deleted, not hidden, and
   * {@code who} gets a slot back.
   *
   * @throws AppException not-found when no item has this key
   */
  public Step<PromptState> withdraw(ParticipantRef who, String withdrawalKey) {
    Objects.requireNonNull(who, "who");
    String keyHash = WithdrawalKey.hash(withdrawalKey);
    AnonItem item = items.values().stream().filter(i -> keyHash.equals(i.keyHash())).findFirst()
        .orElseThrow(() -> AppException.notFound("There is nothing to take back: it was already removed."));
    TreeMap<String, AnonItem> nextItems = new TreeMap<>(items);
    nextItems.remove(item.id());
    List<List<String>> nextBatches = batches.stream()
        .map(b -> b.stream().filter(id -> !id.equals(item.id())).toList()).toList();
    Map<ParticipantRef, Integer> recent = new HashMap<>(recentWriters);
    if (!released.containsKey(item.id())) {
      recent.computeIfPresent(who, (k, n) -> n > 1 ? n - 1 : null);
    }
    QuestionBoard nextBoard = board == null ? null : board.remove(item.id());
    PromptState next = new PromptState(settings, open, nextItems, nextBatches, roll.release(who), recent, nextBoard);
    return new Step<>(new PromptChange.ItemWithdrawn(who, item.id(), keyHash), next);
  }

  /** Stops accepting items. Held items stay hidden; only their number is shown. */
  public Step<PromptState> close() {
    return new Step<>(new PromptChange.OpenChanged(false), withOpen(false));
  }

  /** Accepts items again; held items are released once enough new ones complete a batch. */
  public Step<PromptState> reopen() {
    return new Step<>(new PromptChange.OpenChanged(true), withOpen(true));
  }

  /**
   * The facilitator approves, hides, pins or answers a released question.
   *
   * @throws AppException not-found for an unknown or not yet released question (the same answer, so
   *     the reply never tells that a held question exists)
   */
  public Step<PromptState> moderate(String questionId, QuestionFlags flags) {
    requireQuestions();
    Objects.requireNonNull(flags, "flags");
    if (!released.containsKey(questionId)) {
      throw AppException.notFound("There is no such question.");
    }
    PromptState next = new PromptState(settings, open, new TreeMap<>(items), batches, roll, recentWriters,
        board.moderate(questionId, flags));
    return new Step<>(new PromptChange.QuestionModerated(questionId, flags), next);
  }

  /**
   * A participant adds ({@code up}) or withdraws an upvote on a question they can see.
   *
   * @throws AppException wrong-state when closed; not-found when the question is not visible to
   *     participants; conflict for a second vote or withdrawing a vote not given
   */
  public Step<PromptState> vote(ParticipantRef who, String questionId, boolean up) {
    requireQuestions();
    requireOpen();
    if (!visibleToParticipants(questionId)) {
      throw AppException.notFound("There is no such question.");
    }
    QuestionBoard.Voted voted = board.vote(who, questionId, up);
    PromptState next = new PromptState(settings, open, new TreeMap<>(items), batches, roll, recentWriters, voted.board());
    return new Step<>(new PromptChange.VoteChanged(who, questionId, up, voted.snapshot()), next);
  }

  public PromptSettings settings() {
    return settings;
  }

  public boolean isOpen() {
    return open;
  }

  public PromptSummary summary() {
    return new PromptSummary(settings.kind(), open, items.size(), released.size(), heldCount(), !batches.isEmpty());
  }

  /** The plain-words guarantee the participant screen shows for this prompt. */
  public Guarantee guarantee() {
    return Guarantee.of(settings);
  }

  /** Released items, batch by batch, each batch in its shuffled order. Empty below the threshold. */
  public List<ShownItem> shown() {
    List<ShownItem> out = new ArrayList<>();
    for (int b = 0; b < batches.size(); b++) {
      for (String id : batches.get(b)) {
        out.add(new ShownItem(id, items.get(id).text(), b + 1));
      }
    }
    return List.copyOf(out);
  }

  /** The word cloud of released entries, most frequent first. */
  public List<WordCloud.WordCount> cloud() {
    return WordCloud.count(shown().stream().map(ShownItem::text).toList());
  }

  /**
   * The question board. The facilitator sees every released question, text and flags only, hidden
   * ones included (pending approval when pre-moderated); participants and the projector see released
   * questions that are not hidden and, when pre-moderated, approved.
   */
  public List<QuestionView> questions(QuestionOrder order, boolean forFacilitator) {
    requireQuestions();
    List<QuestionView> out = new ArrayList<>();
    for (ShownItem item : shown()) {
      if (forFacilitator || visibleToParticipants(item.id())) {
        out.add(new QuestionView(item.id(), item.text(), item.batch(), board.shownVotes(item.id()), board.flags(item.id())));
      }
    }
    out.sort(order.comparator());
    return List.copyOf(out);
  }

  /** Whether {@code who} has an upvote on the question (for the participant's own screen). */
  public boolean hasVoted(ParticipantRef who, String questionId) {
    requireQuestions();
    return board.hasVoted(who, questionId);
  }

  /** Items this participant may still send. */
  public int remainingFor(ParticipantRef who) {
    return Math.max(0, settings.perPerson() - roll.countOf(who));
  }

  Optional<Integer> liveVotes(String questionId) {
    return board == null ? Optional.empty() : Optional.of(board.liveVotes(questionId));
  }

  private boolean visibleToParticipants(String questionId) {
    if (!released.containsKey(questionId)) {
      return false;
    }
    QuestionFlags f = board.flags(questionId);
    return !f.hidden() && (!settings.premoderation() || f.approved());
  }

  /**
   * A lower bound on how many different people wrote the held items: the people who wrote since the
   * last release, and never fewer than {@code held / perPerson} rounded up (nobody can hold more than
   * perPerson items). After a restart the first set is empty, and the bound keeps releases going
   * without ever counting one person twice; with one item per person it is exact.
   */
  private int heldWriters(Map<ParticipantRef, Integer> recent, int held) {
    return Math.max(recent.size(), (held + settings.perPerson() - 1) / settings.perPerson());
  }

  private int heldCount() {
    return items.size() - released.size();
  }

  private PromptState withOpen(boolean nextOpen) {
    return new PromptState(settings, nextOpen, new TreeMap<>(items), batches, roll, recentWriters, board);
  }

  private void requireOpen() {
    if (!open) {
      throw AppException.wrongState("This prompt is closed.");
    }
  }

  private void requireQuestions() {
    if (board == null) {
      throw AppException.wrongState("This prompt is not a question board.");
    }
  }

  @Override
  public String toString() {
    return "PromptState[" + summary() + "]";
  }
}
