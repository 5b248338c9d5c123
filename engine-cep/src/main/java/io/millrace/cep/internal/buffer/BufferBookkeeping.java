package io.millrace.cep.internal.buffer;

import java.util.Arrays;

/**
 * What the shared buffer of one key counts besides its events and nodes: how many events it holds
 * (so that emptiness needs no scan of the event store) and, per recent timestamp, how many events
 * of that timestamp it registered (the numbers of new event ids). One small value per key,
 * instead of a map whose scans on RocksDB would step over the tombstones of every removed entry.
 * Mutable; lives in keyed state.
 */
public final class BufferBookkeeping {
  private int liveEvents;
  /** Pairs (timestamp, count), by ascending timestamp. */
  private long[] counts;

  BufferBookkeeping(int liveEvents, long[] counts) {
    this.liveEvents = liveEvents;
    this.counts = counts;
  }

  static BufferBookkeeping empty() {
    return new BufferBookkeeping(0, new long[0]);
  }

  int liveEvents() {
    return liveEvents;
  }

  long[] counts() {
    return counts;
  }

  void eventAdded() {
    liveEvents++;
  }

  void eventRemoved() {
    liveEvents--;
  }

  /** The number of events of {@code timestamp} registered so far; counts one more. */
  int nextId(long timestamp) {
    for (int i = 0; i < counts.length; i += 2) {
      if (counts[i] == timestamp) {
        return (int) counts[i + 1]++;
      }
      if (counts[i] > timestamp) {
        counts = insert(i, timestamp);
        return 0;
      }
    }
    counts = insert(counts.length, timestamp);
    return 0;
  }

  private long[] insert(int at, long timestamp) {
    long[] grown = new long[counts.length + 2];
    System.arraycopy(counts, 0, grown, 0, at);
    grown[at] = timestamp;
    grown[at + 1] = 1;
    System.arraycopy(counts, at, grown, at + 2, counts.length - at);
    return grown;
  }

  /** Forgets the counts of timestamps before {@code timestamp}; true if any was forgotten. */
  boolean forgetBefore(long timestamp) {
    int keep = 0;
    while (keep < counts.length && counts[keep] < timestamp) {
      keep += 2;
    }
    if (keep == 0) {
      return false;
    }
    counts = Arrays.copyOfRange(counts, keep, counts.length);
    return true;
  }

  boolean isEmpty() {
    return liveEvents == 0 && counts.length == 0;
  }

  @Override
  public String toString() {
    return "BufferBookkeeping{events=" + liveEvents + ", counts=" + Arrays.toString(counts) + "}";
  }
}
