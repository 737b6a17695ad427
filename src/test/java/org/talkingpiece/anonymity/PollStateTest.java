package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.anonymity.PromptStateTest.p;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.anonymity.PollResult.Row;
import org.talkingpiece.shared.ErrorCode;

class PollStateTest {
  private static final String PNTS = PollSpec.PREFER_NOT_TO_SAY;

  private static PollState single(int k) {
    return PollState.open(PromptSettings.poll(ReleaseRule.threshold(k), PollSpec.single(List.of("Yes", "No"))));
  }

  private static PollState answer(PollState s, int person, String... choices) {
    return s.answer(p(person), Set.of(choices)).next();
  }

  @Test
  @DisplayName("Every poll offers \"Prefer not to say\", last")
  void preferNotToSayAlwaysThere() {
    assertThat(PollSpec.single(List.of("Yes", "No")).options()).extracting(PollSpec.PollOption::label)
        .containsExactly("Yes", "No", "Prefer not to say");
    assertThat(PollSpec.scale(1, 5, "Disagree", "Agree").options()).extracting(PollSpec.PollOption::key)
        .containsExactly("1", "2", "3", "4", "5", PNTS);
    Fails.with(ErrorCode.INVALID_INPUT, () -> PollSpec.single(List.of("Yes", "Prefer not to say")));
    Fails.with(ErrorCode.INVALID_INPUT, () -> PollSpec.single(List.of("Only one")));
    Fails.with(ErrorCode.INVALID_INPUT, () -> PollSpec.scale(1, 12, "", ""));
  }

  @Test
  @DisplayName("Nobody sees poll results until k people have answered; then every option, its count hidden below k")
  void threshold() {
    PollState s = answer(answer(single(3), 1, "1"), 2, "2");
    assertThat(s.result().released()).isFalse();
    assertThat(s.result().rows()).isEmpty();
    assertThat(s.result().answered()).isEqualTo(2);

    s = answer(s, 3, PNTS);
    PollResult r = s.result();
    assertThat(r.released()).isTrue();
    assertThat(r.k()).isEqualTo(3);
    SmallCells.Cell fewer = new SmallCells.Hidden(SmallCells.Reason.FEWER_THAN_K);
    assertThat(r.rows()).containsExactly(new Row("1", "Yes", fewer), new Row("2", "No", fewer),
        new Row(PNTS, "Prefer not to say", fewer));
    assertThat(r.share(r.rows().get(0))).isEmpty();
  }

  @Test
  @DisplayName("After the first results, the chart moves only when k more people have answered; counts that would"
      + " give a hidden one away are withheld")
  void laterStepsInGroups() {
    PollState s = answer(answer(answer(single(3), 1, "1"), 2, "1"), 3, "1");
    s = answer(answer(s, 4, "2"), 5, "2");
    assertThat(s.result().respondents()).isEqualTo(3);
    assertThat(s.result().answered()).isEqualTo(5);
    assertThat(s.summary().held()).isEqualTo(2);
    Step<PollState> sixth = s.answer(p(6), Set.of("2"));
    assertThat(((PromptChange.PollAnswered) sixth.change()).shown()).isPresent();
    // 3, 3 and 0 of 6: showing the two 3s would say that nobody preferred not to say.
    assertThat(sixth.next().result().rows()).extracting(Row::hidden)
        .containsOnly(SmallCells.Reason.WITHHELD);
    s = answer(answer(answer(sixth.next(), 7, PNTS), 8, PNTS), 9, PNTS);
    PollResult nine = s.result();
    assertThat(nine.rows()).extracting(r -> r.count().getAsInt()).containsExactly(3, 3, 3);
    assertThat(nine.share(nine.rows().get(0))).hasValue(1.0 / 3);
  }

  @Test
  @DisplayName("Multiple choice counts each option against the number of people, \"prefer not to say\" last")
  void multipleChoice() {
    PollState s = PollState.open(PromptSettings.poll(ReleaseRule.threshold(3), PollSpec.multiple(List.of("A", "B", "C"))));
    s = answer(answer(answer(s, 1, "1", "2"), 2, "1", "2", "3"), 3, "1");
    s = answer(answer(answer(s, 4, "2"), 5, "1", "3"), 6, PNTS);
    PollResult r = s.result();
    assertThat(r.respondents()).isEqualTo(6);
    assertThat(r.rows()).extracting(Row::key).containsExactly("1", "2", "3", PNTS);
    assertThat(r.rows()).extracting(Row::cell)
        .containsExactlyElementsOf(SmallCells.multipleChoice(new int[] {4, 3, 2}, 1, 6, 3));
    assertThat(r.rows().get(0).hidden()).as("4 of 6 leaves 2 who did not: under k").isNotNull();
    assertThat(r.rows().get(2).hidden()).as("2 of 6 chose C: under k").isNotNull();
    PollState done = s;
    Fails.with(ErrorCode.INVALID_INPUT, () -> done.answer(p(7), Set.of("1", PNTS)));
    Fails.with(ErrorCode.INVALID_INPUT, () -> done.answer(p(7), Set.of()));
  }

  @Test
  @DisplayName("A poll shown as answers arrive still hides counts below the lowest threshold a session may have")
  void immediatePoll() {
    PollState s = PollState.open(PromptSettings.poll(ReleaseRule.immediateWithNotice(), PollSpec.single(List.of("Yes", "No"))));
    s = answer(s, 1, "1");
    assertThat(s.result().released()).isTrue();
    assertThat(s.result().k()).isEqualTo(ReleaseRule.MIN_THRESHOLD);
    assertThat(s.result().rows()).allSatisfy(r -> assertThat(r.count()).isEmpty());
  }

  @Test
  @DisplayName("One answer per person; single choice and scale take exactly one known option")
  void rules() {
    PollState s = answer(single(3), 1, "1");
    Fails.with(ErrorCode.CONFLICT, () -> s.answer(p(1), Set.of("2")));
    Fails.with(ErrorCode.INVALID_INPUT, () -> s.answer(p(2), Set.of("1", "2")));
    Fails.with(ErrorCode.INVALID_INPUT, () -> s.answer(p(2), Set.of("7")));
    assertThat(s.hasAnswered(p(1))).isTrue();
    PollState closed = s.close().next();
    Fails.with(ErrorCode.WRONG_STATE, () -> closed.answer(p(2), Set.of("1")));

    PollState scale = PollState.open(PromptSettings.poll(ReleaseRule.threshold(3), PollSpec.scale(1, 5, "No", "Yes")));
    assertThat(answer(scale, 1, "4").summary().count()).isEqualTo(1);
  }
}
