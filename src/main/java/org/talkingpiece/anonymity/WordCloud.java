package org.talkingpiece.anonymity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.talkingpiece.shared.AppException;

/** Word-cloud entries: normalising one entry, and counting the released ones. */
public final class WordCloud {
  /** The most words in one entry, whatever the module says. */
  public static final int MAX_WORDS = 3;
  /** The longest word, in characters. */
  public static final int MAX_WORD_LENGTH = 40;

  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^\\p{P}+|\\p{P}+$");

  private WordCloud() {}

  /** One term of the cloud and how many released entries were exactly that term. */
  public record WordCount(String term, int count) {}

  /**
   * Normalises an entry so that the same words count together: Unicode NFKC, lower case
   * ({@link Locale#ROOT}), invisible characters removed, punctuation around each word removed (inside
   * a word it stays: "don't", "co-worker"), runs of spaces collapsed to one.
   *
   * @param maxWords the prompt's limit, 1 to {@value #MAX_WORDS}
   * @throws AppException invalid-input naming the broken rule, never repeating the entry
   */
  public static String normalise(String raw, int maxWords) {
    if (raw == null) {
      throw AppException.invalid("Write a word before sending.");
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    StringBuilder visible = new StringBuilder(text.length());
    text.codePoints()
        .map(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp)
        .filter(cp -> !TextRules.isHidden(cp))
        .forEach(visible::appendCodePoint);
    text = Normalizer.normalize(visible.toString().toLowerCase(Locale.ROOT), Normalizer.Form.NFKC).strip();
    List<String> words = new ArrayList<>();
    for (String word : SPACES.split(text)) {
      String bare = EDGE_PUNCTUATION.matcher(word).replaceAll("");
      if (!bare.isEmpty()) {
        words.add(bare);
      }
    }
    if (words.isEmpty()) {
      throw AppException.invalid("Write a word before sending.");
    }
    if (words.size() > maxWords) {
      throw AppException.invalid(maxWords == 1 ? "Use one word." : "Use one to " + maxWords + " words.");
    }
    for (String word : words) {
      if (word.codePointCount(0, word.length()) > MAX_WORD_LENGTH) {
        throw AppException.invalid("Each word can be at most " + MAX_WORD_LENGTH + " characters.");
      }
    }
    return String.join(" ", words);
  }

  /**
   * Counts normalised entries, most frequent first, ties in alphabetical order (never in the order
   * they arrived).
   */
  public static List<WordCount> count(Collection<String> entries) {
    Map<String, Integer> counts = new TreeMap<>();
    entries.forEach(e -> counts.merge(e, 1, Integer::sum));
    List<WordCount> out = new ArrayList<>();
    counts.forEach((term, n) -> out.add(new WordCount(term, n)));
    out.sort(Comparator.comparingInt(WordCount::count).reversed().thenComparing(WordCount::term));
    return List.copyOf(out);
  }
}
