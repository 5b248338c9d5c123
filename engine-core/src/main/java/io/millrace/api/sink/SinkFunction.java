package io.millrace.api.sink;

import io.millrace.api.functions.Function;

/**
 * Receives every element of a stream: the simplest sink.
 *
 * <pre>{@code
 * stream.addSink(value -> repository.save(value));
 * }</pre>
 *
 * <p>A plain sink function (such as a lambda) is shared by all parallel subtasks and is
 * called from several threads at once when the sink's parallelism is above 1; make it
 * thread-safe or extend {@link RichSinkFunction}, of which each subtask gets its own instance.
 *
 * @param <T> element type
 */
@FunctionalInterface
public interface SinkFunction<T> extends Function {
  /** Writes {@code value}. */
  void invoke(T value) throws Exception;
}
