package io.millrace.runtime.execution;

/**
 * What one completed checkpoint or savepoint cost, as {@link LocalJob#checkpointStats()}
 * reports it.
 *
 * @param checkpointId the checkpoint's id
 * @param durationMillis from trigger to completion
 * @param bytes the bytes of the checkpoint's own files (the tasks' state files and the split
 *     enumerators' state); files an incremental RocksDB checkpoint put into {@code shared/}
 *     are not counted
 * @param savepoint whether it was a savepoint
 */
public record CheckpointStats(long checkpointId, long durationMillis, long bytes, boolean savepoint) {}
