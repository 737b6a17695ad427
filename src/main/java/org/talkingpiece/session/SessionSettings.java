package org.talkingpiece.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.floor.FloorMode;
import org.talkingpiece.floor.FloorSettings;
import org.talkingpiece.shared.AppException;

/**
 * What a facilitator chooses for one session.
 *
 * @param anonymityThreshold k: nothing anonymous is shown until this many items exist (3 or more;
 *     the module's threshold when it sets a higher one)
 * @param selfIdCategories optional self-identification categories, each with the options participants may pick
 *     ("prefer not to say" is always added and is the default)
 * @param displayShowsBalance whether the projector shows the group's balance score
 * @param defaultTurnSeconds the turn limit of every activity whose floor the module left without one:
 *     0 (no limit) or 15–900; {@code null} when not chosen (each activity as its module says)
 * @param queueMode {@link FloorMode#QUEUE} or {@link FloorMode#PROGRESSIVE} for every activity whose
 *     floor is a hand queue; {@code null} when not chosen. Rounds and open floors never change.
 */
public record SessionSettings(int anonymityThreshold, Map<String, List<String>> selfIdCategories,
    boolean displayShowsBalance, Integer defaultTurnSeconds, FloorMode queueMode) {
  public static final int DEFAULT_K = 5;
  public static final int MIN_K = 3;
  static final int MAX_K = 50;
  static final int MAX_CATEGORIES = 4;
  static final int MAX_OPTIONS = 12;
  /** The floor's own rule for a turn limit (see {@link FloorSettings}), named as this setting. */
  private static final String TURN_SECONDS_RULE = "settings.defaultTurnSeconds must be 0 (no limit) or between "
      + FloorSettings.MIN_LIMIT_SECONDS + " and " + FloorSettings.MAX_LIMIT_SECONDS;
  private static final String QUEUE_MODE_RULE = "settings.queueMode must be one of queue, progressive";

  public SessionSettings {
    if (anonymityThreshold < MIN_K || anonymityThreshold > MAX_K) {
      throw AppException.invalid("settings.anonymityThreshold must be between " + MIN_K + " and " + MAX_K);
    }
    // In the facilitator's order, which every screen, the report and the downloads follow.
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    selfIdCategories.forEach((category, values) -> ordered.put(category, List.copyOf(values)));
    selfIdCategories = java.util.Collections.unmodifiableMap(ordered);
    if (defaultTurnSeconds != null && !isTurnLimit(defaultTurnSeconds)) {
      throw AppException.invalid(TURN_SECONDS_RULE);
    }
    if (queueMode != null && queueMode != FloorMode.QUEUE && queueMode != FloorMode.PROGRESSIVE) {
      throw AppException.invalid(QUEUE_MODE_RULE);
    }
  }

  /** Settings with no floor defaults: every activity's floor is as its module says. */
  public SessionSettings(int anonymityThreshold, Map<String, List<String>> selfIdCategories,
      boolean displayShowsBalance) {
    this(anonymityThreshold, selfIdCategories, displayShowsBalance, null, null);
  }

  public static SessionSettings defaults() {
    return new SessionSettings(DEFAULT_K, Map.of(), false);
  }

  /**
   * The floor an activity starts with in this session: the module's, with this session's default turn
   * limit and queue mode applied (see {@link FloorSettings#withSessionDefaults}).
   */
  public FloorSettings floorFor(FloorSettings fromModule) {
    return fromModule.withSessionDefaults(defaultTurnSeconds, queueMode);
  }

  /** Reads settings from a request; absent fields take their defaults. Names each bad field. */
  public static SessionSettings fromJson(JsonObject json, int moduleMinimumK) {
    JsonObject s = json == null ? new JsonObject() : json;
    Object kValue = s.getValue("anonymityThreshold");
    int k = Math.max(DEFAULT_K, moduleMinimumK);
    if (kValue != null) {
      if (!(kValue instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue())) {
        throw AppException.invalid("settings.anonymityThreshold must be a whole number");
      }
      k = n.intValue();
    }
    Map<String, List<String>> categories = new LinkedHashMap<>();
    Object cats = s.getValue("selfIdCategories");
    if (cats != null) {
      if (!(cats instanceof JsonObject c)) {
        throw AppException.invalid("settings.selfIdCategories must be an object of category → list of options");
      }
      if (c.size() > MAX_CATEGORIES) {
        throw AppException.invalid("settings.selfIdCategories may have at most " + MAX_CATEGORIES + " categories");
      }
      for (String name : c.fieldNames()) {
        String label = name.trim();
        if (label.isEmpty() || label.length() > 60) {
          throw AppException.invalid("settings.selfIdCategories: a category name must be 1-60 characters");
        }
        if (!(c.getValue(name) instanceof JsonArray options) || options.isEmpty() || options.size() > MAX_OPTIONS) {
          throw AppException.invalid("settings.selfIdCategories." + label + " must list 1-" + MAX_OPTIONS + " options");
        }
        List<String> list = new ArrayList<>();
        for (Object o : options) {
          if (!(o instanceof String text) || text.isBlank() || text.length() > 60) {
            throw AppException.invalid("settings.selfIdCategories." + label + ": each option must be text of 1-60 characters");
          }
          if (!list.contains(text.trim())) {
            list.add(text.trim());
          }
        }
        categories.put(label, List.copyOf(list));
      }
    }
    Object balance = s.getValue("displayShowsBalance");
    if (balance != null && !(balance instanceof Boolean)) {
      throw AppException.invalid("settings.displayShowsBalance must be true or false");
    }
    return new SessionSettings(k, categories, Boolean.TRUE.equals(balance), turnSeconds(s), queueMode(s));
  }

  private static Integer turnSeconds(JsonObject s) {
    Object value = s.getValue("defaultTurnSeconds");
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue())) {
      throw AppException.invalid("settings.defaultTurnSeconds must be a whole number");
    }
    if (!isTurnLimit(n.doubleValue())) { // as a double, so a huge number cannot wrap into range as an int
      throw AppException.invalid(TURN_SECONDS_RULE);
    }
    return n.intValue();
  }

  private static FloorMode queueMode(JsonObject s) {
    Object value = s.getValue("queueMode");
    if (value == null) {
      return null;
    }
    if (FloorMode.QUEUE.wire().equals(value)) {
      return FloorMode.QUEUE;
    }
    if (FloorMode.PROGRESSIVE.wire().equals(value)) {
      return FloorMode.PROGRESSIVE;
    }
    throw AppException.invalid(QUEUE_MODE_RULE);
  }

  private static boolean isTurnLimit(double seconds) {
    return seconds == 0 || seconds >= FloorSettings.MIN_LIMIT_SECONDS && seconds <= FloorSettings.MAX_LIMIT_SECONDS;
  }

  /** The settings as the facilitator's view and the API show them; floor defaults only when chosen. */
  public JsonObject toJson() {
    JsonObject cats = new JsonObject();
    selfIdCategories.forEach((k, v) -> cats.put(k, new JsonArray(v)));
    JsonObject json = new JsonObject().put("anonymityThreshold", anonymityThreshold).put("selfIdCategories", cats)
        .put("displayShowsBalance", displayShowsBalance);
    if (defaultTurnSeconds != null) {
      json.put("defaultTurnSeconds", defaultTurnSeconds);
    }
    if (queueMode != null) {
      json.put("queueMode", queueMode.wire());
    }
    return json;
  }
}
