package io.millrace.state.internal.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The asynchronous part of a snapshot: state captured by a backend's synchronous part
 * ({@code snapshot()}, on the subtask's thread), written by {@link #writeTo} on any thread
 * while the subtask goes on processing. Call {@code writeTo} at most once and {@link #close()}
 * always (after {@code writeTo}, or instead of it when the checkpoint is aborted).
 */
public interface StateSnapshot extends AutoCloseable {

  /**
   * Writes the snapshot to {@code out} (not closed); returns the number of bytes written.
   *
   * @throws IOException if {@code out} fails or a value cannot be serialized; the message
   *     names the operator and the state
   * @throws IllegalStateException if called twice or after {@link #close()}
   */
  long writeTo(OutputStream out) throws IOException;

  /** Releases what the snapshot holds. Idempotent; any thread. */
  @Override
  void close();
}
