package io.millrace.api.functions;

/** What {@link CheckpointedFunction#snapshotState} knows about the checkpoint being taken. */
public interface FunctionSnapshotContext {
  /** The checkpoint's id: increasing within a job, across restarts. */
  long getCheckpointId();

  /** When the checkpoint was triggered, epoch milliseconds. */
  long getCheckpointTimestamp();
}
