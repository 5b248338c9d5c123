package io.millrace.api.sink;

/**
 * Writes the elements of one parallel instance of a {@link Sink}. Called from one thread.
 *
 * @param <T> element type
 */
public interface SinkWriter<T> extends AutoCloseable {
  /** Writes (or buffers) {@code element}; {@code timestamp} is {@code null} if it has none. */
  void write(T element, Long timestamp) throws Exception;

  /**
   * Makes everything written so far durable: called before a checkpoint completes and, with
   * {@code endOfInput = true}, once at the end of a bounded input.
   */
  void flush(boolean endOfInput) throws Exception;

  /** Releases the resources of this instance. */
  @Override
  void close() throws java.io.IOException;
}
