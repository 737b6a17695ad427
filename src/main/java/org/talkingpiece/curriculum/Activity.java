package org.talkingpiece.curriculum;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a module, as the live session needs it. Immutable: {@link #settings()} returns a
 * copy. Obtain activities from a {@link Module}; the canonical constructor trusts its arguments.
 *
 * @param steps the timed parts of the activity; empty when it has none
 * @param facilitatorNotes never sent to participants (see {@link #participantView()})
 * @param settings the mechanic's settings with defaults applied
 * @param ifLate what to shorten when the session runs late (Markdown); for facilitators only, so
 *     never in {@link #participantView()}
 */
public record Activity(String id, ActivityType type, String title, int minutes, List<Step> steps,
    Grouping grouping, Intensity intensity, String prompt, String facilitatorNotes,
    List<String> debrief, Optional<String> accessibility, Optional<String> contentNote,
    JsonObject settings, Optional<String> ifLate) {

  public enum Grouping {
    WHOLE_GROUP, PAIRS, SMALL_GROUPS, INDIVIDUAL;

    public String wireName() {
      return Wire.name(this);
    }
  }

  public enum Intensity {
    LOW, MEDIUM, HIGH;

    public String wireName() {
      return Wire.name(this);
    }
  }

  /**
   * A timed part of an activity; {@code grouping} is empty when it is the activity's.
   *
   * @param debrief true for a step marked {@code kind: debrief}: the time set aside to talk through
   *     what the activity stirred up (every high-intensity activity has one)
   */
  public record Step(String label, int minutes, Optional<Grouping> grouping, boolean debrief) {
    /** The wire value of {@code kind} for a debrief step. */
    public static final String DEBRIEF_KIND = "debrief";

    /** An ordinary (not debrief) step. */
    public Step(String label, int minutes, Optional<Grouping> grouping) {
      this(label, minutes, grouping, false);
    }
  }

  public Activity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    steps = List.copyOf(steps);
    debrief = List.copyOf(debrief);
    settings = settings.copy();
    Objects.requireNonNull(ifLate, "ifLate");
  }

  /** An activity without an {@code ifLate} hint. */
  public Activity(String id, ActivityType type, String title, int minutes, List<Step> steps,
      Grouping grouping, Intensity intensity, String prompt, String facilitatorNotes,
      List<String> debrief, Optional<String> accessibility, Optional<String> contentNote,
      JsonObject settings) {
    this(id, type, title, minutes, steps, grouping, intensity, prompt, facilitatorNotes, debrief,
        accessibility, contentNote, settings, Optional.empty());
  }

  /** The minutes of the steps marked as debrief (0 when there are none). */
  public int debriefMinutes() {
    return steps.stream().filter(Step::debrief).mapToInt(Step::minutes).sum();
  }

  @Override
  public JsonObject settings() {
    return settings.copy();
  }

  /** The settings as the record for this activity's type. */
  public Settings typedSettings() {
    return Settings.of(type, settings);
  }

  /**
   * The settings as a given record type.
   *
   * @throws IllegalStateException when the activity's type has other settings
   */
  public <T extends Settings> T settingsAs(Class<T> kind) {
    Settings typed = typedSettings();
    if (!kind.isInstance(typed)) {
      throw new IllegalStateException("activity " + id + " is a " + type.wireName()
          + ", its settings are not " + kind.getSimpleName());
    }
    return kind.cast(typed);
  }

  /**
   * What a participant's screen may show. Built from an allow-list, so facilitator notes (and any
   * field added later) stay out unless added here on purpose.
   */
  public JsonObject participantView() {
    JsonObject view = new JsonObject()
        .put("id", id)
        .put("type", type.wireName())
        .put("title", title)
        .put("minutes", minutes);
    if (!steps.isEmpty()) {
      JsonArray stepsJson = new JsonArray();
      steps.forEach(s -> stepsJson.add(stepJson(s)));
      view.put("steps", stepsJson);
    }
    view.put("grouping", grouping.wireName())
        .put("intensity", intensity.wireName())
        .put("prompt", prompt)
        .put("debrief", new JsonArray(debrief));
    accessibility.ifPresent(a -> view.put("accessibility", a));
    contentNote.ifPresent(c -> view.put("contentNote", c));
    return view.put("settings", settings.copy());
  }

  private static JsonObject stepJson(Step step) {
    JsonObject json = new JsonObject().put("label", step.label()).put("minutes", step.minutes());
    step.grouping().ifPresent(g -> json.put("grouping", g.wireName()));
    if (step.debrief()) {
      json.put("kind", Step.DEBRIEF_KIND);
    }
    return json;
  }
}
