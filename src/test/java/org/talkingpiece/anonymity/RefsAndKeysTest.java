package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.shared.Ids;

class RefsAndKeysTest {
  private static final byte[] KEY = "a test roll key that is long enough!".getBytes(StandardCharsets.UTF_8);

  @Test
  @DisplayName("A roll entry names nobody: it is a keyed hash, different in every prompt")
  void participantRefs() {
    ParticipantRefs refs = ParticipantRefs.withKey(KEY);
    PromptRef first = PromptRef.of("session-1", "check-in");
    PromptRef second = new PromptRef("session-1", "check-in", 2);
    ParticipantRef a = refs.forPrompt(first, "participant-abc");
    assertThat(a).isEqualTo(refs.forPrompt(first, "participant-abc"));
    assertThat(a.value()).doesNotContain("participant-abc").hasSize(22);
    assertThat(refs.forPrompt(second, "participant-abc")).isNotEqualTo(a);
    assertThat(refs.forPrompt(first, "participant-abd")).isNotEqualTo(a);
    assertThat(ParticipantRefs.withKey("another key that is also long enough".getBytes(StandardCharsets.UTF_8))
        .forPrompt(first, "participant-abc")).isNotEqualTo(a);
    assertThat(refs.forSignals("session-1", "participant-abc")).isNotEqualTo(a);
    assertThat(a.toString()).doesNotContain(a.value());
    assertThatThrownBy(() -> ParticipantRefs.withKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("The server keeps only a hash of the withdrawal key")
  void withdrawalKeys() {
    String key = Ids.secret();
    assertThat(WithdrawalKey.hash(key)).isEqualTo(WithdrawalKey.hash(key)).isNotEqualTo(key).doesNotContain(key);
    assertThat(WithdrawalKey.hash(Ids.secret())).isNotEqualTo(WithdrawalKey.hash(key));
    Fails.with(ErrorCode.INVALID_INPUT, () -> WithdrawalKey.hash("too-short"));
    Fails.with(ErrorCode.INVALID_INPUT, () -> WithdrawalKey.hash("has spaces in it which are not allowed"));
  }
}
