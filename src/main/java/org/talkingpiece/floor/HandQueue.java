package org.talkingpiece.floor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Raised hands, kept in the order they went up (as moved by the facilitator). In progressive mode the
 * order people are called in is worked out from the turn log at the moment of asking: fewest turns so
 * far, then least airtime, then earliest hand. Part of a {@link Floor}: same owner, same single thread.
 */
final class HandQueue {
  record Hand(String participantId, long raisedAt) {}

  /** A hand with the figures that placed it; {@code turns} and {@code airtimeMillis} are for the facilitator. */
  record Place(Hand hand, int turns, long airtimeMillis) {
    String participantId() {
      return hand.participantId();
    }

    /** Why this person is where they are in the progressive stack, in the facilitator's words. */
    String reason() {
      if (turns == 0) {
        return "first time speaking";
      }
      return turns + (turns == 1 ? " turn" : " turns") + " so far, " + spoken(airtimeMillis);
    }
  }

  private static final Comparator<Place> PROGRESSIVE = Comparator.comparingInt(Place::turns)
      .thenComparingLong(Place::airtimeMillis)
      .thenComparingLong(p -> p.hand().raisedAt());

  private final List<Hand> hands;

  HandQueue() {
    this.hands = new ArrayList<>();
  }

  private HandQueue(HandQueue other) {
    this.hands = new ArrayList<>(other.hands);
  }

  HandQueue copy() {
    return new HandQueue(this);
  }

  boolean contains(String participantId) {
    return indexOf(participantId) >= 0;
  }

  int size() {
    return hands.size();
  }

  /**
   * Hands in the order they will be called. Ties in progressive mode keep the stored order (a sort
   * that is stable), so two hands raised in the same millisecond stay first come, first served.
   */
  List<Place> inOrder(FloorMode mode, TurnLog log, long now) {
    List<Place> places = new ArrayList<>(hands.size());
    for (Hand h : hands) {
      places.add(new Place(h, log.turnsOf(h.participantId()), log.airtimeOf(h.participantId(), now)));
    }
    if (mode == FloorMode.PROGRESSIVE) {
      places.sort(PROGRESSIVE);
    }
    return places;
  }

  List<String> idsInOrder(FloorMode mode, TurnLog log, long now) {
    return inOrder(mode, log, now).stream().map(Place::participantId).toList();
  }

  void raise(String participantId, long at) {
    if (!contains(participantId)) {
      hands.add(new Hand(participantId, at));
    }
  }

  void lower(String participantId) {
    int i = indexOf(participantId);
    if (i >= 0) {
      hands.remove(i);
    }
  }

  void move(String participantId, int toIndex) {
    int i = indexOf(participantId);
    if (i >= 0) {
      Hand h = hands.remove(i);
      hands.add(Math.max(0, Math.min(toIndex, hands.size())), h);
    }
  }

  /** Puts the listed people first, in that order; anyone not listed keeps their relative place after. */
  void reorder(List<String> order) {
    List<Hand> sorted = new ArrayList<>(hands.size());
    for (String id : order) {
      int i = indexOf(id);
      if (i >= 0) {
        sorted.add(hands.get(i));
      }
    }
    for (Hand h : hands) {
      if (!order.contains(h.participantId())) {
        sorted.add(h);
      }
    }
    hands.clear();
    hands.addAll(sorted);
  }

  void clear() {
    hands.clear();
  }

  List<String> ids() {
    return hands.stream().map(Hand::participantId).toList();
  }

  private int indexOf(String participantId) {
    for (int i = 0; i < hands.size(); i++) {
      if (hands.get(i).participantId().equals(participantId)) {
        return i;
      }
    }
    return -1;
  }

  /** "45 s", "2 min", "2 min 10 s": spoken time the way a facilitator reads it at a glance. */
  static String spoken(long millis) {
    long seconds = millis / 1000;
    if (seconds < 60) {
      return seconds + " s";
    }
    long rest = seconds % 60;
    return seconds / 60 + " min" + (rest == 0 ? "" : " " + rest + " s");
  }
}
