package io.millrace.runtime.operators;

import io.millrace.api.functions.Collector;
import java.util.Objects;

/**
 * The {@link Collector} given to user functions: emits to the operator's output with the
 * timestamp of the element (or timer) being processed. One per operator, reused.
 *
 * @param <T> element type
 */
public final class TimestampedCollector<T> implements Collector<T> {
  private final Output<T> output;
  private long timestamp = Output.NO_TIMESTAMP;

  /** A collector emitting to {@code output}. */
  public TimestampedCollector(Output<T> output) {
    this.output = output;
  }

  /** Sets the timestamp of the following collected elements. */
  public void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }

  @Override
  public void collect(T record) {
    output.collect(Objects.requireNonNull(record, "a function emitted null: streams cannot carry null elements"), timestamp);
  }
}
