package io.millrace.state.internal;

import io.millrace.state.KeyedStateFunction;
import io.millrace.state.State;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import java.util.stream.Stream;

/**
 * The keyed state of one operator subtask: the values of every state of every key in the
 * subtask's {@link KeyGroupRange}. Implemented by the heap and the RocksDB backends.
 *
 * <p><b>Contract.</b> Confined to the subtask's thread. The operator sets the current key
 * (once per record or timer) with {@link #setCurrentKey}; every state handle obtained from
 * {@link #getOrCreateKeyedState} then reads and writes that key's value in the handle's current
 * namespace ({@link VoidNamespace#INSTANCE} until the operator sets another through
 * {@link InternalKvState#setCurrentNamespace}). Handles are created once (in {@code open}) and
 * reused for every key: obtaining a handle is not on the per-record path, using it is.
 *
 * @param <K> the key type
 */
public interface KeyedStateBackend<K> extends AutoCloseable {

  /** The key groups this backend holds. */
  KeyGroupRange keyGroupRange();

  /** The number of key groups of the job (the operator's max parallelism). */
  int numberOfKeyGroups();

  /**
   * Makes {@code key} the current key and computes its key group.
   *
   * @throws IllegalStateException if the key's group is outside {@link #keyGroupRange()}
   */
  void setCurrentKey(K key);

  /** The current key, or {@code null} before the first {@link #setCurrentKey}. */
  K getCurrentKey();

  /** The key group of the current key. */
  int getCurrentKeyGroup();

  /**
   * Returns the handle for {@code descriptor} in the void namespace (state without windows or
   * other namespaces), creating the state on first use. Asking twice
   * for the same name and kind returns the same handle; the same name with another kind fails
   * with an {@link IllegalStateException} that names both.
   *
   * <p>The returned object also implements {@link InternalKvState} (and
   * {@link InternalMergingState} for list, reducing and aggregating state).
   */
  default <S extends State> S getOrCreateKeyedState(StateDescriptor<S, ?> descriptor) {
    return getOrCreateKeyedState(VoidNamespaceSerializer.INSTANCE, descriptor);
  }

  /**
   * Returns the handle for {@code descriptor} whose namespaces (windows, CEP) are written by
   * {@code namespaceSerializer}: in every serialized key on RocksDB, in snapshots on the heap.
   * As {@link #getOrCreateKeyedState(StateDescriptor)} otherwise; asking for an existing state
   * with a namespace serializer that is not equal to the first one fails with an
   * {@link IllegalStateException}.
   *
   * @param <N> the namespace type
   */
  <N, S extends State> S getOrCreateKeyedState(
      TypeSerializer<N> namespaceSerializer, StateDescriptor<S, ?> descriptor);

  /**
   * Calls {@code function} for every key that has a value of {@code descriptor}'s state in
   * {@code namespace}, with the handle scoped to that key. The function may update or clear
   * the state of the key it is given. Restores the current key afterwards.
   */
  <N, S extends State> void applyToAllKeys(
      N namespace, StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function)
      throws Exception;

  /** The keys with a value in state {@code stateName} and {@code namespace} (a snapshot). */
  <N> Stream<K> getKeys(String stateName, N namespace);

  /**
   * The number of (key, namespace) entries over all states: what a leak test watches return to
   * zero.
   */
  int numStateEntries();

  /** Releases everything the backend holds; the backend is unusable afterwards. */
  @Override
  void close();
}
