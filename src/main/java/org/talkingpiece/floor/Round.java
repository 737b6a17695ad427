package org.talkingpiece.floor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.floor.FloorEvent.RoundStarted;

/**
 * A go-around: who is still to get the floor, who holds their place now, and how each person's place
 * went. Part of a {@link Floor}: same owner, same single thread. Mutators are called only from
 * {@link Floor#apply}; the decisions about where the round goes next live in {@link Moves}.
 *
 * <p>Rules kept here: a person's place is used when they get the floor from the round or are given
 * it by the facilitator while still waiting; those who pass, and those skipped as absent, in the first
 * pass get the extra pass (when the round has one); a late joiner goes to the end of the first pass.
 */
final class Round {
  static final String SPOKE = "spoke";
  static final String PASSED = "passed";
  static final String SKIPPED = "skipped";
  static final String LEFT = "left";
  static final String SPEAKING = "speaking";
  static final String WAITING = "waiting";

  private boolean active;
  private boolean started;
  private String finishedHow;
  private boolean secondPass;
  private boolean inSecondPass;
  private String current;
  private final List<String> order;
  private final List<String> leftOut;
  private final List<String> pending;
  private final List<String> secondChance;
  private final Map<String, String> outcomes;

  Round() {
    order = new ArrayList<>();
    leftOut = new ArrayList<>();
    pending = new ArrayList<>();
    secondChance = new ArrayList<>();
    outcomes = new LinkedHashMap<>();
  }

  private Round(Round o) {
    active = o.active;
    started = o.started;
    finishedHow = o.finishedHow;
    secondPass = o.secondPass;
    inSecondPass = o.inSecondPass;
    current = o.current;
    order = new ArrayList<>(o.order);
    leftOut = new ArrayList<>(o.leftOut);
    pending = new ArrayList<>(o.pending);
    secondChance = new ArrayList<>(o.secondChance);
    outcomes = new LinkedHashMap<>(o.outcomes);
  }

  Round copy() {
    return new Round(this);
  }

  boolean active() {
    return active;
  }

  boolean started() {
    return started;
  }

  String finishedHow() {
    return finishedHow;
  }

  boolean hasSecondPass() {
    return secondPass;
  }

  boolean inSecondPass() {
    return inSecondPass;
  }

  /** Whose place in the round is being used now, or {@code null}. */
  String current() {
    return current;
  }

  List<String> order() {
    return List.copyOf(order);
  }

  List<String> pending() {
    return List.copyOf(pending);
  }

  List<String> secondChance() {
    return List.copyOf(secondChance);
  }

  /** How this person's place went so far: spoke, passed, skipped, left, speaking or waiting. */
  String statusOf(String participantId) {
    if (participantId.equals(current)) {
      return SPEAKING;
    }
    if (pending.contains(participantId)) {
      return WAITING;
    }
    return outcomes.get(participantId);
  }

  /** Whether the round already had this person in mind (in its order, or left out on purpose). */
  boolean knows(String participantId) {
    return order.contains(participantId) || leftOut.contains(participantId);
  }

  /** Whether this person still has a part in the running round (waiting, speaking, or due an extra pass). */
  boolean involves(String participantId) {
    return active && (participantId.equals(current) || pending.contains(participantId)
        || secondChance.contains(participantId));
  }

  void start(RoundStarted e) {
    reset();
    active = true;
    started = true;
    secondPass = e.secondPass();
    order.addAll(e.order());
    leftOut.addAll(e.leftOut());
    pending.addAll(e.order());
  }

  void joined(String participantId) {
    if (!order.contains(participantId)) {
      order.add(participantId);
      pending.add(participantId);
    }
  }

  void given(String speakerId) {
    if (active && pending.remove(speakerId)) {
      current = speakerId;
    }
  }

  void turnEnded(String speakerId) {
    if (speakerId.equals(current)) {
      outcomes.put(speakerId, SPOKE);
      current = null;
    }
  }

  void passed(String participantId) {
    if (participantId.equals(current)) {
      outcomes.put(participantId, PASSED);
      if (!inSecondPass) {
        secondChance.add(participantId);
      }
      current = null;
    }
  }

  void skipped(String participantId, String reason) {
    pending.remove(participantId);
    outcomes.put(participantId, SKIPPED);
    if (!inSecondPass && "absent".equals(reason)) {
      secondChance.add(participantId);
    }
  }

  void secondPass(List<String> again) {
    inSecondPass = true;
    secondChance.clear();
    pending.clear();
    pending.addAll(again);
  }

  void finished(String how) {
    active = false;
    finishedHow = how;
    current = null;
    pending.clear();
    secondChance.clear();
  }

  void left(String participantId) {
    pending.remove(participantId);
    secondChance.remove(participantId);
    if (participantId.equals(current)) {
      current = null;
    }
    if (order.contains(participantId)) {
      outcomes.put(participantId, LEFT);
    }
  }

  /** No round in this activity (yet). */
  void reset() {
    active = false;
    started = false;
    finishedHow = null;
    secondPass = false;
    inSecondPass = false;
    current = null;
    order.clear();
    leftOut.clear();
    pending.clear();
    secondChance.clear();
    outcomes.clear();
  }
}
