package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GuaranteeTest {

  @Test
  @DisplayName("A threshold prompt tells participants that nobody, the facilitator included, sees anything below k")
  void threshold() {
    Guarantee g = Guarantee.of(PromptSettings.reflection(ReleaseRule.threshold(5)));
    assertThat(g.headline()).isEqualTo("Anonymous");
    assertThat(g.text())
        .startsWith("Your name is not stored with your answer. Nobody, including the facilitator, will see any"
            + " answer until at least 5 people have answered; then answers are shown in groups of at least 5,"
            + " in a random order.")
        .contains("If fewer than 5 people take part, only the number is shown.")
        .contains("take your answer back");
  }

  @Test
  @DisplayName("An immediate prompt warns participants before they write that answers appear at once")
  void immediate() {
    Guarantee g = Guarantee.of(PromptSettings.reflection(ReleaseRule.immediateWithNotice()));
    assertThat(g.headline()).isEqualTo("Shown at once");
    assertThat(g.text()).contains("shown as soon as they are sent").contains("may be able to tell who wrote what")
        .doesNotContain("Nobody, including the facilitator");
  }

  @Test
  @DisplayName("Each mechanic states its own rules: pre-moderation, grouped vote totals, prefer not to say")
  void perMechanic() {
    assertThat(Guarantee.of(PromptSettings.questions(ReleaseRule.threshold(4))).text())
        .contains("at least 4 people have asked one").contains("The facilitator reads them first")
        .contains("Vote totals change only after at least 4 people have voted");
    assertThat(Guarantee.of(PromptSettings.questions(ReleaseRule.threshold(4), 280, false)).text())
        .doesNotContain("reads them first");
    assertThat(Guarantee.of(PromptSettings.poll(ReleaseRule.threshold(5), PollSpec.single(List.of("a", "b")))).text())
        .contains("will see any results").contains("\"Prefer not to say\" is always there")
        .contains("cannot be changed").doesNotContain("take your");
    assertThat(Guarantee.of(PromptSettings.wordcloud(ReleaseRule.threshold(5), 3, 3)).text())
        .contains("the cloud grows in groups of at least 5");
    assertThat(Guarantee.signals().text()).contains("never who");
  }
}
