package io.millrace.runtime.task;

import io.millrace.runtime.checkpoint.PendingCheckpoint;
import java.util.concurrent.Executor;

/**
 * The job's side of a task's checkpoints: where the task writes its state files and whom it
 * tells that it is done. Implemented by the checkpoint coordinator; thread-safe.
 */
public interface CheckpointResponder {
  /** The checkpoint {@code checkpointId} if it is still in progress, else null (aborted, timed out). */
  PendingCheckpoint pendingCheckpoint(long checkpointId);

  /** {@code task} wrote all its files of checkpoint {@code checkpointId}, {@code bytes} in all. */
  void acknowledge(long checkpointId, StreamTask task, long bytes);

  /** {@code task} could not write its part of checkpoint {@code checkpointId}. */
  void decline(long checkpointId, StreamTask task, Throwable cause);

  /** Runs the asynchronous parts of snapshots. */
  Executor asyncExecutor();
}
