package io.millrace.api.functions;

/**
 * Implemented by user functions (and sources, sinks) that act when a checkpoint completes,
 * e.g. to commit what the checkpoint made durable. Called on the function's own thread,
 * between records, after the checkpoint's metadata is on disk; not called for every checkpoint
 * if several complete in quick succession (only for the newest), so act on everything up to
 * {@code checkpointId}.
 */
public interface CheckpointListener {
  /** Checkpoint {@code checkpointId} completed: everything it covers is durable. */
  void notifyCheckpointComplete(long checkpointId) throws Exception;

  /** Checkpoint {@code checkpointId} was aborted (timed out or failed); optional. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
