package org.talkingpiece.airtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.talkingpiece.shared.AppException;

/**
 * Airtime parity of self-identified groups: for each group, airtime share ÷ headcount share.
 *
 * <p><b>Suppression contract.</b> A group appears here only when at least {@code k} present participants
 * chose that value. Values chosen by fewer than {@code k}, and everyone who chose nothing or
 * "prefer not to say", are left out entirely: not their value's name, not a count, not a remainder
 * ("other"). Every output built from this record (live panel, report JSON, CSV, charts) therefore cannot
 * show them. The constructor enforces this, so no caller can build a record that breaks it.
 *
 * <p><b>Coarse figures.</b> The facilitator sees each person's airtime, so an exact group airtime could be
 * matched against sums of individual figures to guess who is in a group. Airtime share is therefore given
 * in whole percent and the ratio is computed from that rounded share (two decimals), never from the exact
 * one. Headcount share is exact: it only restates a count of at least k. Rounding cannot stop one
 * inference: a facilitator who watches live parity move right after one person's turn can guess that
 * person's group. Callers that show parity live should consider refreshing it only between activities.
 *
 * @param k the session's anonymity threshold
 * @param categories one entry per facilitator-defined category, in the facilitator's order
 */
public record GroupParity(int k, List<CategoryParity> categories) {

  /** The smallest threshold a session may use (SPEC: "a facilitator may set 3 or more"). */
  public static final int MIN_K = 3;

  public GroupParity {
    requireK(k);
    categories = List.copyOf(categories);
    for (CategoryParity c : categories) {
      for (Group g : c.groups()) {
        if (g.members() < k) {
          throw new IllegalArgumentException("a group under k must never be built");
        }
      }
    }
  }

  /** One category (as the facilitator named it) and its groups of at least k. */
  public record CategoryParity(String category, List<Group> groups) {
    public CategoryParity {
      Objects.requireNonNull(category, "category");
      groups = List.copyOf(groups);
    }
  }

  /**
   * One group of at least k.
   *
   * @param value the value the members chose
   * @param members how many present participants chose it (at least k)
   * @param headcountShare members ÷ present participants
   * @param airtimeShare the group's airtime ÷ all participants' airtime, in whole percent (0.35 = 35%);
   *     0 when nobody has spoken yet
   * @param ratio airtimeShare ÷ headcountShare, two decimals; 1 means the group's airtime matches its size
   */
  public record Group(String value, int members, double headcountShare, double airtimeShare, double ratio) {}

  static void requireK(int k) {
    if (k < MIN_K) {
      throw AppException.invalid("the anonymity threshold k must be at least " + MIN_K + ", not " + k);
    }
  }

  /**
   * Computes parity for {@code present} participants.
   *
   * @param airtime each present participant's airtime, by position in {@code present}
   * @param total the sum of {@code airtime}
   */
  static GroupParity compute(List<Member> present, long[] airtime, long total, int k, List<String> categories) {
    requireK(k);
    List<CategoryParity> out = new ArrayList<>();
    int n = present.size();
    for (String category : categories) {
      Map<String, long[]> byValue = new TreeMap<>(); // value → {members, airtime}; sorted: no join-order hint
      for (int i = 0; i < n; i++) {
        int index = i;
        present.get(i).chosen(category).ifPresent(value -> {
          long[] g = byValue.computeIfAbsent(value, v -> new long[2]);
          g[0]++;
          g[1] += airtime[index];
        });
      }
      List<Group> groups = new ArrayList<>();
      byValue.forEach((value, g) -> {
        if (g[0] >= k) {
          double headcountShare = (double) g[0] / n;
          double airtimeShare = AirtimeMath.round(AirtimeMath.share(g[1], total), 2);
          double ratio = AirtimeMath.round(airtimeShare / headcountShare, 2);
          groups.add(new Group(value, (int) g[0], headcountShare, airtimeShare, ratio));
        }
      });
      out.add(new CategoryParity(category, groups));
    }
    return new GroupParity(k, out);
  }
}
