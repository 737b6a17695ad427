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
  @DisplayName("Nobody sees poll results until k people have answered; then counts for every option")
  void threshold() {
    PollState s = answer(answer(single(3), 1, "1"), 2, "2");
    assertThat(s.result().released()).isFalse();
    assertThat(s.result().rows()).isEmpty();
    assertThat(s.result().answered()).isEqualTo(2);

    s = answer(s, 3, PNTS);
    PollResult r = s.result();
    assertThat(r.released()).isTrue();
    assertThat(r.rows()).containsExactly(new Row("1", "Yes", 1), new Row("2", "No", 1), new Row(PNTS, "Prefer not to say", 1));
    assertThat(r.share(r.rows().get(0))).isEqualTo(1.0 / 3);
  }

  @Test
  @DisplayName("After the first results, the chart moves only when k more people have answered")
  void laterStepsInGroups() {
    PollState s = answer(answer(answer(single(3), 1, "1"), 2, "1"), 3, "1");
    s = answer(answer(s, 4, "2"), 5, "2");
    assertThat(s.result().respondents()).isEqualTo(3);
    assertThat(s.result().answered()).isEqualTo(5);
    assertThat(s.summary().held()).isEqualTo(2);
    Step<PollState> sixth = s.answer(p(6), Set.of("2"));
    assertThat(((PromptChange.PollAnswered) sixth.change()).shown()).isPresent();
    assertThat(sixth.next().result().rows()).extracting(Row::count).containsExactly(3, 3, 0);
  }

  @Test
  @DisplayName("Multiple choice counts each option and the number of people")
  void multipleChoice() {
    PollState s = PollState.open(PromptSettings.poll(ReleaseRule.threshold(3), PollSpec.multiple(List.of("A", "B", "C"))));
    s = answer(answer(answer(s, 1, "1", "2"), 2, "1", "2", "3"), 3, PNTS);
    PollResult r = s.result();
    assertThat(r.respondents()).isEqualTo(3);
    assertThat(r.rows()).extracting(Row::count).containsExactly(2, 2, 1, 1);
    PollState done = s;
    Fails.with(ErrorCode.INVALID_INPUT, () -> done.answer(p(4), Set.of("1", PNTS)));
    Fails.with(ErrorCode.INVALID_INPUT, () -> done.answer(p(4), Set.of()));
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
