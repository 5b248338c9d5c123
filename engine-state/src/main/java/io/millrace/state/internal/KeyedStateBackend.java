package io.millrace.state.internal;

import io.millrace.state.KeyedStateFunction;
import io.millrace.state.State;
import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.snapshot.KeyedStateSnapshot;
import io.millrace.state.internal.snapshot.SnapshotInput;
import io.millrace.state.serialization.TypeSerializer;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The keyed state of one operator subtask: the values of every state of every key in the
 * subtask's {@link KeyGroupRange}. Implemented by the heap and the RocksDB backends.
 *
 * <p><b>Contract.</b> Confined to the subtask's thread (except the asynchronous part of a
 * {@link #snapshot()}, which may run on any thread). The operator sets the current key
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

  /**
   * The keys with a value in state {@code stateName} and {@code namespace} (a snapshot). A
   * restored state has keys here once the operator registered it again.
   */
  <N> Stream<K> getKeys(String stateName, N namespace);

  /**
   * The number of (key, namespace) entries over all states: what a leak test watches return to
   * zero.
   */
  int numStateEntries();

  /**
   * The synchronous part of a snapshot (a checkpoint or savepoint): captures a consistent view
   * of every state — registered ones, and restored ones not registered again — for the
   * asynchronous part, {@link KeyedStateSnapshot#writeTo}, which may run on another thread
   * while this backend goes on processing. Call on the subtask's thread between two records
   * (or timers); the backend may be changed as soon as it returns. See
   * {@link KeyedStateSnapshot} for the lifecycle, the implementations for the cost.
   *
   * <p>The written snapshot is in the backend-independent keyed snapshot format (package
   * {@link io.millrace.state.internal.snapshot}): any backend of either kind and any
   * parallelism restores it with {@link #restore}. States with TTL and
   * {@code cleanupFullSnapshot()} leave out values expired at the time of this call.
   *
   * @throws IllegalStateException if the backend is closed, or keys or values cannot be
   *     serialized (the message names the state and the fix)
   */
  KeyedStateSnapshot snapshot();

  /**
   * Restores the key groups of {@link #keyGroupRange()} from {@code snapshots}: the snapshots
   * of every subtask of the operator at one checkpoint, written by backends of either kind at
   * any parallelism with the same number of key groups, in any order. Only the blocks of this
   * backend's key groups are read. Call once, right after creating the backend, before any
   * state is obtained or key set; with an empty list nothing happens.
   *
   * <p>Restored states are re-registered lazily: their entries wait until the operator obtains
   * the state again with {@link #getOrCreateKeyedState}, which checks the new descriptor and
   * namespace serializer against the restored serializer snapshots — compatible as they are:
   * the entries are used as written; compatible after migration (e.g. a record gained a field,
   * which gets its default): the entries are read with the restored serializers and rewritten
   * with the new ones; incompatible, or another kind, or TTL switched on or off: an
   * {@link IllegalStateException} naming the state, the operator and the reason. The first key
   * set afterwards must be of a type whose serializer reads the restored keys as they are.
   * A snapshot taken before a restored state is registered again writes it back unchanged.
   * If the restore fails, the backend may hold part of the state: close it and start over.
   *
   * @throws io.millrace.state.internal.snapshot.CorruptSnapshotException if a snapshot is
   *     truncated, corrupt (checksum mismatch) or not a keyed snapshot; the message names it
   * @throws IllegalArgumentException if the snapshots do not fit together: another max
   *     parallelism, a key group of the range in none or in two of them
   * @throws IllegalStateException if the backend was used or restored already, or the
   *     snapshots disagree on a serializer
   * @throws IOException if reading fails
   */
  void restore(List<? extends SnapshotInput> snapshots) throws IOException;

  /** Releases everything the backend holds; the backend is unusable afterwards. */
  @Override
  void close();
}
