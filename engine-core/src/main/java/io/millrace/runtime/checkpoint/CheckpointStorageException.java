package io.millrace.runtime.checkpoint;

import java.io.IOException;

/**
 * A checkpoint or savepoint cannot be written or restored: a directory that is missing, not a
 * directory or not writable, a savepoint of another job, no usable checkpoint. The message
 * names the path and what to do.
 */
public class CheckpointStorageException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Fails with {@code message}. */
  public CheckpointStorageException(String message) {
    super(message);
  }

  /** Fails with {@code message}, caused by {@code cause}. */
  public CheckpointStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
