package org.talkingpiece.floor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A roster the tests change by hand: ids double as names ("ana" shows as "Ana"). */
final class TestRoster implements Roster {
  private final List<String> order = new ArrayList<>();
  private final Set<String> away = new HashSet<>();
  private final Set<String> removed = new HashSet<>();

  TestRoster join(String... ids) {
    order.addAll(List.of(ids));
    return this;
  }

  void disconnect(String id) {
    away.add(id);
  }

  void reconnect(String id) {
    away.remove(id);
  }

  void remove(String id) {
    removed.add(id);
  }

  @Override
  public List<String> joinOrder() {
    return List.copyOf(order);
  }

  @Override
  public boolean contains(String participantId) {
    return order.contains(participantId);
  }

  @Override
  public boolean isPresent(String participantId) {
    return contains(participantId) && !away.contains(participantId) && !removed.contains(participantId);
  }

  @Override
  public boolean isRemoved(String participantId) {
    return removed.contains(participantId);
  }

  @Override
  public String displayName(String participantId) {
    return Character.toUpperCase(participantId.charAt(0)) + participantId.substring(1);
  }
}
