package org.talkingpiece.anonymity;

import java.text.Normalizer;
import org.talkingpiece.shared.AppException;

/**
 * Cleans free text (reflections, questions) before it is stored. Error messages name the rule that
 * was broken and never repeat the text.
 */
final class TextRules {
  private TextRules() {}

  /**
   * Normalises line ends, drops control and invisible formatting characters (which could also act
   * as a hidden signature), applies Unicode NFC and trims.
   *
   * @param maxLength the most characters (code points) allowed after cleaning
   * @throws AppException invalid-input when nothing is left or the text is too long
   */
  static String clean(String raw, int maxLength) {
    if (raw == null) {
      throw AppException.invalid("Write something before sending.");
    }
    String text = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(cp -> cp == '\n' || cp == '\t' || !isHidden(cp))
        .forEach(out::appendCodePoint);
    String cleaned = out.toString().strip();
    if (cleaned.isEmpty()) {
      throw AppException.invalid("Write something before sending.");
    }
    int length = cleaned.codePointCount(0, cleaned.length());
    if (length > maxLength) {
      throw AppException.invalid("This is " + length + " characters long; the limit is " + maxLength + ".");
    }
    return cleaned;
  }

  /** Control and format characters, except the zero-width joiner that emoji sequences need. */
  static boolean isHidden(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || (type == Character.FORMAT && cp != 0x200D);
  }
}
