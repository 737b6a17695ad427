package org.talkingpiece.session;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.talkingpiece.shared.AppException;

/** Display names: checked, made unique within a session, or generated as friendly pseudonyms. */
public final class Names {
  static final int MAX_LENGTH = 40;
  private static final List<String> ADJECTIVES = List.of(
      "Amber", "Brave", "Bright", "Calm", "Clever", "Curious", "Gentle", "Golden", "Honest", "Hopeful",
      "Kind", "Lively", "Lucky", "Mellow", "Merry", "Mindful", "Patient", "Quiet", "Quick", "Sunny",
      "Steady", "Swift", "Thoughtful", "Warm", "Wise", "Bold", "Cheerful", "Gracious", "Humble", "Keen");
  private static final List<String> NATURE = List.of(
      "Alder", "Aspen", "Badger", "Birch", "Bramble", "Cedar", "Comet", "Crane", "Dune", "Falcon",
      "Fern", "Finch", "Harbor", "Heron", "Juniper", "Kestrel", "Lark", "Maple", "Meadow", "Otter",
      "Pebble", "Plover", "River", "Robin", "Rowan", "Sparrow", "Thistle", "Willow", "Wren", "Zephyr");

  private Names() {}

  /** Trims, folds inner white space and checks 1–40 characters with no control characters. */
  public static String clean(String raw, String field) {
    if (raw == null) {
      throw AppException.invalid(field + " is required");
    }
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    if (name.isEmpty()) {
      throw AppException.invalid(field + " must not be empty");
    }
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      throw AppException.invalid(field + " must be at most " + MAX_LENGTH + " characters");
    }
    if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
      throw AppException.invalid(field + " must not contain control characters");
    }
    return name;
  }

  /** {@code name}, or {@code name 2}, {@code name 3}, … when someone in the session already has it. */
  public static String unique(String name, Collection<String> taken) {
    Set<String> lower = taken.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    if (!lower.contains(name.toLowerCase(Locale.ROOT))) {
      return name;
    }
    for (int i = 2; ; i++) {
      String suffix = " " + i;
      String base = name.length() + suffix.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH - suffix.length()) : name;
      String candidate = base + suffix;
      if (!lower.contains(candidate.toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
  }

  /** A friendly pseudonym such as "Quiet Heron", unique among {@code taken}. */
  public static String pseudonym(RandomGenerator random, Collection<String> taken) {
    String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + NATURE.get(random.nextInt(NATURE.size()));
    return unique(name, taken);
  }
}
