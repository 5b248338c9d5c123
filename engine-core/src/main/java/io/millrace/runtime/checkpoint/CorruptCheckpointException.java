package io.millrace.runtime.checkpoint;

/**
 * A checkpoint or savepoint that cannot be trusted: its metadata is missing, truncated, not
 * JSON of the expected shape or fails its checksum, or a state file's size or CRC32C differs
 * from what the metadata recorded. The message names the file.
 */
public final class CorruptCheckpointException extends CheckpointStorageException {
  private static final long serialVersionUID = 1L;

  /** {@code path} is unusable because of {@code detail}. */
  public CorruptCheckpointException(java.nio.file.Path path, String detail) {
    super("corrupt checkpoint file " + path + ": " + detail);
  }

  /** {@code path} is unusable because of {@code detail}, caused by {@code cause}. */
  public CorruptCheckpointException(java.nio.file.Path path, String detail, Throwable cause) {
    super("corrupt checkpoint file " + path + ": " + detail, cause);
  }
}
