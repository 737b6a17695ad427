package org.talkingpiece.airtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.talkingpiece.floor.Turn;
import org.talkingpiece.shared.AppException;

/**
 * A participant as the airtime figures see them. The session feature builds these from its state.
 *
 * @param participantId the participant's id, as used in {@link Turn#speakerId()}
 * @param name the display name or pseudonym (user input: escape it wherever it is shown)
 * @param joinedAt when the participant joined (epoch ms); figures at a time before this leave them out
 * @param removed {@code true} when the facilitator removed them; they then count nowhere
 * @param selfId optional self-identification: category → chosen value; a category that is absent, blank
 *     or {@link #PREFER_NOT_TO_SAY} means the participant did not choose (the default)
 */
public record Member(
    String participantId, String name, long joinedAt, boolean removed, Map<String, String> selfId) {

  /** The value a participant holds for a category until they choose otherwise. */
  public static final String PREFER_NOT_TO_SAY = "prefer-not-to-say";

  public Member {
    if (participantId == null || participantId.isBlank()) {
      throw AppException.invalid("a participant needs an id");
    }
    if (Turn.FACILITATOR.equals(participantId)) {
      throw AppException.invalid("'" + Turn.FACILITATOR + "' is reserved and cannot be a participant id");
    }
    name = Objects.requireNonNullElse(name, "");
    Map<String, String> copy = new LinkedHashMap<>();
    if (selfId != null) {
      selfId.forEach((category, value) -> {
        if (category != null && value != null) {
          copy.put(category, value);
        }
      });
    }
    selfId = Map.copyOf(copy);
  }

  /** A member with no self-identification. */
  public static Member of(String participantId, String name, long joinedAt) {
    return new Member(participantId, name, joinedAt, false, Map.of());
  }

  /** The value chosen for {@code category}, or empty when the participant did not choose one. */
  public Optional<String> chosen(String category) {
    String value = selfId.get(category);
    if (value == null || value.isBlank() || PREFER_NOT_TO_SAY.equals(value)) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Whether this member counts among the participants at time {@code at}. */
  boolean presentAt(long at) {
    return !removed && joinedAt <= at;
  }
}
