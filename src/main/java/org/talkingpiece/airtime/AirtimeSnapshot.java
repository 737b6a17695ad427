package org.talkingpiece.airtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.talkingpiece.shared.AppException;

/**
 * Airtime figures at one moment, built by {@link AirtimeProjection#at}. Immutable and thread-safe.
 *
 * <p>Who sees what (SPEC "Airtime"): the facilitator sees everything here ({@link #toFacilitatorJson()});
 * a participant sees only their own airtime and turns ({@link #participantJson(String)}, on their
 * private address) plus the group's balance and voices heard ({@link #groupJson()}, in the view every
 * participant shares); the projector may show the same group figures. Group parity holds only groups of at least k (see {@link GroupParity}).
 *
 * @param at the moment described (epoch ms); open turns count up to it
 * @param participants one row per present participant, in join order, zeros included
 * @param totalAirtimeMs the participants' airtime summed (the facilitator's is not in it)
 * @param totalTurns the participants' turns summed
 * @param gini G over the present participants, zeros included
 * @param balance round(100·(1−G)), 0 to 100
 * @param voicesHeard participants with at least one turn, of all present participants
 * @param facilitator the facilitator's own airtime, reported apart
 * @param groupParity self-identified groups of at least k; empty when no categories were defined
 */
public record AirtimeSnapshot(
    long at,
    List<ParticipantAirtime> participants,
    long totalAirtimeMs,
    int totalTurns,
    double gini,
    int balance,
    VoicesHeard voicesHeard,
    FacilitatorAirtime facilitator,
    GroupParity groupParity) {

  public AirtimeSnapshot {
    participants = List.copyOf(participants);
    Objects.requireNonNull(voicesHeard, "voicesHeard");
    Objects.requireNonNull(facilitator, "facilitator");
    Objects.requireNonNull(groupParity, "groupParity");
  }

  /**
   * One participant's figures.
   *
   * @param share airtime ÷ all participants' airtime (0 to 1), 0 when nobody has spoken
   * @param meanTurnMs airtime ÷ turns, rounded to the millisecond; 0 with no turns
   */
  public record ParticipantAirtime(
      String id, String name, long airtimeMs, int turns, double share, long meanTurnMs) {

    /** Whether they have had the floor at least once (the panel highlights those who have not). */
    public boolean spoken() {
      return turns > 0;
    }
  }

  /** How many participants have had at least one turn, of how many. */
  public record VoicesHeard(int count, int of) {}

  /** The facilitator's own airtime and turns, never part of the participants' figures. */
  public record FacilitatorAirtime(long airtimeMs, int turns) {}

  public Optional<ParticipantAirtime> participant(String participantId) {
    return participants.stream().filter(p -> p.id().equals(participantId)).findFirst();
  }

  /** Everything, for the facilitator's live panel and the report. */
  public JsonObject toFacilitatorJson() {
    JsonArray rows = new JsonArray();
    for (ParticipantAirtime p : participants) {
      rows.add(new JsonObject()
          .put("id", p.id())
          .put("name", p.name())
          .put("airtimeMs", p.airtimeMs())
          .put("turns", p.turns())
          .put("share", p.share())
          .put("meanTurnMs", p.meanTurnMs())
          .put("spoken", p.spoken()));
    }
    return new JsonObject()
        .put("at", at)
        .put("participants", rows)
        .put("totalAirtimeMs", totalAirtimeMs)
        .put("totalTurns", totalTurns)
        .put("gini", gini)
        .put("balance", balance)
        .put("voicesHeard", voicesJson())
        .put("facilitator", new JsonObject()
            .put("airtimeMs", facilitator.airtimeMs())
            .put("turns", facilitator.turns()))
        .put("groupParity", parityJson(groupParity));
  }

  /**
   * What one participant may see of their own: their airtime and turns. Nothing else: no names, ids,
   * shares or totals, so no other person's figure can be read or derived. The group's balance is in
   * {@link #groupJson()}, sent once to everyone rather than once per person, so a turn ending changes
   * only the private views of the people whose figures moved.
   *
   * @throws org.talkingpiece.shared.AppException {@code not-found} when the id is not a present participant
   */
  public JsonObject participantJson(String participantId) {
    ParticipantAirtime p = participant(participantId)
        .orElseThrow(() -> AppException.notFound("no such participant in this session"));
    return new JsonObject()
        .put("airtimeMs", p.airtimeMs())
        .put("turns", p.turns());
  }

  /** Group parity alone, as in {@link #toFacilitatorJson()}: only groups of at least k. */
  public JsonObject groupParityJson() {
    return parityJson(groupParity);
  }

  /** The group figures every participant sees, and a facilitator may choose to put on the projector. */
  public JsonObject groupJson() {
    return new JsonObject().put("balance", balance).put("voicesHeard", voicesJson());
  }

  private JsonObject voicesJson() {
    return new JsonObject().put("count", voicesHeard.count()).put("of", voicesHeard.of());
  }

  static JsonObject parityJson(GroupParity parity) {
    JsonArray categories = new JsonArray();
    for (GroupParity.CategoryParity c : parity.categories()) {
      JsonArray groups = new JsonArray();
      for (GroupParity.Group g : c.groups()) {
        groups.add(new JsonObject()
            .put("value", g.value())
            .put("members", g.members())
            .put("headcountShare", g.headcountShare())
            .put("airtimeShare", g.airtimeShare())
            .put("ratio", g.ratio()));
      }
      categories.add(new JsonObject().put("category", c.category()).put("groups", groups));
    }
    return new JsonObject().put("k", parity.k()).put("categories", categories);
  }
}
