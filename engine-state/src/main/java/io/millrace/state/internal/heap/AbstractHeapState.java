package io.millrace.state.internal.heap;

import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The common part of the heap state handles: reads and writes the {@link StateTable} entry of
 * the backend's current key in the handle's current namespace.
 *
 * <p>A handle is created once per state and reused for every key; the per-record methods read
 * the current key and its key-group index from the backend's fields and allocate nothing.
 *
 * @param <K> the key type
 * @param <V> the stored value type (the list, map or accumulator for the collection kinds)
 */
abstract class AbstractHeapState<K, V> implements InternalKvState<Object> {

  final HeapKeyedStateBackend<K> backend;
  final StateTable<K, V> table;
  final StateDescriptor<?, ?> descriptor;
  Object currentNamespace = VoidNamespace.INSTANCE;
  /** How snapshots will write this state's namespaces; set by the backend at registration. */
  TypeSerializer<?> namespaceSerializer;

  AbstractHeapState(HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor) {
    this.backend = backend;
    this.descriptor = descriptor;
    this.table = new StateTable<>(backend.keyGroupRange().size(), backend.runningSnapshots);
  }

  /**
   * How a snapshot's copy on write duplicates a stored value, given the state's
   * {@link io.millrace.state.internal.snapshot.StateSerializers#value() value serializer} (one
   * value, list element or map value); {@code null} if stored values never change in place.
   */
  abstract UnaryOperator<V> copier(TypeSerializer<Object> valueSerializer);

  /** The copier of a state that stores one value written by {@code serializer}. */
  static <T> UnaryOperator<T> singleValueCopier(TypeSerializer<Object> serializer) {
    if (serializer.isImmutableType()) {
      return null;
    }
    TypeSerializer<T> typed = cast(serializer);
    return typed::copy;
  }

  // The value serializer of a state writes exactly the values (or elements) the state stores.
  @SuppressWarnings("unchecked")
  static <T> TypeSerializer<T> cast(TypeSerializer<?> serializer) {
    return (TypeSerializer<T>) serializer;
  }

  @Override
  public final void setCurrentNamespace(Object namespace) {
    currentNamespace =
        Objects.requireNonNull(
            namespace,
            () -> "namespace must not be null for state '" + descriptor.getName()
                + "': use VoidNamespace.INSTANCE for state without a namespace");
  }

  @Override
  public final void clear() {
    table.remove(currentKey(), backend.currentKeyGroupIndex, currentNamespace);
  }

  /** The value for the current key and namespace, or {@code null}. */
  final V getCurrent() {
    return table.get(currentKey(), backend.currentKeyGroupIndex, currentNamespace);
  }

  /** Stores the value for the current key and namespace; {@code value} must not be null. */
  final void putCurrent(V value) {
    table.put(currentKey(), backend.currentKeyGroupIndex, currentNamespace, value);
  }

  /** The current key; fails clearly if the operator has not set one. */
  final K currentKey() {
    K key = backend.currentKey;
    if (key == null) {
      throw new IllegalStateException(
          "no current key for state '" + descriptor.getName() + "' in " + backend.operatorDescription
              + ": keyed state can only be used while processing a keyed record or timer");
    }
    return key;
  }
}
