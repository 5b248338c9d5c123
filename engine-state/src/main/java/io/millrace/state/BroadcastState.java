package io.millrace.state;

import java.util.Iterator;
import java.util.Map;

/**
 * Operator state replicated on every parallel instance of a broadcast-connected operator,
 * written only when processing broadcast elements (so all instances stay equal).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
  /** Maps {@code key} to {@code value}. */
  void put(K key, V value) throws Exception;

  /** Copies all mappings of {@code map}. */
  void putAll(Map<K, V> map) throws Exception;

  /** Removes the mapping of {@code key}, if any. */
  void remove(K key) throws Exception;

  /** All mappings; the iterator supports {@code remove()}. */
  Iterator<Map.Entry<K, V>> iterator() throws Exception;

  /** All mappings, modifiable through {@code Map.Entry.setValue}. */
  Iterable<Map.Entry<K, V>> entries() throws Exception;
}
