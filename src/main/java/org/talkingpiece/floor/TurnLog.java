package org.talkingpiece.floor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.talkingpiece.floor.FloorEvent.FloorGiven;

/**
 * Every turn of the session, the open one last, with running totals per speaker so the progressive
 * stack can rank hands without rereading the whole log. Part of a {@link Floor}: same owner, same
 * single thread. The mutators are called only from {@link Floor#apply}.
 */
final class TurnLog {
  /** Closed turns of one speaker: how many, and how many milliseconds spoken. */
  private record Tally(int turns, long millis) {}

  private static final Tally NONE = new Tally(0, 0);

  private final List<Turn> turns;
  private final Map<String, Tally> closed;
  private long extendedMillis;
  private String reason;

  TurnLog() {
    this.turns = new ArrayList<>();
    this.closed = new HashMap<>();
  }

  private TurnLog(TurnLog other) {
    this.turns = new ArrayList<>(other.turns);
    this.closed = new HashMap<>(other.closed);
    this.extendedMillis = other.extendedMillis;
    this.reason = other.reason;
  }

  TurnLog copy() {
    return new TurnLog(this);
  }

  /** The open turn, or {@code null} when nobody has the floor. */
  Turn open() {
    if (turns.isEmpty()) {
      return null;
    }
    Turn last = turns.get(turns.size() - 1);
    return last.isOpen() ? last : null;
  }

  /** Why the current speaker has the floor ({@link FloorGiven#reason()}), or {@code null}. */
  String reason() {
    return open() == null ? null : reason;
  }

  /** Time added to the open turn with {@code extend}, in milliseconds. */
  long extendedMillis() {
    return extendedMillis;
  }

  List<Turn> all() {
    return List.copyOf(turns);
  }

  /** Turns so far, the open one included. */
  int turnsOf(String speakerId) {
    Turn open = open();
    int openOne = open != null && open.speakerId().equals(speakerId) ? 1 : 0;
    return closed.getOrDefault(speakerId, NONE).turns() + openOne;
  }

  /** Milliseconds spoken so far, the open turn counted up to {@code now}. */
  long airtimeOf(String speakerId, long now) {
    Turn open = open();
    long openPart = open != null && open.speakerId().equals(speakerId) ? open.durationAt(now) : 0;
    return closed.getOrDefault(speakerId, NONE).millis() + openPart;
  }

  void start(FloorGiven e) {
    if (open() != null) {
      throw new IllegalStateException("the floor was given while a turn was open");
    }
    turns.add(Turn.opened(e.speakerId(), e.activityId(), e.mode().wire(), e.at()));
    extendedMillis = 0;
    reason = e.reason();
  }

  void close(Turn closedTurn) {
    Turn open = requireOpen();
    if (!open.speakerId().equals(closedTurn.speakerId()) || open.startedAt() != closedTurn.startedAt()) {
      throw new IllegalStateException("a turn ended that is not the open one");
    }
    turns.set(turns.size() - 1, closedTurn);
    Tally t = closed.getOrDefault(closedTurn.speakerId(), NONE);
    closed.put(closedTurn.speakerId(),
        new Tally(t.turns() + 1, t.millis() + closedTurn.durationAt(closedTurn.endedAt())));
  }

  /** A pass: the offered turn never happened. */
  void withdraw(String speakerId) {
    if (!requireOpen().speakerId().equals(speakerId)) {
      throw new IllegalStateException("someone passed who does not have the floor");
    }
    turns.remove(turns.size() - 1);
  }

  void pause(long at) {
    Turn open = requireOpen();
    if (!open.isPaused()) {
      turns.set(turns.size() - 1, open.pausedAt(at));
    }
  }

  void resume(long at) {
    Turn open = requireOpen();
    if (open.isPaused()) {
      turns.set(turns.size() - 1, open.resumedAt(at));
    }
  }

  void extend(int seconds) {
    requireOpen();
    extendedMillis += seconds * 1000L;
  }

  private Turn requireOpen() {
    Turn open = open();
    if (open == null) {
      throw new IllegalStateException("nobody has the floor");
    }
    return open;
  }
}
