package org.talkingpiece.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The load client's accounting: every (change, socket) pair counted once, as arrived or missing. */
class DeliveriesTest {
  private static final long MS = 1_000_000;

  /** Sockets 0 and 1 watch group 0; socket 2 watches group 1. */
  private final Deliveries d = new Deliveries(new int[] {0, 0, 1});

  @Test
  @DisplayName("a change's latency at a socket runs from its sending to the first frame at least as new")
  void latencyToFirstNewEnoughFrame() {
    d.changed(0, 5, 100 * MS);
    d.arrived(0, 5, 102 * MS);
    d.arrived(1, 5, 104 * MS);
    d.arrived(0, 6, 110 * MS);

    Deliveries.Result r = d.settle();

    assertThat(r.latencies().count()).isEqualTo(2);
    assertThat(r.latencies().min()).isEqualTo(2_000);
    assertThat(r.latencies().max()).isEqualTo(4_000);
    assertThat(r.lastArrivals().count()).isEqualTo(1);
    assertThat(r.lastArrivals().max()).isEqualTo(4_000);
    assertThat(r.changes()).isEqualTo(1);
    assertThat(r.missing()).isZero();
    assertThat(r.frames()).isEqualTo(3);
  }

  @Test
  @DisplayName("one coalesced frame carrying two changes counts once for each change, not twice for one")
  void coalescedFrame() {
    d.changed(0, 7, 100 * MS);
    d.changed(0, 8, 101 * MS);
    d.arrived(0, 8, 110 * MS);
    d.arrived(1, 8, 111 * MS);

    Deliveries.Result r = d.settle();

    assertThat(r.latencies().count()).isEqualTo(4);
    assertThat(r.latencies().max()).isEqualTo(11_000);
    assertThat(r.latencies().min()).isEqualTo(9_000);
    assertThat(r.duplicates()).isZero();
  }

  @Test
  @DisplayName("a change that never reaches a socket is missing there, and its group's 'reaches all' is not counted")
  void missing() {
    d.changed(0, 3, 100 * MS);
    d.arrived(0, 3, 101 * MS);

    Deliveries.Result r = d.settle();

    assertThat(r.missing()).isEqualTo(1);
    assertThat(r.latencies().count()).isEqualTo(1);
    assertThat(r.lastArrivals().count()).isZero();
  }

  @Test
  @DisplayName("a repeated version is a duplicate, an older one is out of order; neither counts as an arrival")
  void duplicatesAndOutOfOrder() {
    d.changed(0, 4, 100 * MS);
    d.arrived(0, 4, 105 * MS);
    d.arrived(0, 4, 106 * MS);
    d.arrived(0, 3, 107 * MS);
    d.arrived(1, 4, 108 * MS);

    Deliveries.Result r = d.settle();

    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.outOfOrder()).isEqualTo(1);
    assertThat(r.frames()).isEqualTo(4);
    assertThat(r.latencies().count()).isEqualTo(2);
    assertThat(r.latencies().min()).isEqualTo(5_000);
  }

  @Test
  @DisplayName("changes in one group are not matched with frames in another")
  void groupsAreSeparate() {
    d.changed(1, 9, 100 * MS);
    d.arrived(0, 9, 101 * MS);
    d.arrived(1, 9, 101 * MS);

    Deliveries.Result r = d.settle();

    assertThat(r.missing()).isEqualTo(1);
    assertThat(r.latencies().count()).isZero();

    d.arrived(2, 9, 120 * MS);
    assertThat(d.settle().latencies().max()).isEqualTo(20_000);
  }

  @Test
  @DisplayName("reset forgets the warm-up: changes and frames before it are not counted")
  void reset() {
    d.changed(0, 1, 100 * MS);
    d.arrived(0, 1, 150 * MS);
    d.reset();
    d.changed(0, 2, 200 * MS);
    d.arrived(0, 2, 201 * MS);
    d.arrived(1, 2, 202 * MS);

    Deliveries.Result r = d.settle();

    assertThat(r.changes()).isEqualTo(1);
    assertThat(r.latencies().count()).isEqualTo(2);
    assertThat(r.latencies().max()).isEqualTo(2_000);
    assertThat(r.frames()).isEqualTo(2);
  }
}
