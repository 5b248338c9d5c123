/**
 * Internal: where checkpoints and savepoints live on disk — the directory layout, pending
 * checkpoints that complete atomically, retention with reference-counted shared files, and
 * finding what to restore. Not public API; may change.
 *
 * <h2>Layout</h2>
 *
 * <pre>
 * &lt;checkpoint-dir&gt;/&lt;job-id&gt;/
 *   chk-&lt;n&gt;/
 *     &lt;uid&gt;-&lt;subtask&gt;-&lt;name&gt;     state files of one subtask of one operator (uid escaped)
 *     _metadata                    JSON, written last: the checkpoint is complete iff it exists and verifies
 *   shared/
 *     &lt;name&gt;                       incremental files (RocksDB SST), referenced by retained checkpoints
 * &lt;savepoint-dir&gt;/                 the same as chk-&lt;n&gt;, self-contained (shared files copied in)
 * </pre>
 *
 * <h2>Metadata</h2>
 *
 * {@code _metadata} is a JSON object {@code {"formatVersion":1, "crc32c":"xxxxxxxx",
 * "checkpoint":{...}}}; the checksum is the CRC32C of the compact serialization of the
 * {@code checkpoint} object (field order as written), so any change to a value, and any
 * truncation, is detected. The object is {@link io.millrace.runtime.checkpoint.CheckpointMetadata}:
 * checkpoint id, job id, job fingerprint, timestamp, savepoint flag, and per operator uid its
 * parallelism, max parallelism and per subtask its state files and shared files, each with
 * size and CRC32C.
 *
 * <h2>Completion</h2>
 *
 * State files are fsynced when a {@link io.millrace.runtime.checkpoint.PendingCheckpoint}
 * completes; the metadata is written to {@code _metadata.inprogress}, fsynced, renamed to
 * {@code _metadata} and the directory fsynced. A crash at any point before the rename leaves a
 * directory without {@code _metadata}: not a checkpoint, removed when the storage is opened
 * again.
 *
 * <pre>{@code
 * CheckpointStorage storage = CheckpointStorage.open(dir, jobId, fingerprint, 3);
 * PendingCheckpoint pending = storage.beginCheckpoint(storage.nextCheckpointId(), clock.millis());
 * pending.registerOperator("counter", 2, 128);
 * try (OutputStream out = pending.openStateFile("counter", 0, "keyed")) { snapshot.writeTo(out); }
 * CompletedCheckpoint done = pending.complete();
 * // after a restart:
 * Optional<CompletedCheckpoint> restore = storage.latestRestorable();
 * }</pre>
 */
package io.millrace.runtime.checkpoint;
