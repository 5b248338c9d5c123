package io.millrace.runtime.task;

/** Runs the source at the head of a source task. */
public interface SourceDriver {
  /** Emits the source's records into the chain until the input ends or the task is cancelled. */
  void run(StreamTask task) throws Exception;

  /** Asks the source to stop; called from another thread. */
  void cancel();

  /** Puts the source's position into its operator state at checkpoint {@code checkpointId}; task thread. */
  default void snapshotState(long checkpointId) throws Exception {}

  /** Checkpoint {@code checkpointId} completed; task thread. */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
