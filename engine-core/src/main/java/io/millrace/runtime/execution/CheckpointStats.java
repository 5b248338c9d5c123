package io.millrace.runtime.execution;

/**
 * What one completed checkpoint or savepoint of a job cost, as {@link LocalJob#checkpointStats()}
 * reports it (for tests, benchmarks and metrics).
 *
 * @param checkpointId the checkpoint's id
 * @param durationMillis from the trigger to the metadata on disk
 * @param bytes the bytes of state the tasks reported writing for it
 * @param savepoint whether it was a savepoint
 */
public record CheckpointStats(long checkpointId, long durationMillis, long bytes, boolean savepoint) {}
