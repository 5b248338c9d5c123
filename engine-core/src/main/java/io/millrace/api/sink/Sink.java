package io.millrace.api.sink;

import io.millrace.api.functions.Function;

/**
 * A sink that creates one {@link SinkWriter} per parallel instance; the writer is flushed on
 * checkpoints and at the end of input. Connectors implement this interface.
 *
 * @param <T> element type
 */
@FunctionalInterface
public interface Sink<T> extends Function {
  /** Creates the writer of one parallel instance. */
  SinkWriter<T> createWriter(WriterInitContext context) throws Exception;
}
