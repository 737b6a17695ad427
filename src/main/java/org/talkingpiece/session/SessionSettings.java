package org.talkingpiece.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.shared.AppException;

/**
 * What a facilitator chooses for one session.
 *
 * @param anonymityThreshold k: nothing anonymous is shown until this many items exist (3 or more;
 *     the module's threshold when it sets a higher one)
 * @param selfIdCategories optional self-identification categories, each with the options participants may pick
 *     ("prefer not to say" is always added and is the default)
 * @param displayShowsBalance whether the projector shows the group's balance score
 */
public record SessionSettings(int anonymityThreshold, Map<String, List<String>> selfIdCategories,
    boolean displayShowsBalance) {
  public static final int DEFAULT_K = 5;
  public static final int MIN_K = 3;
  static final int MAX_K = 50;
  static final int MAX_CATEGORIES = 4;
  static final int MAX_OPTIONS = 12;

  public SessionSettings {
    if (anonymityThreshold < MIN_K || anonymityThreshold > MAX_K) {
      throw AppException.invalid("settings.anonymityThreshold must be between " + MIN_K + " and " + MAX_K);
    }
    selfIdCategories = Map.copyOf(selfIdCategories);
  }

  public static SessionSettings defaults() {
    return new SessionSettings(DEFAULT_K, Map.of(), false);
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
    return new SessionSettings(k, categories, Boolean.TRUE.equals(balance));
  }

  public JsonObject toJson() {
    JsonObject cats = new JsonObject();
    selfIdCategories.forEach((k, v) -> cats.put(k, new JsonArray(v)));
    return new JsonObject().put("anonymityThreshold", anonymityThreshold).put("selfIdCategories", cats)
        .put("displayShowsBalance", displayShowsBalance);
  }
}
