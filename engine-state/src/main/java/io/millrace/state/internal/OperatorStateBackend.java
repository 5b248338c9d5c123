package io.millrace.state.internal;

import io.millrace.state.BroadcastState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.OperatorStateStore;
import io.millrace.state.internal.snapshot.SnapshotInput;
import io.millrace.state.internal.snapshot.StateSnapshot;
import java.io.IOException;
import java.util.List;

/**
 * Non-keyed state of one operator subtask: list and union list state for
 * {@code CheckpointedFunction}, and broadcast state; see {@link OperatorStateStore} for the
 * user's contract. Confined to the subtask's thread, except the asynchronous part of a
 * snapshot.
 *
 * <p><b>Checkpoints.</b> {@link #snapshot()} (the synchronous part, on the subtask's thread)
 * captures every state; {@link StateSnapshot#writeTo} writes it in the operator snapshot format
 * ({@link io.millrace.state.internal.snapshot.OperatorSnapshot}) on any thread. A restoring
 * subtask calls {@link #restore} with the snapshots of <em>all</em> subtasks of the previous
 * run, in subtask order, and receives its share as the states' distributions say.
 */
public interface OperatorStateBackend extends OperatorStateStore, AutoCloseable {

  /**
   * Returns the broadcast state for {@code descriptor}, creating it on first use; the same name
   * returns the same state.
   */
  @Override
  <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);

  /** Whether state was restored ({@link #restore} was given at least one snapshot). */
  boolean isRestored();

  /**
   * The synchronous part of a snapshot: copies every state — list elements and broadcast
   * values deep-copied with their serializers unless immutable, so later changes do not reach
   * the snapshot — and restored states not requested again as their bytes. Cost: O(operator
   * state), which is small by design.
   *
   * @throws IllegalStateException if the backend is closed, or a state's values have no
   *     serializer (the message names the state and the fix)
   */
  StateSnapshot snapshot();

  /**
   * Restores this subtask's share of the operator state from {@code snapshots}: those of every
   * subtask of the previous run, in subtask order (of any parallelism). Call once, before any
   * state is obtained; an empty list restores nothing. States wait as bytes until they are
   * requested by name (then checked against the new serializer) and are written back unchanged
   * by a snapshot taken before that.
   *
   * @throws io.millrace.state.internal.snapshot.CorruptSnapshotException if a snapshot is
   *     truncated, corrupt or not an operator snapshot
   * @throws IllegalArgumentException if the snapshots are not those of subtasks 0, 1, ... in
   *     order
   * @throws IllegalStateException if the backend was used or restored already
   */
  void restore(List<? extends SnapshotInput> snapshots) throws IOException;

  /** Releases the state. */
  @Override
  void close();
}
