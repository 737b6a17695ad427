package org.talkingpiece.airtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.talkingpiece.airtime.Fixtures.member;
import static org.talkingpiece.airtime.Fixtures.spoke;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.floor.Turn;
import org.talkingpiece.shared.AppException;

@DisplayName("Who sees which airtime figures")
class AirtimeVisibilityTest {
  static final String CATEGORY = "Gender";
  static final String LARGE = "Woman";
  static final String SMALL = "Nonbinary-unique-value";

  /** 10 participants: 5 chose LARGE, 2 chose SMALL, 2 preferred not to say, 1 never answered. */
  static List<Member> group() {
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      members.add(member("w" + i, CATEGORY, LARGE));
    }
    members.add(member("s1", CATEGORY, SMALL));
    members.add(member("s2", CATEGORY, SMALL));
    members.add(member("n1", CATEGORY, Member.PREFER_NOT_TO_SAY));
    members.add(member("n2", CATEGORY, Member.PREFER_NOT_TO_SAY));
    members.add(member("x1"));
    return members;
  }

  /** w1 and w2 speak 30 s each, s1 speaks 60 s, n1 speaks 20 s: total 140 s. */
  static List<Turn> turns() {
    return List.of(spoke("w1", 0, 30), spoke("s1", 30, 90), spoke("w2", 90, 120), spoke("n1", 120, 140));
  }

  static AirtimeSnapshot snapshot() {
    return AirtimeProjection.at(turns(), group(), 200_000, 5, List.of(CATEGORY));
  }

  @Test
  @DisplayName("the panel shows airtime share ÷ headcount share for a group of at least k")
  void parityForLargeGroup() {
    GroupParity parity = snapshot().groupParity();
    assertThat(parity.categories()).hasSize(1);
    GroupParity.CategoryParity c = parity.categories().get(0);
    assertThat(c.category()).isEqualTo(CATEGORY);
    // 5 of 10 → headcount 0.5; 60 s of 140 s = 0.4286 → 0.43 (whole percent); 0.43 / 0.5 = 0.86
    assertThat(c.groups()).containsExactly(new GroupParity.Group(LARGE, 5, 0.5, 0.43, 0.86));
  }

  @Test
  @DisplayName("a group under k, and 'prefer not to say', appear nowhere: not in the panel, the participant view or the projector")
  void smallGroupSuppressedLive() {
    AirtimeSnapshot s = snapshot();
    List<String> outputs = new ArrayList<>();
    outputs.add(s.toFacilitatorJson().encode());
    outputs.add(s.groupJson().encode());
    for (Member m : group()) {
      outputs.add(s.participantJson(m.participantId()).encode());
    }
    outputs.add(s.groupParity().toString());
    assertThat(outputs).allSatisfy(out -> assertThat(out)
        .doesNotContain(SMALL)
        .doesNotContain(Member.PREFER_NOT_TO_SAY));
    // no remainder group ("other") that would reveal how many are outside the shown groups
    assertThat(s.groupParity().categories().get(0).groups()).hasSize(1);
  }

  @Test
  @DisplayName("when nobody reaches k, the category is listed with no groups at all")
  void everyoneBelowK() {
    AirtimeSnapshot s = AirtimeProjection.at(turns(), group(), 200_000, 6, List.of(CATEGORY));
    assertThat(s.groupParity().categories().get(0).groups()).isEmpty();
    assertThat(s.toFacilitatorJson().encode()).doesNotContain(LARGE, SMALL);
  }

  @Test
  @DisplayName("a participant's own figures are their airtime and turns, nobody else's numbers")
  void participantSeesOnlyOwn() {
    AirtimeSnapshot s = snapshot();
    JsonObject own = s.participantJson("s1");
    assertThat(own.fieldNames()).containsExactlyInAnyOrder("airtimeMs", "turns");
    assertThat(own.getLong("airtimeMs")).isEqualTo(60_000);
    assertThat(own.getInteger("turns")).isEqualTo(1);

    String text = own.encode();
    for (Member other : group()) {
      if (!other.participantId().equals("s1")) {
        assertThat(text).doesNotContain(other.participantId()).doesNotContain(other.name());
      }
    }
    // other people's airtime (30 000, 20 000 ms) and the group total (140 000 ms) are not in it
    assertThat(text).doesNotContain("30000", "20000", "140000", "share", "gini", LARGE);
  }

  @Test
  @DisplayName("the group figures every participant (and the projector, if chosen) sees are the balance and voices heard, nothing personal")
  void groupFiguresOnly() {
    AirtimeSnapshot s = snapshot();
    JsonObject group = s.groupJson();
    assertThat(group.fieldNames()).containsExactlyInAnyOrder("balance", "voicesHeard");
    assertThat(group.getInteger("balance")).isEqualTo(s.balance());
    assertThat(group.getJsonObject("voicesHeard")).isEqualTo(new JsonObject().put("count", 4).put("of", 10));
  }

  @Test
  @DisplayName("a removed or unknown participant gets a not-found error, never someone else's figures")
  void unknownParticipant() {
    List<Member> members = new ArrayList<>(group());
    members.add(new Member("gone", "Gone", 0, true, Map.of()));
    AirtimeSnapshot s = AirtimeProjection.at(turns(), members, 200_000, 5, List.of(CATEGORY));
    assertThatThrownBy(() -> s.participantJson("gone")).isInstanceOf(AppException.class);
    assertThatThrownBy(() -> s.participantJson("nobody")).isInstanceOf(AppException.class);
  }

  @Test
  @DisplayName("nobody can build a parity record that shows a group under k")
  void recordRefusesSmallGroup() {
    GroupParity.CategoryParity tooSmall = new GroupParity.CategoryParity(
        CATEGORY, List.of(new GroupParity.Group(SMALL, 2, 0.2, 0.43, 2.15)));
    assertThatThrownBy(() -> new GroupParity(5, List.of(tooSmall))).isInstanceOf(IllegalArgumentException.class);
  }
}
