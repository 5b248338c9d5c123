package io.millrace.state;

import java.util.Map;

/**
 * The view of broadcast state given to the non-broadcast side of a broadcast connection: it
 * may read but not change the state, so that every parallel instance keeps the same contents.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ReadOnlyBroadcastState<K, V> {
  /** Returns the value mapped to {@code key}, or {@code null}. */
  V get(K key) throws Exception;

  /** Whether {@code key} is mapped. */
  boolean contains(K key) throws Exception;

  /** An immutable view of all mappings. */
  Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
