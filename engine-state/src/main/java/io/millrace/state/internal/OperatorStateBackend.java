package io.millrace.state.internal;

import io.millrace.state.BroadcastState;
import io.millrace.state.MapStateDescriptor;

/**
 * Non-keyed state of one operator subtask. Now: broadcast state; the checkpoint issue adds
 * list and union list state for {@code CheckpointedFunction}. Confined to the subtask's thread.
 */
public interface OperatorStateBackend extends AutoCloseable {
  /**
   * Returns the broadcast state for {@code descriptor}, creating it on first use; the same name
   * returns the same state.
   */
  <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);

  /** Releases the state. */
  @Override
  void close();
}
