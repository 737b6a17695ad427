package org.talkingpiece.anonymity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.talkingpiece.shared.AppException;

/**
 * One poll: the live tally, the released tally, and the roll of who answered. Immutable; each rule
 * returns a {@link Step} to store before it is adopted. Owned by one session owner, used from its
 * thread only.
 *
 * <p>A vote is a tally increment and a roll entry, never a stored ballot: nothing records which person
 * chose what. The released tally follows the {@link ReleaseRule}: nothing until {@code k} people have
 * answered, then it moves only when at least a batch of new people have answered, so no single vote
 * can be read off a change on the screen. An answer is final (there is no ballot to take back).
 */
public final class PollState {
  private final PromptSettings settings;
  private final boolean open;
  private final Roll roll;
  private final PollCounts live;
  private final PollCounts shown;

  private PollState(PromptSettings settings, boolean open, Roll roll, PollCounts live, PollCounts shown) {
    this.settings = settings;
    this.open = open;
    this.roll = roll;
    this.live = live;
    this.shown = shown;
  }

  public static PollState open(PromptSettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (settings.kind() != PromptKind.POLL) {
      throw new IllegalArgumentException("only polls are kept in PollState");
    }
    PollCounts zero = PollCounts.zero(settings.poll());
    return new PollState(settings, true, Roll.empty(1), zero, zero);
  }

  public static PollState restore(StoredPrompt stored) {
    return new PollState(stored.settings(), stored.open(), Roll.of(1, stored.roll()), stored.counts(), stored.shownCounts());
  }

  /**
   * A participant answers. Single choice and scale take exactly one key; multiple choice takes one or
   * more; "prefer not to say" is always allowed and always alone.
   *
   * @throws AppException wrong-state when closed; invalid-input for unknown or badly combined
   *     choices; conflict when this person already answered
   */
  public Step<PollState> answer(ParticipantRef who, Set<String> choices) {
    Objects.requireNonNull(who, "who");
    if (!open) {
      throw AppException.wrongState("This poll is closed.");
    }
    validate(choices);
    Roll nextRoll = roll.claim(who);
    Map<String, Integer> counts = new LinkedHashMap<>(live.counts());
    choices.forEach(c -> counts.merge(c, 1, Integer::sum));
    PollCounts nextLive = new PollCounts(counts, live.respondents() + 1);

    boolean first = shown.respondents() == 0;
    int newPeople = nextLive.respondents() - shown.respondents();
    Optional<PollCounts> release = settings.rule().releases(first, newPeople, newPeople)
        ? Optional.of(nextLive) : Optional.empty();
    PollState next = new PollState(settings, open, nextRoll, nextLive, release.orElse(shown));
    return new Step<>(new PromptChange.PollAnswered(who, choices, release), next);
  }

  public Step<PollState> close() {
    return new Step<>(new PromptChange.OpenChanged(false), new PollState(settings, false, roll, live, shown));
  }

  public Step<PollState> reopen() {
    return new Step<>(new PromptChange.OpenChanged(true), new PollState(settings, true, roll, live, shown));
  }

  public PromptSettings settings() {
    return settings;
  }

  public boolean isOpen() {
    return open;
  }

  public boolean hasAnswered(ParticipantRef who) {
    return roll.countOf(who) > 0;
  }

  public PromptSummary summary() {
    return new PromptSummary(PromptKind.POLL, open, live.respondents(), shown.respondents(),
        live.respondents() - shown.respondents(), shown.respondents() > 0);
  }

  public Guarantee guarantee() {
    return Guarantee.of(settings);
  }

  /**
   * The released results: every option in option order, each count shown or hidden by the small-cell
   * rule, for a bar chart. Below the threshold the rows are empty and only {@code answered} is
   * meaningful.
   */
  public PollResult result() {
    int k = smallCellK(settings.rule());
    List<PollResult.Row> rows = new ArrayList<>();
    boolean released = shown.respondents() > 0;
    if (released) {
      List<PollSpec.PollOption> options = settings.poll().options();
      List<SmallCells.Cell> cells = cells(options, k);
      for (int i = 0; i < options.size(); i++) {
        rows.add(new PollResult.Row(options.get(i).key(), options.get(i).label(), cells.get(i)));
      }
    }
    return new PollResult(settings.poll().type(), released, rows, shown.respondents(), live.respondents(), k);
  }

  /**
   * The k of the small-cell rule: the prompt's threshold, and never below the lowest threshold a
   * session may have, even for a poll the facilitator chose to show as answers arrive.
   */
  static int smallCellK(ReleaseRule rule) {
    return Math.max(rule.threshold(), ReleaseRule.MIN_THRESHOLD);
  }

  /** The released counts through the small-cell rule, in option order ("prefer not to say" is last). */
  private List<SmallCells.Cell> cells(List<PollSpec.PollOption> options, int k) {
    int n = shown.respondents();
    if (settings.poll().type() != PollSpec.PollType.MULTIPLE) {
      int[] counts = options.stream().mapToInt(o -> shown.counts().getOrDefault(o.key(), 0)).toArray();
      return SmallCells.partition(counts, n, k);
    }
    int[] answers = options.stream().filter(o -> !PollSpec.PREFER_NOT_TO_SAY.equals(o.key()))
        .mapToInt(o -> shown.counts().getOrDefault(o.key(), 0)).toArray();
    int preferNot = shown.counts().getOrDefault(PollSpec.PREFER_NOT_TO_SAY, 0);
    List<SmallCells.Cell> cells = SmallCells.multipleChoice(answers, preferNot, n, k);
    // multipleChoice answers in the order given, then "prefer not to say": put each back at its option.
    List<SmallCells.Cell> inOrder = new ArrayList<>();
    int next = 0;
    for (PollSpec.PollOption o : options) {
      inOrder.add(PollSpec.PREFER_NOT_TO_SAY.equals(o.key()) ? cells.get(cells.size() - 1) : cells.get(next++));
    }
    return inOrder;
  }

  private void validate(Set<String> choices) {
    Objects.requireNonNull(choices, "choices");
    if (choices.isEmpty()) {
      throw AppException.invalid("Pick an answer, or \"Prefer not to say\".");
    }
    if (!live.counts().keySet().containsAll(choices)) {
      throw AppException.invalid("That is not one of this poll's answers.");
    }
    if (choices.size() > 1 && choices.contains(PollSpec.PREFER_NOT_TO_SAY)) {
      throw AppException.invalid("\"Prefer not to say\" cannot be combined with other answers.");
    }
    if (choices.size() > 1 && settings.poll().type() != PollSpec.PollType.MULTIPLE) {
      throw AppException.invalid("Pick one answer.");
    }
  }

  @Override
  public String toString() {
    return "PollState[" + summary() + "]";
  }
}
