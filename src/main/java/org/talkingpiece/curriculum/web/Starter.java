package org.talkingpiece.curriculum.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/**
 * The first draft of a module started from nothing: the smallest document that validates, with
 * placeholder texts that say what to write, so the author lands in the edit form with something to
 * change rather than a page of errors.
 */
final class Starter {
  private Starter() {}

  static JsonObject document(String slug, String title, String author, LocalDate today) {
    return new JsonObject()
        .put("schemaVersion", 1)
        .put("slug", slug)
        .put("version", 1)
        .put("status", "draft")
        .put("title", title)
        .put("summary", "Say in a few sentences what this module is about and who it is for.")
        .put("language", "en")
        .put("authors", new JsonArray().add(new JsonObject().put("name", author)))
        .put("licence", "CC-BY-SA-4.0")
        .put("changeLog", new JsonArray().add(new JsonObject()
            .put("version", 1).put("date", today.toString()).put("summary", "First draft.")))
        .put("durationMinutes", 15)
        .put("audience", new JsonObject()
            .put("level", "introductory")
            .put("groupSize", new JsonObject().put("min", 6).put("max", 30))
            .put("prerequisites", new JsonArray()))
        .put("outcomes", new JsonArray().add("Say what participants will be able to do afterwards."))
        .put("contentNotes", new JsonArray())
        .put("preparation", new JsonObject()
            .put("materials", new JsonArray())
            .put("reading", new JsonArray())
            .put("coFacilitators", "")
            .put("notes", ""))
        .put("activities", new JsonArray().add(new JsonObject()
            .put("id", "welcome")
            .put("type", "talk")
            .put("title", "Welcome")
            .put("minutes", 15)
            .put("grouping", "whole-group")
            .put("intensity", "low")
            .put("prompt", "")
            .put("facilitatorNotes", "")
            .put("debrief", new JsonArray())));
  }
}
