package io.millrace.api.functions;

import io.millrace.state.KeyedStateStore;
import io.millrace.state.OperatorStateStore;

/** What {@link CheckpointedFunction#initializeState} gets: the state stores and whether they were restored. */
public interface FunctionInitializationContext {
  /** Whether the job started from a checkpoint or savepoint that had state of this operator. */
  boolean isRestored();

  /** The operator (non-keyed) state of this parallel instance: list, union list and broadcast state. */
  OperatorStateStore getOperatorStateStore();

  /**
   * The keyed state, for a function on a keyed stream.
   *
   * @throws IllegalStateException if the function is not on a keyed stream
   */
  KeyedStateStore getKeyedStateStore();
}
