package io.millrace.state.internal.heap;

import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.ttl.TtlPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The values of one keyed state: (key, namespace) → value, partitioned by key group so that a
 * snapshot can write and read one key group at a time.
 *
 * <p><b>Layout.</b> One {@link KeyGroupEntries} per key group of the backend's range, indexed by
 * {@code keyGroup - range.startKeyGroup()}. Each holds two maps:
 *
 * <ul>
 *   <li>{@code voidNamespace}: key → value, for {@link VoidNamespace#INSTANCE} — the common case
 *       (every state but window and CEP state). An access is one {@code HashMap} lookup and
 *       allocates nothing; the namespace test is an identity comparison.
 *   <li>{@code namespaced}: key → (namespace → value), for every other namespace (windows). The
 *       inner map is created with a key's first namespace and removed with its last, so a key
 *       without values holds no memory.
 * </ul>
 *
 * Keeping the two apart (rather than storing either a value or a map under the key) avoids any
 * ambiguity when the value itself is a map (map state) and costs one empty map per key group.
 *
 * <p>Confined to the subtask's thread, like the backend. Values are stored by reference.
 *
 * @param <K> the key type
 * @param <V> the stored value type
 */
final class StateTable<K, V> {

  /** The entries of one key group. */
  static final class KeyGroupEntries<K, V> {
    final HashMap<K, V> voidNamespace = new HashMap<>();
    final HashMap<K, HashMap<Object, V>> namespaced = new HashMap<>();

    int size() {
      int size = voidNamespace.size();
      for (HashMap<Object, V> byNamespace : namespaced.values()) {
        size += byNamespace.size();
      }
      return size;
    }

    void clear() {
      voidNamespace.clear();
      namespaced.clear();
    }
  }

  private static final Object[] NO_KEYS = new Object[0];

  private final KeyGroupEntries<K, V>[] groups;

  StateTable(int numberOfGroups) {
    groups = newGroupArray(numberOfGroups);
    for (int i = 0; i < numberOfGroups; i++) {
      groups[i] = new KeyGroupEntries<>();
    }
  }

  // Generic array creation: the array never escapes this class and only ever holds
  // KeyGroupEntries<K, V>, so the cast from KeyGroupEntries<?>[] cannot be observed as wrong.
  @SuppressWarnings("unchecked")
  private static <K, V> KeyGroupEntries<K, V>[] newGroupArray(int length) {
    return (KeyGroupEntries<K, V>[]) new KeyGroupEntries<?, ?>[length];
  }

  /** The value of (key, namespace), or {@code null}. */
  V get(K key, int groupIndex, Object namespace) {
    KeyGroupEntries<K, V> group = groups[groupIndex];
    if (namespace == VoidNamespace.INSTANCE) {
      return group.voidNamespace.get(key);
    }
    HashMap<Object, V> byNamespace = group.namespaced.get(key);
    return byNamespace == null ? null : byNamespace.get(namespace);
  }

  /** Sets the value of (key, namespace); {@code value} must not be null. */
  void put(K key, int groupIndex, Object namespace, V value) {
    KeyGroupEntries<K, V> group = groups[groupIndex];
    if (namespace == VoidNamespace.INSTANCE) {
      group.voidNamespace.put(key, value);
      return;
    }
    HashMap<Object, V> byNamespace = group.namespaced.get(key);
    if (byNamespace == null) {
      byNamespace = new HashMap<>(4);
      group.namespaced.put(key, byNamespace);
    }
    byNamespace.put(namespace, value);
  }

  /**
   * Removes the value of (key, namespace) and returns it, or {@code null} if there was none.
   * Removing a key's last namespace removes the key.
   */
  V remove(K key, int groupIndex, Object namespace) {
    KeyGroupEntries<K, V> group = groups[groupIndex];
    if (namespace == VoidNamespace.INSTANCE) {
      return group.voidNamespace.remove(key);
    }
    HashMap<Object, V> byNamespace = group.namespaced.get(key);
    if (byNamespace == null) {
      return null;
    }
    V old = byNamespace.remove(namespace);
    if (byNamespace.isEmpty()) {
      group.namespaced.remove(key);
    }
    return old;
  }

  /** The keys with a value in {@code namespace}, copied into a new list. */
  List<K> keys(Object namespace) {
    List<K> keys = new ArrayList<>();
    for (KeyGroupEntries<K, V> group : groups) {
      if (namespace == VoidNamespace.INSTANCE) {
        keys.addAll(group.voidNamespace.keySet());
      } else {
        for (Map.Entry<K, HashMap<Object, V>> entry : group.namespaced.entrySet()) {
          if (entry.getValue().containsKey(namespace)) {
            keys.add(entry.getKey());
          }
        }
      }
    }
    return keys;
  }

  /** The number of (key, namespace) entries. */
  int size() {
    int size = 0;
    for (KeyGroupEntries<K, V> group : groups) {
      size += group.size();
    }
    return size;
  }

  /** The number of key groups. */
  int numberOfGroups() {
    return groups.length;
  }

  /**
   * A copy of the keys of group {@code groupIndex} that have a value in the void namespace
   * ({@code namespaced == false}) or in any other namespace ({@code namespaced == true}).
   */
  Object[] keysOf(int groupIndex, boolean namespaced) {
    KeyGroupEntries<K, V> group = groups[groupIndex];
    HashMap<K, ?> map = namespaced ? group.namespaced : group.voidNamespace;
    return map.isEmpty() ? NO_KEYS : map.keySet().toArray();
  }

  /**
   * Applies {@code filter} to the values of {@code key} in group {@code groupIndex} (its void
   * namespace value, or all its other namespaces' values), storing what remains and removing
   * entries of which nothing remains. Returns the number of entries checked.
   */
  int removeExpired(
      K key, int groupIndex, boolean namespaced, TtlPolicy.ExpiredFilter<V> filter, long now) {
    KeyGroupEntries<K, V> group = groups[groupIndex];
    if (!namespaced) {
      V value = group.voidNamespace.get(key);
      if (value == null) {
        return 0;
      }
      V remaining = filter.removeExpired(value, now);
      if (remaining == null) {
        group.voidNamespace.remove(key);
      } else if (remaining != value) {
        group.voidNamespace.put(key, remaining);
      }
      return 1;
    }
    HashMap<Object, V> byNamespace = group.namespaced.get(key);
    if (byNamespace == null) {
      return 0;
    }
    int checked = 0;
    for (Iterator<Map.Entry<Object, V>> entries = byNamespace.entrySet().iterator();
        entries.hasNext(); ) {
      Map.Entry<Object, V> entry = entries.next();
      checked++;
      V remaining = filter.removeExpired(entry.getValue(), now);
      if (remaining == null) {
        entries.remove();
      } else if (remaining != entry.getValue()) {
        entry.setValue(remaining);
      }
    }
    if (byNamespace.isEmpty()) {
      group.namespaced.remove(key);
    }
    return checked;
  }

  /** Removes every entry. */
  void clear() {
    for (KeyGroupEntries<K, V> group : groups) {
      group.clear();
    }
  }
}
