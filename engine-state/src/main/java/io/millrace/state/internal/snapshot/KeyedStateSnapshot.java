package io.millrace.state.internal.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A consistent view of a keyed state backend, captured by the synchronous part of a snapshot
 * ({@link io.millrace.state.internal.KeyedStateBackend#snapshot()}) and written by the
 * asynchronous part ({@link #writeTo}) in the backend-independent keyed snapshot format (see
 * the package comment).
 *
 * <p><b>Lifecycle.</b> Obtained on the subtask's thread between two records. Then, on any one
 * thread and while the subtask goes on processing: {@link #writeTo} at most once, and
 * {@link #close()} always — after {@code writeTo} returned or failed, or instead of it when the
 * checkpoint is aborted. The written snapshot holds the state exactly as it was when
 * {@code snapshot()} returned, whatever the subtask changes meanwhile. Until {@code close()},
 * the snapshot holds resources: on the heap, the copy-on-write of every key group the subtask
 * touches; on RocksDB, a native snapshot that keeps old versions of changed entries on disk.
 * {@code close()} may come from another thread than {@code writeTo}; if {@code writeTo} is
 * still running then, the resources are released when it returns.
 *
 * <p>If the backend is closed while a snapshot is being written, {@code writeTo} fails with an
 * {@link IOException} saying so (the RocksDB backend waits for the writer to notice, so native
 * resources are never used after they are freed).
 *
 * <pre>{@code
 * KeyedStateSnapshot snapshot = backend.snapshot();          // subtask thread, short
 * executor.execute(() -> {
 *   try (snapshot; OutputStream out = Files.newOutputStream(tmp)) {
 *     long bytes = snapshot.writeTo(out);                   // any thread
 *   }
 * });
 * }</pre>
 */
public interface KeyedStateSnapshot extends StateSnapshot {

  /** What the snapshot holds: its key groups, key serializer and states. */
  KeyedSnapshotMeta meta();

  /**
   * Writes the snapshot to {@code out} (not closed) and returns the number of bytes written.
   * Call at most once, on any thread.
   *
   * @throws IOException if {@code out} fails, a value cannot be serialized, or the backend was
   *     closed meanwhile; the message names the operator and, where it applies, the state
   * @throws IllegalStateException if called twice or after {@link #close()}
   */
  @Override
  long writeTo(OutputStream out) throws IOException;

  /** Releases what the snapshot holds. Idempotent; any thread. */
  @Override
  void close();
}
