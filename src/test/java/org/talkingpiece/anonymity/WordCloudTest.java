package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.talkingpiece.anonymity.WordCloud.WordCount;
import org.talkingpiece.shared.ErrorCode;

class WordCloudTest {

  @ParameterizedTest(name = "[{0}] counts as [{1}]")
  @DisplayName("Entries that differ only in case, width, spacing or surrounding punctuation count together")
  @CsvSource(delimiter = '|', value = {
      "Privilege|privilege",
      "  white   PRIVILEGE!! |white privilege",
      "\"Listen.\"|listen",
      "ＴＲＵＳＴ|trust",
      "don't  stop|don't stop",
      "co-worker,|co-worker",
      "(hope)|hope",
      "Ｉ ＣＡＲＥ|i care",
      "caf\u0065\u0301|caf\u00e9",
      "zero\u200bwidth|zerowidth",
      "tab\there|tab here",
  })
  void normalises(String raw, String expected) {
    assertThat(WordCloud.normalise(raw, 3)).isEqualTo(expected);
  }

  @Test
  @DisplayName("An entry must have one to three words of at most 40 characters")
  void limits() {
    Fails.with(ErrorCode.INVALID_INPUT, () -> WordCloud.normalise("   ", 3));
    Fails.with(ErrorCode.INVALID_INPUT, () -> WordCloud.normalise("!!! ...", 3));
    Fails.with(ErrorCode.INVALID_INPUT, () -> WordCloud.normalise("one two three four", 3));
    Fails.with(ErrorCode.INVALID_INPUT, () -> WordCloud.normalise("two words", 1));
    Fails.with(ErrorCode.INVALID_INPUT, () -> WordCloud.normalise("x".repeat(41), 3));
    Fails.with(ErrorCode.INVALID_INPUT, () -> WordCloud.normalise(null, 3));
    assertThat(WordCloud.normalise("x".repeat(40), 3)).hasSize(40);
  }

  @Test
  @DisplayName("The cloud counts equal entries, most frequent first, ties alphabetical")
  void counts() {
    assertThat(WordCloud.count(List.of("trust", "hope", "trust", "anger", "hope", "trust")))
        .containsExactly(new WordCount("trust", 3), new WordCount("hope", 2), new WordCount("anger", 1));
  }
}
