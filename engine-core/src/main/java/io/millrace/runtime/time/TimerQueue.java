package io.millrace.runtime.time;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The timers of one time domain: one timer per (key, namespace, time), ordered by time and,
 * among equal times, by registration — so firing order is deterministic. Adding, deleting and
 * polling are O(log n) (session windows and cleanup timers delete often).
 *
 * @param <K> key type
 * @param <N> namespace type
 */
final class TimerQueue<K, N> {
  private record Entry<K, N>(InternalTimer<K, N> timer, long sequence) implements Comparable<Entry<K, N>> {
    @Override
    public int compareTo(Entry<K, N> other) {
      int byTime = Long.compare(timer.timestamp(), other.timer.timestamp());
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final TreeSet<Entry<K, N>> ordered = new TreeSet<>();
  private final Map<InternalTimer<K, N>, Entry<K, N>> byTimer = new HashMap<>();
  private long nextSequence;

  /** Adds {@code timer}; returns false if it was already there. */
  boolean add(InternalTimer<K, N> timer) {
    if (byTimer.containsKey(timer)) {
      return false;
    }
    Entry<K, N> entry = new Entry<>(timer, nextSequence++);
    byTimer.put(timer, entry);
    ordered.add(entry);
    return true;
  }

  /** Removes {@code timer}; returns false if it was not there. */
  boolean remove(InternalTimer<K, N> timer) {
    Entry<K, N> entry = byTimer.remove(timer);
    if (entry == null) {
      return false;
    }
    ordered.remove(entry);
    return true;
  }

  /** The earliest timer, or null. */
  InternalTimer<K, N> peek() {
    return ordered.isEmpty() ? null : ordered.first().timer();
  }

  /** Removes and returns the earliest timer, or null. */
  InternalTimer<K, N> poll() {
    Entry<K, N> first = ordered.pollFirst();
    if (first == null) {
      return null;
    }
    byTimer.remove(first.timer());
    return first.timer();
  }

  int size() {
    return byTimer.size();
  }
}
