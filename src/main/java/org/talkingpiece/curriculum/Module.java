package org.talkingpiece.curriculum;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated module version: the typed fields a live session needs, plus the whole normalised
 * document (settings defaults applied) for storage and export. Immutable: {@link #document()}
 * returns a copy.
 *
 * <p>Obtain modules from {@link ModuleValidator} or {@link ModuleStore}; the canonical constructor
 * trusts that the typed fields agree with the document.
 *
 * @param anonymityThreshold the module's minimum before anonymous items are shown; at least
 *     {@value #MIN_ANONYMITY_THRESHOLD}, and that when the document does not say
 * @param document the authored document only: no server fields ({@code _id}, {@code updatedAt},
 *     {@code updatedBy}, {@code contentHash})
 */
public record Module(String slug, int version, ModuleStatus status, String title, String summary,
    int durationMinutes, List<String> contentNotes, int anonymityThreshold,
    List<Activity> activities, JsonObject document) {

  /** The lowest anonymity threshold a module may set (SPEC "k"). */
  public static final int MIN_ANONYMITY_THRESHOLD = 5;

  public Module {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(status, "status");
    contentNotes = List.copyOf(contentNotes);
    activities = List.copyOf(activities);
    document = document.copy();
  }

  /** The store key of this version: {@code slug@version}. */
  public static String key(String slug, int version) {
    return slug + "@" + version;
  }

  public String key() {
    return key(slug, version);
  }

  @Override
  public JsonObject document() {
    return document.copy();
  }

  /** SHA-256 (hex) of the canonical authored content; see {@link ContentHash}. */
  public String contentHash() {
    return ContentHash.of(document);
  }

  public Optional<Activity> activity(String id) {
    return activities.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The same module with another status (the document's {@code status} changes with it). */
  Module withStatus(ModuleStatus newStatus) {
    return new Module(slug, version, newStatus, title, summary, durationMinutes, contentNotes,
        anonymityThreshold, activities, document.copy().put("status", newStatus.wireName()));
  }

  /** What to shorten when the whole session runs late (Markdown), for facilitators only. */
  public Optional<String> ifLate() {
    return Optional.ofNullable(document.getString("ifLate"));
  }

  /** What the facilitator reads and checks just before the session (Markdown), for facilitators only. */
  public Optional<String> preBrief() {
    return Optional.ofNullable(document.getString("preBrief"));
  }

  /** Questions the facilitator answers for themselves after the session (Markdown), for facilitators only. */
  public Optional<String> selfDebrief() {
    return Optional.ofNullable(document.getString("selfDebrief"));
  }

  /** The whole document, facilitator notes and preparation included: for facilitators and authors. */
  public JsonObject fullView() {
    return document.copy();
  }

  /**
   * What participants may see before and during a session: never facilitator notes, preparation,
   * change log or provenance. Built from an allow-list so a field added to the format later stays
   * out until it is added here on purpose.
   */
  public JsonObject participantView() {
    JsonArray activityViews = new JsonArray();
    activities.forEach(a -> activityViews.add(a.participantView()));
    JsonObject view = new JsonObject()
        .put("slug", slug)
        .put("version", version)
        .put("title", title)
        .put("summary", summary);
    for (String field : List.of("language", "authors", "licence")) {
      view.put(field, copyOf(document.getValue(field)));
    }
    return view.put("durationMinutes", durationMinutes)
        .put("audience", copyOf(document.getValue("audience")))
        .put("outcomes", copyOf(document.getValue("outcomes")))
        .put("contentNotes", new JsonArray(contentNotes))
        .put("anonymityThreshold", anonymityThreshold)
        .put("activities", activityViews);
  }

  private static Object copyOf(Object value) {
    if (value instanceof JsonObject o) {
      return o.copy();
    }
    return value instanceof JsonArray a ? a.copy() : value;
  }
}
