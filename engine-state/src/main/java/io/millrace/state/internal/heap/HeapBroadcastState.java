package io.millrace.state.internal.heap;

import io.millrace.state.BroadcastState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Heap {@link BroadcastState}: a {@link HashMap}. {@link #immutableEntries()} is an
 * unmodifiable view (neither removal nor {@code setValue}); {@link #entries()} and
 * {@link #iterator()} write through.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {

  private final HashMap<K, V> map = new HashMap<>();
  private final Map<K, V> readOnlyView = Collections.unmodifiableMap(map);
  final MapStateDescriptor<K, V> descriptor;
  final Class<K> keyClass;
  final Class<V> valueClass;

  HeapBroadcastState(MapStateDescriptor<K, V> descriptor) {
    this.descriptor = descriptor;
    this.keyClass = descriptor.getKeyClass();
    this.valueClass = descriptor.getValueClass();
  }

  /**
   * A copy of the mappings for a snapshot: values copied with {@code values} unless they are
   * immutable (keys must not change anyway).
   */
  Map<K, V> copy(TypeSerializer<V> values) {
    HashMap<K, V> copy = new HashMap<>(map);
    if (!values.isImmutableType()) {
      copy.replaceAll((key, value) -> value == null ? null : values.copy(value));
    }
    return copy;
  }

  @Override
  public V get(K key) {
    return map.get(key);
  }

  @Override
  public boolean contains(K key) {
    return map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> immutableEntries() {
    return readOnlyView.entrySet();
  }

  @Override
  public void put(K key, V value) {
    map.put(key, value);
  }

  @Override
  public void putAll(Map<K, V> entries) {
    map.putAll(entries);
  }

  @Override
  public void remove(K key) {
    map.remove(key);
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return map.entrySet().iterator();
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    return map.entrySet();
  }

  void clear() {
    map.clear();
  }

  @Override
  public String toString() {
    return map.toString();
  }
}
