package io.millrace.runtime.time;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timers of one time domain: one timer per (key, namespace, time), ordered by time and,
 * among equal times, by registration — so firing order is deterministic.
 *
 * <p>Timers are bucketed by time: aligned windows (tumbling, sliding) give every key's window a
 * timer at the same few ends, so adding, deleting and polling cost a lookup among the distinct
 * times plus a hash-set operation, not a search among all timers. A time with a single timer
 * holds it directly, without a set, since unaligned timers (sessions) rarely share a time.
 *
 * @param <K> key type
 * @param <N> namespace type
 */
final class TimerQueue<K, N> {
  /** Time → the one timer at that time, or a {@link LinkedHashSet} of them in registration order. */
  private final TreeMap<Long, Object> byTime = new TreeMap<>();
  private int size;

  /** Adds {@code timer}; returns false if it was already there. */
  boolean add(InternalTimer<K, N> timer) {
    Long time = timer.timestamp();
    Object bucket = byTime.get(time);
    if (bucket == null) {
      byTime.put(time, timer);
    } else if (bucket instanceof InternalTimer<?, ?> single) {
      if (single.equals(timer)) {
        return false;
      }
      LinkedHashSet<InternalTimer<?, ?>> timers = new LinkedHashSet<>();
      timers.add(single);
      timers.add(timer);
      byTime.put(time, timers);
    } else if (!set(bucket).add(timer)) {
      return false;
    }
    size++;
    return true;
  }

  /** Removes {@code timer}; returns false if it was not there. */
  boolean remove(InternalTimer<K, N> timer) {
    Long time = timer.timestamp();
    Object bucket = byTime.get(time);
    if (bucket == null) {
      return false;
    }
    if (bucket instanceof InternalTimer<?, ?> single) {
      if (!single.equals(timer)) {
        return false;
      }
      byTime.remove(time);
    } else {
      LinkedHashSet<InternalTimer<?, ?>> timers = set(bucket);
      if (!timers.remove(timer)) {
        return false;
      }
      if (timers.isEmpty()) {
        byTime.remove(time);
      }
    }
    size--;
    return true;
  }

  /** The earliest timer, or null. */
  InternalTimer<K, N> peek() {
    Map.Entry<Long, Object> first = byTime.firstEntry();
    if (first == null) {
      return null;
    }
    Object bucket = first.getValue();
    return timer(bucket instanceof InternalTimer<?, ?> single ? single : set(bucket).iterator().next());
  }

  /** Removes and returns the earliest timer, or null. */
  InternalTimer<K, N> poll() {
    Map.Entry<Long, Object> first = byTime.firstEntry();
    if (first == null) {
      return null;
    }
    size--;
    Object bucket = first.getValue();
    if (bucket instanceof InternalTimer<?, ?> single) {
      byTime.pollFirstEntry();
      return timer(single);
    }
    Iterator<InternalTimer<?, ?>> timers = set(bucket).iterator();
    InternalTimer<?, ?> earliest = timers.next();
    timers.remove();
    if (!timers.hasNext()) {
      byTime.pollFirstEntry();
    }
    return timer(earliest);
  }

  /** Adds every timer to {@code out}, in firing order. */
  void copyTo(java.util.List<InternalTimer<K, N>> out) {
    for (Object bucket : byTime.values()) {
      if (bucket instanceof InternalTimer<?, ?> single) {
        out.add(timer(single));
      } else {
        for (InternalTimer<?, ?> timer : set(bucket)) {
          out.add(timer(timer));
        }
      }
    }
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked") // buckets hold only timers of this queue
  private static LinkedHashSet<InternalTimer<?, ?>> set(Object bucket) {
    return (LinkedHashSet<InternalTimer<?, ?>>) bucket;
  }

  @SuppressWarnings("unchecked") // buckets hold only timers of this queue
  private InternalTimer<K, N> timer(InternalTimer<?, ?> timer) {
    return (InternalTimer<K, N>) timer;
  }
}
