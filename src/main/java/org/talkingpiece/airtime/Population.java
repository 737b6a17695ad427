package org.talkingpiece.airtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.talkingpiece.shared.AppException;

/**
 * The participants the figures are about at a time: everyone who had joined by then and was not
 * removed, in the order given (join order). The facilitator is never among them.
 */
public final class Population {
  private Population() {}

  public static List<Member> at(List<Member> members, long at) {
    List<Member> present = new ArrayList<>();
    for (Member m : members) {
      if (m.presentAt(at)) {
        present.add(m);
      }
    }
    return present;
  }

  /** Refuses a member list that names the same participant twice: every figure would then be wrong. */
  static void requireUniqueIds(List<Member> members) {
    Set<String> seen = new HashSet<>();
    for (Member m : members) {
      if (!seen.add(m.participantId())) {
        throw AppException.invalid("participant " + m.participantId() + " is listed twice");
      }
    }
  }
}
