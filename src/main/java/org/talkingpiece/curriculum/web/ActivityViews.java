package org.talkingpiece.curriculum.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Markdown;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.Settings;

/**
 * The models of {@code partials/activity-participant.hbs} (what a participant's screen shows of an
 * activity) and {@code partials/activity-facilitator.hbs} (what only the facilitator sees). The
 * author's preview renders both; the live pages can render the same partials from the same models.
 *
 * <p>Markdown is rendered and sanitised by {@link Markdown#render}: the partials put the
 * {@code ...Html} values into the page unescaped and every other value escaped. The participant
 * model reads only fields that {@link Activity#participantView()} also allows, never the facilitator
 * notes. Pure functions; thread-safe.
 */
public final class ActivityViews {
  private ActivityViews() {}

  /** Every activity of a module with both views and its start time from the beginning of the session. */
  public static List<Map<String, Object>> agenda(Module module) {
    List<Map<String, Object>> out = new ArrayList<>();
    int start = 0;
    List<Activity> activities = module.activities();
    for (int i = 0; i < activities.size(); i++) {
      Activity a = activities.get(i);
      Map<String, Object> m = new HashMap<>();
      m.put("number", i + 1);
      m.put("anchor", "activity-" + a.id());
      m.put("startsAt", Labels.clock(start));
      m.put("participant", participant(a, module.anonymityThreshold()));
      m.put("facilitator", facilitator(a, start));
      out.add(m);
      start += a.minutes();
    }
    return out;
  }

  /**
   * What a participant sees of an activity: title, time, steps, content note, prompt and the
   * choices of a poll (always with "Prefer not to say").
   *
   * @param threshold the module's anonymity threshold (k), named where input is anonymous
   */
  public static Map<String, Object> participant(Activity a, int threshold) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", a.id());
    m.put("title", a.title());
    m.put("type", a.type().wireName());
    m.put("typeLabel", Labels.type(a.type()));
    m.put("minutes", a.minutes());
    m.put("minutesText", Labels.minutes(a.minutes()));
    m.put("grouping", Labels.grouping(a.grouping().wireName()));
    m.put("steps", a.steps().stream().map(s -> Map.of(
        "label", s.label(),
        "minutesText", Labels.minutes(s.minutes()),
        "grouping", s.grouping().map(g -> Labels.grouping(g.wireName())).orElse(""))).toList());
    m.put("contentNote", a.contentNote().orElse(null));
    m.put("promptHtml", Markdown.render(a.prompt()));
    m.put("anonymous", a.type().isAnonymous());
    m.put("threshold", threshold);
    m.put("canPass", a.type().hasLiveInput());
    if (a.typedSettings() instanceof Settings.Poll poll) {
      m.put("poll", poll(poll));
    }
    return m;
  }

  /** What only the facilitator sees: notes, debrief, accessibility, intensity and the mechanic's settings. */
  public static Map<String, Object> facilitator(Activity a, int startMinute) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", a.id());
    m.put("startsAt", Labels.clock(startMinute));
    m.put("endsAt", Labels.clock(startMinute + a.minutes()));
    m.put("intensity", Labels.intensity(a.intensity().wireName()));
    m.put("high", a.intensity() == Activity.Intensity.HIGH);
    m.put("grouping", Labels.grouping(a.grouping().wireName()));
    m.put("facilitatorNotesHtml", Markdown.render(a.facilitatorNotes()));
    m.put("debrief", a.debrief());
    m.put("accessibilityHtml", a.accessibility().map(Markdown::render).orElse(null));
    m.put("ifLateHtml", a.ifLate().map(Markdown::render).orElse(null));
    m.put("debriefMinutes", a.debriefMinutes() == 0 ? null : a.debriefMinutes());
    m.put("settings", settings(a.typedSettings()));
    return m;
  }

  private static Map<String, Object> poll(Settings.Poll poll) {
    Map<String, Object> m = new HashMap<>();
    m.put("kind", poll.kind().name().toLowerCase());
    m.put("multiple", poll.kind() == Settings.PollKind.MULTIPLE);
    List<String> options = new ArrayList<>(poll.options());
    poll.scale().ifPresent(scale -> {
      m.put("scale", Map.of("minLabel", scale.minLabel(), "maxLabel", scale.maxLabel(),
          "points", IntStream.rangeClosed(scale.min(), scale.max()).boxed().toList()));
    });
    m.put("options", options);
    m.put("preferNotToSay", Settings.Poll.PREFER_NOT_TO_SAY);
    return m;
  }

  /** The settings as sentences a facilitator reads at a glance. */
  static List<String> settings(Settings settings) {
    List<String> out = new ArrayList<>();
    if (settings instanceof Settings.Round r) {
      out.add(r.hasTurnLimit() ? "Turns of " + r.secondsPerTurn() + " seconds, with a warning "
          + r.warnSeconds() + " seconds before the end." : "Turns have no time limit.");
      out.add(switch (r.order()) {
        case JOIN -> "Speakers go in the order they joined.";
        case SHUFFLED -> "Speakers go in a shuffled order.";
        case ARRANGED -> "The facilitator arranges the order.";
      });
      out.add(r.secondPass() ? "Those who passed get a second chance at the end." : "No second pass.");
      out.add(overtime(r.overtime()));
    } else if (settings instanceof Settings.Discussion d) {
      out.add(switch (d.queueMode()) {
        case OPEN -> "Open floor: the facilitator chooses who speaks.";
        case QUEUE -> "Queue: first come, first served.";
        case PROGRESSIVE -> "Progressive queue: those who have spoken least go first.";
      });
      out.add(d.hasTurnLimit() ? "Turns of " + d.turnLimitSeconds() + " seconds, with a warning "
          + d.warnSeconds() + " seconds before the end." : "Turns have no time limit.");
      out.add(overtime(d.overtime()));
      out.add(d.showQueueNames() ? "Everyone sees the names in the queue."
          : "Participants see only their own place in the queue.");
    } else if (settings instanceof Settings.Reflection r) {
      out.add("Up to " + r.maxLength() + " characters, " + r.perPerson()
          + (r.perPerson() == 1 ? " response" : " responses") + " per person.");
    } else if (settings instanceof Settings.Questions q) {
      out.add("Questions of up to " + q.maxLength() + " characters.");
      out.add(q.premoderation() ? "You approve questions before others see them."
          : "Questions appear without approval (once enough have been asked).");
    } else if (settings instanceof Settings.Poll p) {
      out.add(switch (p.kind()) {
        case SINGLE -> "Single choice.";
        case MULTIPLE -> "Multiple choice.";
        case SCALE -> "A scale.";
      });
    } else if (settings instanceof Settings.Wordcloud w) {
      out.add("Up to " + w.maxWords() + (w.maxWords() == 1 ? " word" : " words") + " per entry, "
          + w.perPerson() + (w.perPerson() == 1 ? " entry" : " entries") + " per person.");
    } else if (settings instanceof Settings.Pairs p) {
      out.add("Groups of " + p.groupSize() + ".");
    }
    return out;
  }

  private static String overtime(Settings.Overtime overtime) {
    return overtime == Settings.Overtime.HARD ? "When time is up, the next speaker gets the floor."
        : "When time is up the timer shows it, and you decide.";
  }
}
