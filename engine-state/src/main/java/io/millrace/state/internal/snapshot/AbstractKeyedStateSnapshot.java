package io.millrace.state.internal.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The lifecycle of {@link KeyedStateSnapshot} shared by the backends: {@link #writeTo} runs at
 * most once and never after {@link #close()}; the backend's resources are released exactly
 * once, by whichever of {@code close()} and a running {@code writeTo} ends last. The lock is
 * taken only at these transitions, never while writing.
 */
public abstract class AbstractKeyedStateSnapshot implements KeyedStateSnapshot {

  private final KeyedSnapshotMeta meta;
  // Guarded by this.
  private boolean writing;
  private boolean written;
  private boolean closed;
  private boolean released;

  /** A snapshot described by {@code meta}. */
  protected AbstractKeyedStateSnapshot(KeyedSnapshotMeta meta) {
    this.meta = meta;
  }

  @Override
  public final KeyedSnapshotMeta meta() {
    return meta;
  }

  @Override
  public final long writeTo(OutputStream out) throws IOException {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the snapshot of " + meta.writer() + " was closed");
      }
      if (written) {
        throw new IllegalStateException(
            "the snapshot of " + meta.writer() + " was written already; take a new one");
      }
      written = true;
      writing = true;
    }
    try {
      return write(out);
    } finally {
      boolean release;
      synchronized (this) {
        writing = false;
        release = closed && !released;
        released |= release;
      }
      if (release) {
        release();
      }
    }
  }

  @Override
  public final void close() {
    boolean release;
    synchronized (this) {
      closed = true;
      release = !writing && !released;
      released |= release;
    }
    if (release) {
      release();
    }
  }

  /** Writes the snapshot (the asynchronous part); called at most once. */
  protected abstract long write(OutputStream out) throws IOException;

  /** Frees what the snapshot holds; called exactly once, on any thread. */
  protected abstract void release();

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + meta.writer() + ", " + meta.keyGroupRange() + ", "
        + meta.states().size() + " states}";
  }
}
