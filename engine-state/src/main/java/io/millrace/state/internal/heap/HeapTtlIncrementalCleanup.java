package io.millrace.state.internal.heap;

import io.millrace.state.internal.ttl.TtlPolicy;
import java.util.function.LongSupplier;

/**
 * The heap backend's incremental TTL cleanup of one state: each {@link #run()} checks the next
 * {@code cleanupSize} entries of the state's {@link StateTable} and removes the expired ones
 * (or their expired list elements and map entries), continuing where the previous run stopped
 * and wrapping around. Runs before every access of the state, and for every record when
 * {@code runCleanupForEveryRecord} is set.
 *
 * <p>The cursor walks the key groups; entering a group (its void-namespace keys, then its
 * namespaced keys) it copies that group's keys, so accesses between runs may add and remove
 * entries freely: keys removed meanwhile are skipped, keys added are seen on the next pass. A
 * run stops after one full pass over an empty table. Only states with TTL have one.
 *
 * @param <K> the key type
 * @param <V> the stored value type
 */
final class HeapTtlIncrementalCleanup<K, V> implements Runnable {
  private static final Object[] NO_KEYS = new Object[0];

  private final StateTable<K, V> table;
  private final TtlPolicy.ExpiredFilter<V> filter;
  private final LongSupplier clock;
  private final int cleanupSize;

  private int groupIndex = -1;
  private boolean namespaced = true;
  private Object[] keys = NO_KEYS;
  private int position;

  HeapTtlIncrementalCleanup(
      StateTable<K, V> table, TtlPolicy.ExpiredFilter<V> filter, LongSupplier clock,
      int cleanupSize) {
    this.table = table;
    this.filter = filter;
    this.clock = clock;
    this.cleanupSize = cleanupSize;
  }

  // keys holds only keys copied from the table's maps of K.
  @SuppressWarnings("unchecked")
  @Override
  public void run() {
    long now = clock.getAsLong();
    int budget = cleanupSize;
    int emptySegments = 0;
    int segments = 2 * table.numberOfGroups();
    while (budget > 0) {
      if (position == keys.length) {
        if (emptySegments == segments) {
          return;
        }
        nextSegment();
        if (keys.length == 0) {
          emptySegments++;
        } else {
          emptySegments = 0;
        }
        continue;
      }
      K key = (K) keys[position];
      keys[position++] = null;
      budget -= Math.max(1, table.removeExpired(key, groupIndex, namespaced, filter, now));
    }
  }

  private void nextSegment() {
    if (namespaced) {
      groupIndex = groupIndex + 1 == table.numberOfGroups() ? 0 : groupIndex + 1;
      namespaced = false;
    } else {
      namespaced = true;
    }
    keys = table.keysOf(groupIndex, namespaced);
    position = 0;
  }
}
