package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.anonymity.PromptStateTest.p;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.shared.ErrorCode;

class QuestionBoardTest {
  private static final QuestionFlags APPROVED = new QuestionFlags(true, false, false, false);
  private final RandomGenerator random = new SplittableRandom(99);

  private PromptState ask(PromptState s, int from, int to) {
    for (int i = from; i <= to; i++) {
      s = s.submit(p(i), "question " + i + "?", null, random).next();
    }
    return s;
  }

  private String idOf(PromptState s, String text) {
    return s.questions(QuestionOrder.NEWEST, true).stream().filter(q -> q.text().equals(text)).findFirst().orElseThrow().id();
  }

  private PromptState approveAll(PromptState s) {
    for (QuestionView q : s.questions(QuestionOrder.NEWEST, true)) {
      s = s.moderate(q.id(), APPROVED).next();
    }
    return s;
  }

  @Test
  @DisplayName("With pre-moderation the facilitator sees questions only once k exist, and participants only approved ones")
  void premoderation() {
    PromptState s = ask(PromptState.open(PromptSettings.questions(ReleaseRule.threshold(3))), 1, 2);
    assertThat(s.questions(QuestionOrder.NEWEST, true)).as("facilitator below k").isEmpty();
    s = ask(s, 3, 3);
    assertThat(s.questions(QuestionOrder.NEWEST, true)).hasSize(3);
    assertThat(s.questions(QuestionOrder.NEWEST, false)).as("nothing approved yet").isEmpty();

    s = s.moderate(idOf(s, "question 2?"), APPROVED).next();
    assertThat(s.questions(QuestionOrder.NEWEST, false)).extracting(QuestionView::text).containsExactly("question 2?");
  }

  @Test
  @DisplayName("Without pre-moderation participants see released questions unless the facilitator hides one")
  void hiding() {
    PromptState s = ask(PromptState.open(PromptSettings.questions(ReleaseRule.threshold(3), 280, false)), 1, 3);
    assertThat(s.questions(QuestionOrder.NEWEST, false)).hasSize(3);
    String hidden = idOf(s, "question 1?");
    s = s.moderate(hidden, new QuestionFlags(false, true, false, false)).next();
    assertThat(s.questions(QuestionOrder.NEWEST, false)).extracting(QuestionView::id).doesNotContain(hidden);
    assertThat(s.questions(QuestionOrder.NEWEST, true)).extracting(QuestionView::id).contains(hidden);
    PromptState after = s;
    Fails.with(ErrorCode.NOT_FOUND, () -> after.vote(p(9), hidden, true));
  }

  @Test
  @DisplayName("The facilitator cannot act on a question that is still held back, and is not told it exists")
  void heldQuestionsAreInvisible() {
    PromptState s = ask(PromptState.open(PromptSettings.questions(ReleaseRule.threshold(3))), 1, 2);
    String held = ((PromptChange.ItemAdded) s.submit(p(3), "x?", null, random).change()).item().id();
    Fails.with(ErrorCode.NOT_FOUND, () -> s.moderate(held, APPROVED));
    Fails.with(ErrorCode.NOT_FOUND, () -> s.moderate("no-such-id", APPROVED));
  }

  @Test
  @DisplayName("A participant can upvote a question once, take the vote back, and vote again")
  void oneVotePerPerson() {
    PromptState s = approveAll(ask(PromptState.open(PromptSettings.questions(ReleaseRule.threshold(3))), 1, 3));
    String q = idOf(s, "question 1?");
    PromptState voted = s.vote(p(7), q, true).next();
    assertThat(voted.hasVoted(p(7), q)).isTrue();
    Fails.with(ErrorCode.CONFLICT, () -> voted.vote(p(7), q, true));
    PromptState unvoted = voted.vote(p(7), q, false).next();
    assertThat(unvoted.hasVoted(p(7), q)).isFalse();
    Fails.with(ErrorCode.CONFLICT, () -> unvoted.vote(p(7), q, false));
    assertThat(unvoted.vote(p(7), q, true).next().liveVotes(q)).contains(1);
  }

  @Test
  @DisplayName("Vote totals on screen change only after k different people have voted")
  void votesReleasedInGroups() {
    PromptState s = approveAll(ask(PromptState.open(PromptSettings.questions(ReleaseRule.threshold(3))), 1, 3));
    String q1 = idOf(s, "question 1?");
    String q2 = idOf(s, "question 2?");
    s = s.vote(p(7), q1, true).next().vote(p(7), q2, true).next().vote(p(8), q1, true).next();
    assertThat(s.questions(QuestionOrder.VOTES, false)).extracting(QuestionView::votes).containsOnly(0);

    Step<PromptState> third = s.vote(p(9), q2, true);
    assertThat(((PromptChange.VoteChanged) third.change()).shownVotes()).contains(java.util.Map.of(q1, 2, q2, 2));
    assertThat(third.next().questions(QuestionOrder.VOTES, false)).extracting(QuestionView::votes).containsExactly(2, 2, 0);
  }

  @Test
  @DisplayName("Questions sort by votes or by newest batch; pinned first, answered last")
  void ordering() {
    PromptState s = ask(PromptState.open(PromptSettings.questions(ReleaseRule.threshold(3), 280, false)), 1, 3);
    s = ask(s, 4, 6);
    List<QuestionView> newest = s.questions(QuestionOrder.NEWEST, false);
    assertThat(newest).extracting(QuestionView::batch).containsExactly(2, 2, 2, 1, 1, 1);

    String old = idOf(s, "question 1?");
    for (int voter = 10; voter < 13; voter++) {
      s = s.vote(p(voter), old, true).next();
    }
    assertThat(s.questions(QuestionOrder.VOTES, false).get(0).id()).isEqualTo(old);

    String pinned = idOf(s, "question 2?");
    String answered = old;
    s = s.moderate(pinned, new QuestionFlags(false, false, true, false)).next()
        .moderate(answered, new QuestionFlags(false, false, false, true)).next();
    List<QuestionView> byVotes = s.questions(QuestionOrder.VOTES, false);
    assertThat(byVotes.get(0).id()).isEqualTo(pinned);
    assertThat(byVotes.get(byVotes.size() - 1).id()).isEqualTo(answered);
  }

  @Test
  @DisplayName("A withdrawn question disappears from the board with its votes")
  void withdrawQuestion() {
    String key = org.talkingpiece.shared.Ids.secret();
    PromptState s = PromptState.open(PromptSettings.questions(ReleaseRule.threshold(3), 280, false))
        .submit(p(1), "mine?", key, random).next();
    s = ask(s, 2, 3);
    String mine = idOf(s, "mine?");
    s = s.vote(p(5), mine, true).next().withdraw(p(1), key).next();
    assertThat(s.questions(QuestionOrder.VOTES, true)).extracting(QuestionView::id).doesNotContain(mine);
    assertThat(s.liveVotes(mine)).contains(0);
  }
}
