package io.millrace.state.internal.heap;

import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.ttl.TtlPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The values of one keyed state: (key, namespace) → value, partitioned by key group so that a
 * snapshot can write and read one key group at a time, and copied on write while a snapshot
 * reads it.
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
 * <p><b>Snapshots: copy on write.</b> {@link #freeze} (the synchronous part of a snapshot)
 * hands the snapshot the current {@code KeyGroupEntries} objects and marks every key group
 * frozen: O(key groups), nothing else is copied. From then on these objects are never changed
 * again, so the snapshot's writer may read them on another thread. The first access to a frozen
 * key group that may change it or hand out one of its values replaces it by a shallow copy of
 * its two maps (O(entries of that key group)) whose {@code base} is the frozen original. In
 * such a copy, a value (or a key's inner namespace map) that is still the very object of the
 * base is shared with the snapshot: it is deep-copied ({@code copier}, built from the state's
 * serializer) the first time it is read or changed, and the copy takes its place. Values of
 * immutable types are never copied. When no snapshot runs any more (the backend's count of
 * running snapshots is 0), {@code base} is dropped at the next access and everything is
 * private again. Reads of immutable values and the key listings read whatever object is
 * current, frozen or not, since they change nothing.
 *
 * <p>Several snapshots may run at once: a copy's base is the group the newest snapshot froze,
 * and everything a copy shares with an older snapshot it shares with that base too, so one
 * identity check suffices.
 *
 * <p>Confined to the subtask's thread, like the backend, except that frozen groups are read by
 * snapshot writers; values are stored by reference.
 *
 * @param <K> the key type
 * @param <V> the stored value type
 */
final class StateTable<K, V> {

  /** The entries of one key group. */
  static final class KeyGroupEntries<K, V> {
    final HashMap<K, V> voidNamespace;
    final HashMap<K, HashMap<Object, V>> namespaced;
    /**
     * The frozen group this one was copied from, while a snapshot may still read it: values and
     * inner maps that are the same objects as there are shared. {@code null} when nothing is
     * shared. Only the subtask's thread reads and writes it.
     */
    KeyGroupEntries<K, V> base;

    KeyGroupEntries() {
      this(new HashMap<>(), new HashMap<>());
    }

    private KeyGroupEntries(HashMap<K, V> voidNamespace, HashMap<K, HashMap<Object, V>> namespaced) {
      this.voidNamespace = voidNamespace;
      this.namespaced = namespaced;
    }

    int size() {
      int size = voidNamespace.size();
      for (HashMap<Object, V> byNamespace : namespaced.values()) {
        size += byNamespace.size();
      }
      return size;
    }
  }

  private static final Object[] NO_KEYS = new Object[0];

  private final KeyGroupEntries<K, V>[] groups;
  /** Whether {@code groups[i]} is read by a snapshot and must be copied before it changes. */
  private final boolean[] frozen;
  /** The backend's number of running snapshots; decremented by snapshots on other threads. */
  private final AtomicInteger runningSnapshots;
  /** Deep copy of a stored value; {@code null} when values are immutable (or never frozen). */
  private UnaryOperator<V> copier;

  StateTable(int numberOfGroups, AtomicInteger runningSnapshots) {
    groups = newGroupArray(numberOfGroups);
    for (int i = 0; i < numberOfGroups; i++) {
      groups[i] = new KeyGroupEntries<>();
    }
    frozen = new boolean[numberOfGroups];
    this.runningSnapshots = runningSnapshots;
  }

  // Generic array creation: the array never escapes this class and only ever holds
  // KeyGroupEntries<K, V>, so the cast from KeyGroupEntries<?>[] cannot be observed as wrong.
  @SuppressWarnings("unchecked")
  private static <K, V> KeyGroupEntries<K, V>[] newGroupArray(int length) {
    return (KeyGroupEntries<K, V>[]) new KeyGroupEntries<?, ?>[length];
  }

  /** The value of (key, namespace), or {@code null}; not shared with a snapshot. */
  V get(K key, int groupIndex, Object namespace) {
    KeyGroupEntries<K, V> group = groups[groupIndex];
    if (copier != null && (frozen[groupIndex] || group.base != null)) {
      return getOwned(key, groupIndex, namespace);
    }
    if (namespace == VoidNamespace.INSTANCE) {
      return group.voidNamespace.get(key);
    }
    HashMap<Object, V> byNamespace = group.namespaced.get(key);
    return byNamespace == null ? null : byNamespace.get(namespace);
  }

  private V getOwned(K key, int groupIndex, Object namespace) {
    KeyGroupEntries<K, V> group = writable(groupIndex);
    KeyGroupEntries<K, V> base = group.base;
    if (namespace == VoidNamespace.INSTANCE) {
      V value = group.voidNamespace.get(key);
      if (value != null && base != null && value == base.voidNamespace.get(key)) {
        value = copier.apply(value);
        group.voidNamespace.put(key, value);
      }
      return value;
    }
    HashMap<Object, V> byNamespace = ownedNamespaces(group, key);
    if (byNamespace == null) {
      return null;
    }
    V value = byNamespace.get(namespace);
    if (value != null && base != null && value == baseValue(base, key, namespace)) {
      value = copier.apply(value);
      byNamespace.put(namespace, value);
    }
    return value;
  }

  /** Sets the value of (key, namespace); {@code value} must not be null. */
  void put(K key, int groupIndex, Object namespace, V value) {
    KeyGroupEntries<K, V> group = writable(groupIndex);
    if (namespace == VoidNamespace.INSTANCE) {
      group.voidNamespace.put(key, value);
      return;
    }
    HashMap<Object, V> byNamespace = ownedNamespaces(group, key);
    if (byNamespace == null) {
      byNamespace = new HashMap<>(4);
      group.namespaced.put(key, byNamespace);
    }
    byNamespace.put(namespace, value);
  }

  /**
   * Removes the value of (key, namespace) and returns it (not shared with a snapshot, so the
   * caller may change it), or {@code null} if there was none. Removing a key's last namespace
   * removes the key.
   */
  V remove(K key, int groupIndex, Object namespace) {
    KeyGroupEntries<K, V> group = writable(groupIndex);
    KeyGroupEntries<K, V> base = group.base;
    if (namespace == VoidNamespace.INSTANCE) {
      V old = group.voidNamespace.remove(key);
      return base == null ? old : owned(old, base.voidNamespace.get(key));
    }
    HashMap<Object, V> byNamespace = ownedNamespaces(group, key);
    if (byNamespace == null) {
      return null;
    }
    V old = byNamespace.remove(namespace);
    if (byNamespace.isEmpty()) {
      group.namespaced.remove(key);
    }
    return base == null ? old : owned(old, baseValue(base, key, namespace));
  }

  /** {@code value}, or a copy of it if it is {@code shared} (the snapshot's object). */
  private V owned(V value, V shared) {
    return copier != null && value != null && value == shared ? copier.apply(value) : value;
  }

  private static <K, V> V baseValue(KeyGroupEntries<K, V> base, K key, Object namespace) {
    HashMap<Object, V> byNamespace = base.namespaced.get(key);
    return byNamespace == null ? null : byNamespace.get(namespace);
  }

  /**
   * The group at {@code groupIndex}, safe to change: a copy of it if a running snapshot reads
   * it. Cheap unless a snapshot ran since the group was last copied.
   */
  private KeyGroupEntries<K, V> writable(int groupIndex) {
    KeyGroupEntries<K, V> group = groups[groupIndex];
    if (!frozen[groupIndex] && group.base == null) {
      return group;
    }
    // A snapshot only starts on this thread, so 0 here means none runs (the decrement by the
    // snapshot's release on another thread happens-before this volatile read).
    boolean snapshotRunning = runningSnapshots.get() > 0;
    if (frozen[groupIndex]) {
      frozen[groupIndex] = false;
      if (snapshotRunning) {
        KeyGroupEntries<K, V> copy =
            new KeyGroupEntries<>(new HashMap<>(group.voidNamespace), new HashMap<>(group.namespaced));
        copy.base = group;
        groups[groupIndex] = copy;
        return copy;
      }
    }
    if (!snapshotRunning) {
      group.base = null;
    }
    return group;
  }

  /** The inner map of {@code key} in {@code group}, copied first if it is the base's. */
  private HashMap<Object, V> ownedNamespaces(KeyGroupEntries<K, V> group, K key) {
    HashMap<Object, V> byNamespace = group.namespaced.get(key);
    if (byNamespace != null && group.base != null && byNamespace == group.base.namespaced.get(key)) {
      byNamespace = new HashMap<>(byNamespace);
      group.namespaced.put(key, byNamespace);
    }
    return byNamespace;
  }

  /**
   * The synchronous part of a snapshot: returns the current groups, which are never changed
   * again, and marks them frozen. {@code copier} deep-copies a stored value (null when values
   * are immutable); {@code othersRunning} says whether an earlier snapshot may still read
   * older groups (if not, their bases are forgotten now).
   */
  KeyGroupEntries<K, V>[] freeze(UnaryOperator<V> copier, boolean othersRunning) {
    this.copier = copier;
    if (!othersRunning) {
      for (KeyGroupEntries<K, V> group : groups) {
        group.base = null;
      }
    }
    Arrays.fill(frozen, true);
    return groups.clone();
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
    KeyGroupEntries<K, V> group = writable(groupIndex);
    KeyGroupEntries<K, V> base = group.base;
    if (!namespaced) {
      V stored = group.voidNamespace.get(key);
      if (stored == null) {
        return 0;
      }
      V value = base == null ? stored : owned(stored, base.voidNamespace.get(key));
      V remaining = filter.removeExpired(value, now);
      if (remaining == null) {
        group.voidNamespace.remove(key);
      } else if (remaining != stored) {
        group.voidNamespace.put(key, remaining);
      }
      return 1;
    }
    HashMap<Object, V> byNamespace = ownedNamespaces(group, key);
    if (byNamespace == null) {
      return 0;
    }
    HashMap<Object, V> baseNamespaces = base == null ? null : base.namespaced.get(key);
    int checked = 0;
    for (Iterator<Map.Entry<Object, V>> entries = byNamespace.entrySet().iterator();
        entries.hasNext(); ) {
      Map.Entry<Object, V> entry = entries.next();
      checked++;
      V stored = entry.getValue();
      V value = baseNamespaces == null ? stored : owned(stored, baseNamespaces.get(entry.getKey()));
      V remaining = filter.removeExpired(value, now);
      if (remaining == null) {
        entries.remove();
      } else if (remaining != stored) {
        entry.setValue(remaining);
      }
    }
    if (byNamespace.isEmpty()) {
      group.namespaced.remove(key);
    }
    return checked;
  }

  /** Removes every entry. Frozen groups are left as they are for the snapshots reading them. */
  void clear() {
    for (int i = 0; i < groups.length; i++) {
      groups[i] = new KeyGroupEntries<>();
    }
    Arrays.fill(frozen, false);
  }
}
