package org.talkingpiece.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The load client's accounting. Sockets belong to groups (the sockets listening to one session's
 * public address). A <em>change</em> is a command that produced state version {@code v} in a group,
 * sent at a known time; an <em>arrival</em> is a state frame with some version reaching one socket.
 * A change has reached a socket when a frame with version {@code >= v} arrives there (updates are
 * coalesced, so one frame may carry several changes). Each (change, socket) pair is counted once:
 * as a latency, or as missing if nothing new enough ever arrived. A socket that receives the same
 * version twice, or an older one after a newer, is counted as a duplicate or out of order.
 */
public final class Deliveries {
  private final Track[] tracks;
  private final int[] groupOf;
  private final List<List<long[]>> changes = new ArrayList<>();

  /** @param groupOf the group of each socket, by socket index */
  public Deliveries(int[] groupOf) {
    this.groupOf = groupOf.clone();
    this.tracks = new Track[groupOf.length];
    int groups = 0;
    for (int i = 0; i < groupOf.length; i++) {
      tracks[i] = new Track();
      groups = Math.max(groups, groupOf[i] + 1);
    }
    for (int g = 0; g < groups; g++) {
      changes.add(new ArrayList<>());
    }
  }

  /** A state frame with {@code version} reached socket {@code socket} at {@code atNanos}. */
  public void arrived(int socket, long version, long atNanos) {
    tracks[socket].add(version, atNanos);
  }

  /** A command sent at {@code sentNanos} produced {@code version} in {@code group}. */
  public void changed(int group, long version, long sentNanos) {
    List<long[]> list = changes.get(group);
    synchronized (list) {
      list.add(new long[] {version, sentNanos});
    }
  }

  /** Forgets every change and arrival so far (after a warm-up). */
  public void reset() {
    for (Track t : tracks) {
      t.clear();
    }
    for (List<long[]> list : changes) {
      synchronized (list) {
        list.clear();
      }
    }
  }

  /** Counts what arrived: latencies in microseconds, and what went missing or came twice. */
  public Result settle() {
    Samples latencies = new Samples();
    Samples lastArrivals = new Samples();
    long missing = 0;
    long duplicates = 0;
    long outOfOrder = 0;
    long frames = 0;
    List<long[]> slowest = new ArrayList<>();
    List<boolean[]> incomplete = new ArrayList<>();
    for (List<long[]> list : changes) {
      synchronized (list) {
        slowest.add(new long[list.size()]);
        incomplete.add(new boolean[list.size()]);
      }
    }
    for (int s = 0; s < tracks.length; s++) {
      Track t = tracks[s];
      int g = groupOf[s];
      synchronized (t) {
        frames += t.size + t.duplicates + t.outOfOrder;
        duplicates += t.duplicates;
        outOfOrder += t.outOfOrder;
        List<long[]> list = changes.get(g);
        synchronized (list) {
          for (int c = 0; c < list.size() && c < slowest.get(g).length; c++) {
            long[] change = list.get(c);
            int i = t.firstAtLeast(change[0]);
            if (i < 0) {
              missing++;
              incomplete.get(g)[c] = true;
            } else {
              long micros = Math.max(0, t.times[i] - change[1]) / 1_000;
              latencies.add(micros);
              slowest.get(g)[c] = Math.max(slowest.get(g)[c], micros);
            }
          }
        }
      }
    }
    long changeCount = 0;
    for (int g = 0; g < slowest.size(); g++) {
      changeCount += slowest.get(g).length;
      for (int c = 0; c < slowest.get(g).length; c++) {
        if (!incomplete.get(g)[c]) {
          lastArrivals.add(slowest.get(g)[c]);
        }
      }
    }
    return new Result(latencies, lastArrivals, changeCount, missing, duplicates, outOfOrder, frames);
  }

  /**
   * @param latencies one per (change, socket) pair that arrived, in microseconds
   * @param lastArrivals one per change that reached every socket of its group: the slowest of them
   * @param changes versioned changes sent
   * @param missing (change, socket) pairs that never arrived
   * @param duplicates frames whose version the socket had already seen
   * @param outOfOrder frames older than one the socket had already seen
   * @param frames state frames received in all
   */
  public record Result(Samples latencies, Samples lastArrivals, long changes, long missing, long duplicates,
      long outOfOrder, long frames) {}

  /** One socket's arrivals: versions strictly rising (others are counted, not kept) and their times. */
  private static final class Track {
    long[] versions = new long[16];
    long[] times = new long[16];
    int size;
    long duplicates;
    long outOfOrder;

    synchronized void add(long version, long at) {
      if (size > 0 && version <= versions[size - 1]) {
        if (version == versions[size - 1]) {
          duplicates++;
        } else {
          outOfOrder++;
        }
        return;
      }
      if (size == versions.length) {
        versions = Arrays.copyOf(versions, size * 2);
        times = Arrays.copyOf(times, size * 2);
      }
      versions[size] = version;
      times[size] = at;
      size++;
    }

    synchronized void clear() {
      size = 0;
      duplicates = 0;
      outOfOrder = 0;
    }

    /** Index of the first arrival with a version at least {@code v}, or -1. */
    int firstAtLeast(long v) {
      int i = Arrays.binarySearch(versions, 0, size, v);
      if (i < 0) {
        i = -i - 1;
      }
      return i < size ? i : -1;
    }
  }
}
