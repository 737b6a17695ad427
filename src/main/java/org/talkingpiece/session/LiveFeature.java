package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.shared.Actor;

/**
 * A live mechanic that plugs into every session owner beside the floor (anonymous input is one):
 * it handles its own commands, keeps its own state, and adds its part to each audience's view.
 *
 * <p>One instance per session, made by its {@link Factory} when the owner opens the session.
 * Threading: every method is called on the owner's thread, one call at a time, in command order;
 * a returned future must complete before the owner runs the next command.
 */
public interface LiveFeature {

  /** Makes the feature for one session and removes its data when a session is deleted. */
  interface Factory {
    Future<LiveFeature> open(SessionContext session);

    Future<Void> deleteSession(String sessionId);

    /**
     * What this feature contributes to a session's report: released anonymous items, poll results
     * and the counts of prompts that never reached the threshold. Works for ended sessions too.
     */
    default Future<org.talkingpiece.report.AnonymousResults> results(String sessionId) {
      return Future.succeededFuture(org.talkingpiece.report.AnonymousResults.none());
    }
  }

  /** Where a view goes. */
  enum Audience { PUBLIC, FACILITATOR, DISPLAY, PARTICIPANT }

  /** True for the commands this feature answers, e.g. everything starting with {@code anon.}. */
  boolean handles(String command);

  /**
   * Runs one command; the reply is merged into {@code {ok, version}}. Fails with an
   * {@link org.talkingpiece.shared.AppException} naming what was wrong, with nothing half-applied.
   *
   * @param actor the facilitator or a participant (never null: the server's own commands are not routed here)
   */
  Future<JsonObject> handle(Actor actor, String command, JsonObject args);

  /** The agenda moved to {@code activity} (also when the session starts). */
  Future<Void> activityChanged(Activity activity);

  /** The session ended. */
  Future<Void> ended();

  /**
   * Adds this feature's part to a view being built (e.g. {@code view.put("anonymous", …)}).
   *
   * @param participantId the participant for {@link Audience#PARTICIPANT}, else null
   */
  void addTo(JsonObject view, Audience audience, String participantId);
}
