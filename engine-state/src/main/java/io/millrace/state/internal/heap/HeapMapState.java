package io.millrace.state.internal.heap;

import io.millrace.state.MapState;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Heap {@link MapState}: stores a {@link HashMap} per (key, namespace), created with the first
 * mapping and removed with the last — by {@link #remove}, or by {@code remove()} on an iterator
 * of {@link #entries()}, {@link #keys()} or {@link #values()} — so that an empty map holds no
 * entry. Null user keys and values are allowed, as in Apache Flink's heap backend.
 *
 * <p>The iterables are views of the current key's map at the time of the call (empty when the
 * key has no map); {@code Map.Entry.setValue} writes through.
 *
 * @param <K> the key type
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
final class HeapMapState<K, UK, UV> extends AbstractHeapState<K, HashMap<UK, UV>>
    implements MapState<UK, UV> {

  HeapMapState(HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor) {
    super(backend, descriptor);
  }

  @Override
  public UV get(UK key) {
    HashMap<UK, UV> map = getCurrent();
    return map == null ? null : map.get(key);
  }

  @Override
  public void put(UK key, UV value) {
    currentOrNewMap().put(key, value);
  }

  @Override
  public void putAll(Map<UK, UV> map) {
    if (map == null || map.isEmpty()) {
      return;
    }
    currentOrNewMap().putAll(map);
  }

  @Override
  public void remove(UK key) {
    HashMap<UK, UV> map = getCurrent();
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        clear();
      }
    }
  }

  @Override
  public boolean contains(UK key) {
    HashMap<UK, UV> map = getCurrent();
    return map != null && map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    HashMap<UK, UV> map = getCurrent();
    return map == null ? Collections.emptySet() : view(map, map.entrySet());
  }

  @Override
  public Iterable<UK> keys() {
    HashMap<UK, UV> map = getCurrent();
    return map == null ? Collections.emptySet() : view(map, map.keySet());
  }

  @Override
  public Iterable<UV> values() {
    HashMap<UK, UV> map = getCurrent();
    return map == null ? Collections.emptySet() : view(map, map.values());
  }

  @Override
  public boolean isEmpty() {
    HashMap<UK, UV> map = getCurrent();
    return map == null || map.isEmpty();
  }

  private HashMap<UK, UV> currentOrNewMap() {
    HashMap<UK, UV> map = getCurrent();
    if (map == null) {
      map = new HashMap<>();
      putCurrent(map);
    }
    return map;
  }

  /**
   * An iterable over {@code source} (a view of {@code map}) whose iterators remove the
   * (key, namespace) entry from the table when their {@code remove()} empties the map.
   */
  private <E> Iterable<E> view(HashMap<UK, UV> map, Iterable<E> source) {
    K key = currentKey();
    int groupIndex = backend.currentKeyGroupIndex;
    Object namespace = currentNamespace;
    return () -> {
      Iterator<E> iterator = source.iterator();
      return new Iterator<E>() {
        @Override
        public boolean hasNext() {
          return iterator.hasNext();
        }

        @Override
        public E next() {
          return iterator.next();
        }

        @Override
        public void remove() {
          iterator.remove();
          if (map.isEmpty() && table.get(key, groupIndex, namespace) == map) {
            table.remove(key, groupIndex, namespace);
          }
        }
      };
    };
  }

  /** A new map with the same mappings, values copied unless they are immutable. */
  @Override
  UnaryOperator<HashMap<UK, UV>> copier(TypeSerializer<Object> valueSerializer) {
    TypeSerializer<UV> values = cast(valueSerializer);
    boolean immutable = values.isImmutableType();
    return map -> {
      HashMap<UK, UV> copy = new HashMap<>(map);
      if (!immutable) {
        copy.replaceAll((key, value) -> value == null ? null : values.copy(value));
      }
      return copy;
    };
  }
}
