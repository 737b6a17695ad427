package org.talkingpiece.curriculum.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and element ids of the edit form's fields. A field is named after the place in the module
 * document it edits, written like a {@code ValidationError} path ({@code activities[3].title}), so an
 * error found by the validator leads straight to its field. Two exceptions: each activity has one
 * group of setting inputs per type (named {@code activities[3].settings.round.warnSeconds}), and the
 * current version's change-log summary is {@code change.summary}.
 *
 * <p>An element id is the name with brackets and dots turned into hyphens, after {@code f-}:
 * {@code activities[3].settings.round.warnSeconds} is {@code f-activities-3-settings-round-warnSeconds}.
 */
final class FormNames {
  static final String CHANGE_SUMMARY = "change.summary";
  static final String ACTIVITIES = "activities";
  static final String AUTHORS = "authors";
  private static final Pattern SETTINGS = Pattern.compile("^activities\\[(\\d+)]\\.settings(.*)$");
  private static final Pattern LAST_SEGMENT = Pattern.compile("(\\[\\d+]|\\.[^.\\[]+)$");

  private FormNames() {}

  static String id(String name) {
    return "f-" + name.replace("].", "-").replace('[', '-').replace("]", "").replace('.', '-');
  }

  static String activity(int index) {
    return ACTIVITIES + "[" + index + "]";
  }

  static String activityField(int index, String field) {
    return activity(index) + "." + field;
  }

  static String step(int activity, int step, String field) {
    return activity(activity) + ".steps[" + step + "]" + (field.isEmpty() ? "" : "." + field);
  }

  static String settingsGroup(int activity, String type) {
    return activity(activity) + ".settings." + type;
  }

  static String setting(int activity, String type, String key) {
    return settingsGroup(activity, type) + "." + key;
  }

  static String author(int index, String field) {
    return AUTHORS + "[" + index + "]." + field;
  }

  /**
   * The form field name for a document path, given the activity types the document holds:
   * {@code activities[3].settings.options} of a poll is {@code activities[3].settings.poll.options};
   * anything in the change log is the change summary.
   */
  static String forPath(String path, java.util.function.IntFunction<String> typeOfActivity) {
    if (path.startsWith("changeLog")) {
      return CHANGE_SUMMARY;
    }
    Matcher settings = SETTINGS.matcher(path);
    if (settings.matches()) {
      int index = Integer.parseInt(settings.group(1));
      String type = typeOfActivity.apply(index);
      return type == null ? activity(index) : settingsGroup(index, type) + settings.group(2);
    }
    return path;
  }

  /** The name one level up ({@code activities[3].title} → {@code activities[3]} → {@code activities}), or "". */
  static String parent(String name) {
    Matcher m = LAST_SEGMENT.matcher(name);
    return m.find() ? name.substring(0, m.start()) : "";
  }
}
