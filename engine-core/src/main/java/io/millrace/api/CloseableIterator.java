package io.millrace.api;

import java.util.Iterator;

/**
 * An iterator over a running job's output; closing it releases the job (cancelling it if it is
 * still running).
 *
 * @param <T> element type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  /** Releases the job; cancels it if it is still running and waits until its threads ended. */
  @Override
  void close();
}
