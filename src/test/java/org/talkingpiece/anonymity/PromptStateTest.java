package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.shared.Ids;

class PromptStateTest {
  private final RandomGenerator random = new SplittableRandom(2024);

  static ParticipantRef p(int n) {
    return ParticipantRef.stored("person-" + n);
  }

  private PromptState write(PromptState s, int person, String text) {
    return s.submit(p(person), text, null, random).next();
  }

  private PromptState writeMany(PromptState s, int from, int to) {
    for (int i = from; i <= to; i++) {
      s = write(s, i, "answer " + i);
    }
    return s;
  }

  @Test
  @DisplayName("Nobody sees any reflection until k people have written; then all k appear at once")
  void thresholdIsAllOrNothing() {
    PromptState s = writeMany(PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(5))), 1, 4);
    assertThat(s.shown()).isEmpty();
    assertThat(s.summary()).isEqualTo(new PromptSummary(PromptKind.REFLECTION, true, 4, 0, 4, false));

    Step<PromptState> fifth = s.submit(p(5), "answer 5", null, random);
    assertThat(((PromptChange.ItemAdded) fifth.change()).release()).hasSize(5);
    assertThat(fifth.next().shown()).extracting(ShownItem::text)
        .containsExactlyInAnyOrder("answer 1", "answer 2", "answer 3", "answer 4", "answer 5");
    assertThat(fifth.next().shown()).extracting(ShownItem::batch).containsOnly(1);
  }

  @Test
  @DisplayName("Closing below k shows only how many answered")
  void closedBelowThreshold() {
    PromptState s = writeMany(PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(5))), 1, 3).close().next();
    assertThat(s.shown()).isEmpty();
    assertThat(s.summary().count()).isEqualTo(3);
    assertThat(s.summary().thresholdMet()).isFalse();
    Fails.with(ErrorCode.WRONG_STATE, () -> s.submit(p(9), "late", null, random));
  }

  @Test
  @DisplayName("The first release comes out in an order unrelated to the order people wrote in")
  void firstReleaseIsShuffled() {
    PromptState s = PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(12)));
    List<String> arrival = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      Step<PromptState> step = s.submit(p(i), "answer " + i, null, random);
      arrival.add(((PromptChange.ItemAdded) step.change()).item().id());
      s = step.next();
    }
    List<String> shownIds = s.shown().stream().map(ShownItem::id).toList();
    assertThat(shownIds).containsExactlyInAnyOrderElementsOf(arrival).isNotEqualTo(arrival)
        .as("not merely sorted by random id either: the batch itself is shuffled")
        .isNotEqualTo(arrival.stream().sorted().toList());
  }

  @Test
  @DisplayName("After the first release a new reflection waits until k more people have written, never shown alone")
  void laterItemsComeInBatches() {
    PromptState s = writeMany(PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(5))), 1, 5);
    assertThat(s.shown()).hasSize(5);
    for (int i = 6; i <= 9; i++) {
      s = write(s, i, "answer " + i);
      assertThat(s.shown()).as("after person %d", i).hasSize(5);
    }
    assertThat(s.summary().held()).isEqualTo(4);
    s = write(s, 10, "answer 10");
    assertThat(s.shown()).hasSize(10);
    assertThat(s.shown().subList(5, 10)).extracting(ShownItem::batch).containsOnly(2);
    assertThat(s.shown().subList(5, 10)).extracting(ShownItem::text)
        .containsExactlyInAnyOrder("answer 6", "answer 7", "answer 8", "answer 9", "answer 10");
  }

  @Test
  @DisplayName("Reflections still waiting when the prompt closes stay hidden; only their number shows")
  void heldAtCloseStayHidden() {
    PromptState s = writeMany(PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(3))), 1, 5).close().next();
    assertThat(s.shown()).hasSize(3);
    assertThat(s.summary()).isEqualTo(new PromptSummary(PromptKind.REFLECTION, false, 5, 3, 2, true));
  }

  @Test
  @DisplayName("One person writing several answers cannot make up a batch alone")
  void batchesNeedDifferentPeople() {
    PromptState s = PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(3), 1000, 3));
    s = write(write(write(s, 1, "a1"), 1, "a2"), 1, "a3");
    assertThat(s.shown()).as("three answers, one person").isEmpty();
    s = write(write(s, 2, "b1"), 3, "c1");
    assertThat(s.shown()).hasSize(5);

    s = write(write(s, 2, "b2"), 2, "b3");
    s = write(s, 3, "c2");
    assertThat(s.summary().held()).as("three held, two people").isEqualTo(3);
    assertThat(s.shown()).hasSize(5);
    s = write(s, 4, "d1");
    assertThat(s.shown()).hasSize(9);
  }

  @Test
  @DisplayName("Taking back a waiting answer also takes that person out of the next batch's count")
  void withdrawnWriterDoesNotCount() {
    PromptState s = writeMany(PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(3), 1000, 3)), 1, 3);
    assertThat(s.shown()).hasSize(3);
    s = write(write(s, 1, "a2"), 1, "a3");
    String key = Ids.secret();
    s = s.submit(p(2), "b2", key, random).next();
    s = s.withdraw(p(2), key).next();
    s = write(s, 3, "c2");
    assertThat(s.summary().held()).isEqualTo(3);
    assertThat(s.shown()).as("three waiting answers come from only two people").hasSize(3);
  }

  @Test
  @DisplayName("A participant can send one reflection, or as many as the prompt allows")
  void onePerPerson() {
    PromptState one = write(PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(5))), 1, "first");
    Fails.with(ErrorCode.CONFLICT, () -> one.submit(p(1), "second", null, random));
    assertThat(one.remainingFor(p(1))).isZero();

    PromptState two = PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(5), 1000, 2));
    PromptState after = write(write(two, 1, "first"), 1, "second");
    Fails.with(ErrorCode.CONFLICT, () -> after.submit(p(1), "third", null, random));
  }

  @Test
  @DisplayName("The writer can take an answer back with their key, and may then write again")
  void withdrawWithKey() {
    String key = Ids.secret();
    Step<PromptState> sent = PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(5)))
        .submit(p(1), "I regret this", key, random);
    AnonItem item = ((PromptChange.ItemAdded) sent.change()).item();
    assertThat(item.keyHash()).isEqualTo(WithdrawalKey.hash(key)).doesNotContain(key);

    Fails.with(ErrorCode.NOT_FOUND, () -> sent.next().withdraw(p(1), Ids.secret()));
    Step<PromptState> back = sent.next().withdraw(p(1), key);
    assertThat(back.change()).isEqualTo(new PromptChange.ItemWithdrawn(p(1), item.id(), item.keyHash()));
    assertThat(back.next().summary().count()).isZero();
    assertThat(back.next().remainingFor(p(1))).isEqualTo(1);
    Fails.with(ErrorCode.NOT_FOUND, () -> back.next().withdraw(p(1), key));
  }

  @Test
  @DisplayName("An answer already on screen can still be taken back, and disappears from it")
  void withdrawAfterRelease() {
    String key = Ids.secret();
    PromptState s = PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(3)))
        .submit(p(1), "mine", key, random).next();
    s = writeMany(s, 2, 3);
    assertThat(s.shown()).extracting(ShownItem::text).contains("mine");
    s = s.withdraw(p(1), key).next();
    assertThat(s.shown()).extracting(ShownItem::text).containsExactlyInAnyOrder("answer 2", "answer 3");
  }

  @Test
  @DisplayName("A browser must use a new key for each answer")
  void keyReuse() {
    String key = Ids.secret();
    PromptState s = PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(5), 1000, 2))
        .submit(p(1), "one", key, random).next();
    Fails.with(ErrorCode.CONFLICT, () -> s.submit(p(1), "two", key, random));
    Fails.with(ErrorCode.INVALID_INPUT, () -> s.submit(p(1), "two", "short", random));
  }

  @Test
  @DisplayName("With the immediate notice each answer is shown as soon as it is sent")
  void immediate() {
    PromptState s = write(PromptState.open(PromptSettings.reflection(ReleaseRule.immediateWithNotice())), 1, "now");
    assertThat(s.shown()).extracting(ShownItem::text).containsExactly("now");
    s = write(s, 2, "then");
    assertThat(s.shown()).extracting(ShownItem::batch).containsExactly(1, 2);
  }

  @Test
  @DisplayName("Reflections are cleaned and checked against the module's length limit")
  void textRules() {
    PromptState s = PromptState.open(PromptSettings.reflection(ReleaseRule.immediateWithNotice(), 50, 5));
    Fails.with(ErrorCode.INVALID_INPUT, () -> s.submit(p(1), "  \n ", null, random));
    Fails.with(ErrorCode.INVALID_INPUT, () -> s.submit(p(1), "x".repeat(51), null, random));
    PromptState ok = s.submit(p(1), "  line one\r\nline\u0007 two\u202e  ", null, random).next();
    assertThat(ok.shown().get(0).text()).isEqualTo("line one\nline two");
  }

  @Test
  @DisplayName("The word cloud counts released entries only")
  void wordcloud() {
    PromptState s = PromptState.open(PromptSettings.wordcloud(ReleaseRule.threshold(3), 3, 3));
    s = s.submit(p(1), "Hope!", null, random).next().submit(p(2), "hope", null, random).next();
    assertThat(s.cloud()).isEmpty();
    s = s.submit(p(3), "Fear", null, random).next();
    assertThat(s.cloud()).containsExactly(new WordCloud.WordCount("hope", 2), new WordCloud.WordCount("fear", 1));
    Fails.with(ErrorCode.INVALID_INPUT, () -> PromptState.open(PromptSettings.wordcloud(ReleaseRule.threshold(3), 1, 3))
        .submit(p(1), "two words", null, random));
  }

  @Test
  @DisplayName("After a restart the prompt shows exactly what it showed before, and keeps its roll")
  void restore() {
    PromptState s = writeMany(PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(3))), 1, 4);
    List<AnonItem> items = new ArrayList<>();
    s.shown().forEach(i -> items.add(new AnonItem(i.id(), i.text(), null)));
    items.add(new AnonItem(Ids.random(), "answer 4", null));
    List<List<String>> batches = List.of(s.shown().stream().map(ShownItem::id).toList());
    StoredPrompt stored = new StoredPrompt(PromptRef.of("s", "p"), s.settings(), true, items, batches,
        java.util.Map.of(p(1), 1, p(2), 1, p(3), 1, p(4), 1), java.util.Map.of(), java.util.Map.of(),
        java.util.Map.of(), null, null);
    PromptState restored = PromptState.restore(stored);
    assertThat(restored.shown()).isEqualTo(s.shown());
    assertThat(restored.summary()).isEqualTo(s.summary());
    Fails.with(ErrorCode.CONFLICT, () -> restored.submit(p(4), "again", null, random));
  }

  @Test
  @DisplayName("After a restart, waiting word-cloud entries are released without counting anyone twice")
  void restartNeverOvercountsWriters() {
    PromptState s = PromptState.open(PromptSettings.wordcloud(ReleaseRule.threshold(3), 3, 3));
    for (int i = 1; i <= 3; i++) {
      s = s.submit(p(i), "word " + i, null, random).next();
    }
    s = s.submit(p(1), "x", null, random).next().submit(p(1), "y", null, random).next();
    PromptState restarted = PromptState.restore(storedCopy(s));
    assertThat(restarted.summary().held()).isEqualTo(2);
    restarted = restarted.submit(p(2), "b", null, random).next();
    assertThat(restarted.shown()).as("three waiting entries could be from persons 1 and 2 only").hasSize(3);
    restarted = restarted.submit(p(3), "c", null, random).next();
    assertThat(restarted.shown()).as("four waiting entries, still possibly two people").hasSize(3);
    restarted = restarted.submit(p(4), "d", null, random).next();
    assertThat(restarted.shown()).hasSize(8);
  }

  /** What the store would hold for this state (items, batches, roll), as a restart reads it. */
  private static StoredPrompt storedCopy(PromptState s) {
    List<AnonItem> items = new ArrayList<>();
    s.shown().forEach(i -> items.add(new AnonItem(i.id(), i.text(), null)));
    for (int i = 0; i < s.summary().held(); i++) {
      items.add(new AnonItem(Ids.random(), "held " + i, null));
    }
    return new StoredPrompt(PromptRef.of("s", "p"), s.settings(), s.isOpen(), items,
        List.of(s.shown().stream().map(ShownItem::id).toList()),
        java.util.Map.of(p(1), 3, p(2), 1, p(3), 1), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), null, null);
  }

  @Test
  @DisplayName("Nothing about an answer leaks through toString into a log line")
  void noContentInToString() {
    Step<PromptState> step = PromptState.open(PromptSettings.reflection(ReleaseRule.immediateWithNotice()))
        .submit(p(1), "secret words", Ids.secret(), random);
    assertThat(step.change().toString() + step.next() + step.next().shown())
        .doesNotContain("secret words").doesNotContain("person-1");
  }
}
