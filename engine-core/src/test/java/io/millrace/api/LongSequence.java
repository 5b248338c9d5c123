package io.millrace.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A growable list of primitive longs: what a sink appends a key's emitted values to, and what the
 * sequential reference builds, without boxing a million values. Appends are synchronized so a
 * routing bug that sent one key to two subtasks shows up as a wrong sequence, not as a torn one.
 */
final class LongSequence {
  private long[] values = new long[16];
  private int size;

  synchronized void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  synchronized int size() {
    return size;
  }

  synchronized long last() {
    if (size == 0) {
      throw new IllegalStateException("empty sequence");
    }
    return values[size - 1];
  }

  /**
   * Null if this sequence equals {@code expected}, else a description of the first difference
   * (sizes and the first differing position), small enough for a failure message.
   */
  synchronized String firstDifferenceFrom(LongSequence expected) {
    long[] other;
    int otherSize;
    synchronized (expected) {
      other = expected.values;
      otherSize = expected.size;
    }
    int common = Math.min(size, otherSize);
    for (int i = 0; i < common; i++) {
      if (values[i] != other[i]) {
        return "first difference at position " + i + " of " + otherSize + ": expected " + other[i] + " but was "
            + values[i] + " (" + size + " values emitted)";
      }
    }
    if (size != otherSize) {
      return "expected " + otherSize + " values but " + size + " were emitted (equal on the first " + common + ")";
    }
    return null;
  }

  /**
   * The keys whose sequences differ between {@code expected} and {@code actual} (a key missing on
   * one side counts as an empty sequence), each with its first difference; at most
   * {@code limit} entries.
   */
  static List<String> differences(
      Map<Integer, LongSequence> expected, Map<Integer, LongSequence> actual, int limit) {
    TreeSet<Integer> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    List<String> differences = new ArrayList<>();
    for (Integer key : keys) {
      String difference = actual.getOrDefault(key, new LongSequence())
          .firstDifferenceFrom(expected.getOrDefault(key, new LongSequence()));
      if (difference != null && differences.size() < limit) {
        differences.add("key " + key + ": " + difference);
      }
    }
    return differences;
  }
}
