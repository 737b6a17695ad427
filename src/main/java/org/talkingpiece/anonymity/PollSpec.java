package org.talkingpiece.anonymity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.talkingpiece.shared.AppException;

/**
 * What a poll asks. "Prefer not to say" is always added by the server as the last option; it cannot
 * be listed, removed or combined with other choices.
 *
 * @param type single choice, multiple choice or a scale
 * @param labels the choices, for single and multiple choice (2-10, distinct); empty for a scale
 * @param min the lowest point of a scale (0 otherwise)
 * @param max the highest point of a scale, at most 11 points in all (0 otherwise)
 * @param minLabel what the lowest point means, e.g. "Strongly disagree" (empty otherwise)
 * @param maxLabel what the highest point means (empty otherwise)
 */
public record PollSpec(PollType type, List<String> labels, int min, int max, String minLabel, String maxLabel) {
  public static final String PREFER_NOT_TO_SAY = "prefer-not-to-say";
  public static final String PREFER_NOT_TO_SAY_LABEL = "Prefer not to say";
  private static final int MAX_LABEL = 200;

  public enum PollType {
    SINGLE("single"), MULTIPLE("multiple"), SCALE("scale");

    private final String wire;

    PollType(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static PollType fromWire(String wire) {
      for (PollType t : values()) {
        if (t.wire.equals(wire)) {
          return t;
        }
      }
      throw AppException.invalid("A poll is single, multiple or scale.");
    }
  }

  /** One answer a participant can pick; {@code key} is what a vote sends and the tally counts. */
  public record PollOption(String key, String label) {}

  public PollSpec {
    Objects.requireNonNull(type, "type");
    labels = List.copyOf(labels);
    minLabel = minLabel == null ? "" : minLabel.strip();
    maxLabel = maxLabel == null ? "" : maxLabel.strip();
    if (type == PollType.SCALE) {
      if (!labels.isEmpty()) {
        throw AppException.invalid("A scale poll has no options, only min and max.");
      }
      if (min >= max || max - min > 10) {
        throw AppException.invalid("A scale needs min below max and at most 11 points.");
      }
      requireLabel(minLabel, true);
      requireLabel(maxLabel, true);
    } else {
      if (labels.size() < 2 || labels.size() > 10) {
        throw AppException.invalid("A poll needs 2 to 10 options.");
      }
      Set<String> seen = new HashSet<>();
      for (String label : labels) {
        requireLabel(label, false);
        if (!seen.add(label.strip().toLowerCase(Locale.ROOT))) {
          throw AppException.invalid("Poll options must be different from each other.");
        }
        if (label.strip().equalsIgnoreCase(PREFER_NOT_TO_SAY_LABEL)) {
          throw AppException.invalid("\"Prefer not to say\" is added by the server; do not list it.");
        }
      }
      labels = labels.stream().map(String::strip).toList();
      min = 0;
      max = 0;
    }
  }

  public static PollSpec single(List<String> labels) {
    return new PollSpec(PollType.SINGLE, labels, 0, 0, "", "");
  }

  public static PollSpec multiple(List<String> labels) {
    return new PollSpec(PollType.MULTIPLE, labels, 0, 0, "", "");
  }

  public static PollSpec scale(int min, int max, String minLabel, String maxLabel) {
    return new PollSpec(PollType.SCALE, List.of(), min, max, minLabel, maxLabel);
  }

  /**
   * Every option in display order, "prefer not to say" last. Choice keys are "1", "2"… in the order
   * given; scale keys are the points themselves ("1" … "5").
   */
  public List<PollOption> options() {
    List<PollOption> out = new ArrayList<>();
    if (type == PollType.SCALE) {
      for (int v = min; v <= max; v++) {
        String label = v == min && !minLabel.isEmpty() ? v + " (" + minLabel + ")"
            : v == max && !maxLabel.isEmpty() ? v + " (" + maxLabel + ")" : String.valueOf(v);
        out.add(new PollOption(String.valueOf(v), label));
      }
    } else {
      for (int i = 0; i < labels.size(); i++) {
        out.add(new PollOption(String.valueOf(i + 1), labels.get(i)));
      }
    }
    out.add(new PollOption(PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_LABEL));
    return List.copyOf(out);
  }

  private static void requireLabel(String label, boolean mayBeEmpty) {
    if (label == null || (!mayBeEmpty && label.isBlank()) || label.strip().length() > MAX_LABEL) {
      throw AppException.invalid("Poll labels must be 1-" + MAX_LABEL + " characters.");
    }
  }
}
