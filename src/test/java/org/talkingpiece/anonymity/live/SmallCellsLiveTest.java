package org.talkingpiece.anonymity.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.anonymity.live.FeatureHarness.args;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.report.AnonymousResults;

/**
 * Poll counts with k = 5 in groups of 6, 9, 10 and 30, as every screen and the report receive them:
 * a count is there only when at least 5 chose the answer and at least 5 did not; otherwise the row
 * carries the reason and no number, and no hidden count can be worked out from the shown ones and the
 * number of respondents (tried by listing every tally a reader could not rule out).
 */
class SmallCellsLiveTest {
  private static final int K = 5;
  private static final String PNTS = "prefer-not-to-say";
  private static final Set<String> REASONS = Set.of("fewer-than-k", "all-but-fewer-than-k", "withheld");

  private FeatureHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @DisplayName("Ten people, nine choose the same answer: the room sees \"all but fewer than 5\", never 9 of 10")
  void nineOfTen() {
    List<List<String>> ballots = repeat(9, List.of("1"));
    ballots.add(List.of("2"));
    Map<String, JsonObject> rows = run(10, single("Mentioned it", "Did not"), ballots, 10);
    assertThat(rows.get("1").getString("hidden")).isEqualTo("all-but-fewer-than-k");
    assertThat(rows.get("2").getString("hidden")).isEqualTo("fewer-than-k");
    assertThat(rows.get(PNTS).getString("hidden")).isEqualTo("fewer-than-k");
    rows.values().forEach(r -> assertThat(r.fieldNames()).doesNotContain("count", "share"));
  }

  @Test
  @DisplayName("Thirty people: large answers are shown with their share, small ones are not")
  void thirtyPeople() {
    List<List<String>> ballots = new ArrayList<>();
    ballots.addAll(repeat(15, List.of("1")));
    ballots.addAll(repeat(9, List.of("2")));
    ballots.addAll(repeat(3, List.of("3")));
    ballots.addAll(repeat(3, List.of(PNTS)));
    Map<String, JsonObject> rows = run(30, single("A", "B", "C"), ballots, 30);
    assertThat(rows.get("1").getInteger("count")).isEqualTo(15);
    assertThat(rows.get("1").getDouble("share")).isEqualTo(0.5);
    assertThat(rows.get("2").getInteger("count")).isEqualTo(9);
    assertThat(rows.get("3").getString("hidden")).isEqualTo("fewer-than-k");
    assertThat(rows.get(PNTS).getString("hidden")).isEqualTo("fewer-than-k");
  }

  @Test
  @DisplayName("Thirty people and one small answer: showing the rest would give it away, so every count is withheld")
  void complementary() {
    List<List<String>> ballots = new ArrayList<>();
    ballots.addAll(repeat(12, List.of("1")));
    ballots.addAll(repeat(10, List.of("2")));
    ballots.addAll(repeat(8, List.of("3")));
    Map<String, JsonObject> rows = run(30, single("A", "B", "C"), ballots, 30);
    // "Prefer not to say" is 0, under k; the other three add up to 30, which would say so.
    rows.values().forEach(r -> assertThat(r.getString("hidden")).isEqualTo("withheld"));
  }

  @Test
  @DisplayName("Six people: the first five answers are released, and no count of five can be shown at k = 5")
  void sixPeople() {
    List<List<String>> ballots = new ArrayList<>(repeat(4, List.of("1")));
    ballots.add(List.of("2"));
    ballots.add(List.of("2"));
    Map<String, JsonObject> rows = run(6, single("Yes", "No"), ballots, 5);
    rows.values().forEach(r -> assertThat(r.containsKey("count")).isFalse());
  }

  @Test
  @DisplayName("Nine people on a scale: five released answers, each point hidden with its reason")
  void nineOnAScale() {
    List<List<String>> ballots = new ArrayList<>();
    for (String point : List.of("3", "3", "3", "4", "3", "5", "1", "2", "4")) {
      ballots.add(List.of(point));
    }
    Map<String, JsonObject> rows = run(9, new JsonObject().put("pollType", "scale").put("min", 1).put("max", 5)
        .put("minLabel", "Not at all").put("maxLabel", "Completely"), ballots, 5);
    assertThat(rows.get("3").getString("hidden")).isEqualTo("fewer-than-k");
    assertThat(rows).hasSize(6);
  }

  @Test
  @DisplayName("Ten people, multiple choice: an answer ticked by nine is not shown as 9, one ticked by five is")
  void multipleChoiceOfTen() {
    List<List<String>> ballots = new ArrayList<>();
    ballots.addAll(repeat(5, List.of("1", "2")));
    ballots.addAll(repeat(2, List.of("1", "3")));
    ballots.addAll(repeat(2, List.of("1")));
    ballots.add(List.of(PNTS));
    Map<String, JsonObject> rows = run(10, new JsonObject().put("pollType", "multiple")
        .put("options", new JsonArray().add("A").add("B").add("C")), ballots, 10);
    assertThat(rows.get("1").getString("hidden")).isIn("all-but-fewer-than-k", "withheld");
    assertThat(rows.get("3").getString("hidden")).isIn("fewer-than-k", "withheld");
    if (!"withheld".equals(rows.get("1").getString("hidden"))) {
      assertThat(rows.get("2").getInteger("count")).isEqualTo(5);
    }
  }

  @Test
  @DisplayName("Thirty people, multiple choice, in the report: the same cells as on screen, respondents not votes")
  void multipleChoiceInTheReport() {
    List<List<String>> ballots = new ArrayList<>();
    ballots.addAll(repeat(10, List.of("1", "2")));
    ballots.addAll(repeat(10, List.of("2")));
    ballots.addAll(repeat(6, List.of("1", "3")));
    ballots.addAll(repeat(4, List.of(PNTS)));
    Map<String, JsonObject> rows = run(30, new JsonObject().put("pollType", "multiple")
        .put("options", new JsonArray().add("A").add("B").add("C")), ballots, 30);
    h.end();
    AnonymousResults results = FeatureHarness.await(h.factory.results(h.sessionId));
    AnonymousResults.PollResult poll = results.polls().get(0);
    assertThat(poll.respondents()).isEqualTo(30);
    assertThat(poll.k()).isEqualTo(K);
    List<String> keys = List.of("1", "2", "3", PNTS);
    for (int i = 0; i < keys.size(); i++) {
      JsonObject live = rows.get(keys.get(i));
      AnonymousResults.PollOption option = poll.options().get(i);
      assertThat(option.label()).isEqualTo(live.getString("label"));
      assertThat(option.count() == null ? null : option.count().intValue()).isEqualTo(live.getInteger("count"));
      assertThat(option.hidden()).isEqualTo(live.getString("hidden"));
    }
    assertThat(poll.options().get(1).count()).isEqualTo(20L);
  }

  // Steps.

  private static JsonObject single(String... labels) {
    return new JsonObject().put("pollType", "single").put("options", new JsonArray(List.of(labels)));
  }

  private static List<List<String>> repeat(int times, List<String> ballot) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.add(ballot);
    }
    return out;
  }

  /**
   * n people answer one poll asked on the spot, in order; checks every audience's rows against the tally
   * of the first {@code released} ballots and returns the rows by key (the same on every screen).
   */
  private Map<String, JsonObject> run(int n, JsonObject poll, List<List<String>> ballots, int released) {
    assertThat(ballots).hasSize(n);
    h = FeatureHarness.start("understanding-privilege", K);
    List<String> people = h.join(n);
    h.startSession();
    h.goTo("reflection");
    h.asFacilitator("anon.open", poll.copy().put("kind", "poll").put("prompt", "A question for the room"));
    for (int i = 0; i < n; i++) {
      h.as(people.get(i), "anon.answer-poll", args("choices", new JsonArray(ballots.get(i))));
    }
    Map<String, Integer> truth = new LinkedHashMap<>();
    for (List<String> ballot : ballots.subList(0, released)) {
      ballot.forEach(key -> truth.merge(key, 1, Integer::sum));
    }
    List<JsonObject> views = List.of(h.facilitatorView().getJsonObject("poll"), h.displayView().getJsonObject("poll"),
        h.publicView().getJsonObject("poll"));
    JsonArray first = views.get(0).getJsonArray("results");
    for (JsonObject view : views) {
      assertThat(view.getBoolean("released")).isTrue();
      assertThat(view.getInteger("respondents")).isEqualTo(released);
      assertThat(view.getInteger("k")).isEqualTo(K);
      assertThat(view.getJsonArray("results")).as("every screen gets the same rows").isEqualTo(first);
    }
    Map<String, JsonObject> rows = new LinkedHashMap<>();
    for (Object o : first) {
      JsonObject row = (JsonObject) o;
      rows.put(row.getString("key"), row);
      int count = truth.getOrDefault(row.getString("key"), 0);
      if (row.containsKey("count")) {
        assertThat(row.getInteger("count")).as(row.getString("label")).isEqualTo(count);
        assertThat(count).as("a shown count singles out at least k on each side").isBetween(K, released - K);
        assertThat(row.getDouble("share")).isEqualTo(Math.round(1000.0 * count / released) / 1000.0);
        assertThat(row.containsKey("hidden")).isFalse();
      } else {
        assertThat(row.getString("hidden")).isIn(REASONS);
        assertThat(row.fieldNames()).containsExactlyInAnyOrder("key", "label", "hidden");
        if ("fewer-than-k".equals(row.getString("hidden"))) {
          assertThat(count).isLessThan(K);
        } else if ("all-but-fewer-than-k".equals(row.getString("hidden"))) {
          assertThat(released - count).isLessThan(K);
        }
      }
    }
    if (!"multiple".equals(views.get(0).getString("type"))) {
      assertNoHiddenCountDerivable(rows.values(), released);
    }
    return rows;
  }

  /**
   * Lists every way the hidden counts of a single-choice or scale poll could add up, given what a reader
   * sees (the shown counts, the respondents, each hidden row's reason), and checks that each hidden
   * count could have been at least two different numbers.
   */
  private static void assertNoHiddenCountDerivable(java.util.Collection<JsonObject> rows, int respondents) {
    List<int[]> ranges = new ArrayList<>();
    int rest = respondents;
    for (JsonObject row : rows) {
      if (row.containsKey("count")) {
        rest -= row.getInteger("count");
      } else {
        ranges.add(switch (row.getString("hidden")) {
          case "fewer-than-k" -> new int[] {0, K - 1};
          case "all-but-fewer-than-k" -> new int[] {respondents - K + 1, respondents};
          default -> new int[] {0, respondents};
        });
      }
    }
    List<Set<Integer>> possible = new ArrayList<>();
    ranges.forEach(r -> possible.add(new java.util.HashSet<>()));
    enumerate(ranges, 0, rest, new int[ranges.size()], possible);
    for (int i = 0; i < possible.size(); i++) {
      assertThat(possible.get(i)).as("values hidden row " + i + " could have").hasSizeGreaterThanOrEqualTo(2);
    }
  }

  private static void enumerate(List<int[]> ranges, int i, int left, int[] values, List<Set<Integer>> possible) {
    if (i == ranges.size()) {
      if (left == 0) {
        for (int j = 0; j < values.length; j++) {
          possible.get(j).add(values[j]);
        }
      }
      return;
    }
    for (int v = ranges.get(i)[0]; v <= Math.min(ranges.get(i)[1], left); v++) {
      values[i] = v;
      enumerate(ranges, i + 1, left - v, values, possible);
    }
  }
}
