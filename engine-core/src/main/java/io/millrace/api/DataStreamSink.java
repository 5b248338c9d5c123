package io.millrace.api;

/**
 * A sink added to a stream, with the methods that configure it.
 *
 * @param <T> element type
 */
public interface DataStreamSink<T> {
  /** Sets the sink's name, shown in logs and errors. */
  DataStreamSink<T> name(String name);

  /** Sets the sink's stable id, used to match its state on restore. */
  DataStreamSink<T> uid(String uid);

  /** Sets the sink's parallelism (at least 1). */
  DataStreamSink<T> setParallelism(int parallelism);

  /** Runs the sink in a task of its own, not chained to its predecessor. */
  DataStreamSink<T> disableChaining();
}
