package org.talkingpiece.airtime;

import java.util.Map;
import org.talkingpiece.floor.Turn;

/** Small builders for turns and members in tests. Times are plain milliseconds from 0. */
public final class Fixtures {
  public static final long SECOND = 1_000;

  private Fixtures() {}

  public static Turn spoke(String speaker, long fromSecond, long toSecond) {
    return spoke(speaker, "a1", fromSecond, toSecond);
  }

  public static Turn spoke(String speaker, String activity, long fromSecond, long toSecond) {
    return new Turn(speaker, activity, "open", fromSecond * SECOND, toSecond * SECOND, 0, -1, "yielded");
  }

  public static Turn speaking(String speaker, long fromSecond) {
    return new Turn(speaker, "a1", "open", fromSecond * SECOND, -1, 0, -1, null);
  }

  public static Member member(String id) {
    return Member.of(id, "Name " + id, 0);
  }

  public static Member member(String id, String name) {
    return Member.of(id, name, 0);
  }

  public static Member member(String id, String category, String value) {
    return new Member(id, "Name " + id, 0, false, Map.of(category, value));
  }
}
