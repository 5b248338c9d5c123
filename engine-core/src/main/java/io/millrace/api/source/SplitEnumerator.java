package io.millrace.api.source;

import java.util.List;

/**
 * Discovers the splits of a {@link Source} and assigns them to readers. One per source per job.
 * Calls are serialized: the enumerator needs no locking of its own.
 *
 * @param <SplitT> split type
 * @param <CheckpointT> the type of the enumerator's checkpointed state
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable {
  /** Called once before any other method. */
  void start();

  /** Reader {@code subtaskId} asked for a split. */
  void handleSplitRequest(int subtaskId);

  /** Splits that were assigned to a failed reader come back for reassignment. */
  void addSplitsBack(List<SplitT> splits, int subtaskId);

  /** Reader {@code subtaskId} registered. */
  void addReader(int subtaskId);

  /** The enumerator's state for checkpoint {@code checkpointId}. */
  CheckpointT snapshotState(long checkpointId) throws Exception;

  /** Called when checkpoint {@code checkpointId} completed. */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** Releases the resources of this instance. */
  @Override
  void close() throws java.io.IOException;
}
