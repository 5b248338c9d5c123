package io.millrace.state.internal.snapshot;

import java.io.IOException;

/**
 * A snapshot that cannot be read: truncated, corrupted (a checksum does not match), not a
 * snapshot of the expected kind, or of an unknown format version. The message names the input
 * ({@link SnapshotInput#description()}) and what is wrong; nothing of such an input is
 * restored as if it were valid.
 */
public final class CorruptSnapshotException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The input {@code description} is unreadable because of {@code detail}. */
  public CorruptSnapshotException(String description, String detail) {
    super("cannot restore from " + description + ": " + detail);
  }

  /** As {@link #CorruptSnapshotException(String, String)}, caused by {@code cause}. */
  public CorruptSnapshotException(String description, String detail, Throwable cause) {
    super("cannot restore from " + description + ": " + detail, cause);
  }
}
