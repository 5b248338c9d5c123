package io.millrace.state;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Objects;

/**
 * Describes an {@link AggregatingState}; the state stores the accumulator.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
public class AggregatingStateDescriptor<IN, ACC, OUT>
    extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
  private static final long serialVersionUID = 1L;

  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  /** An aggregating state called {@code name} using {@code aggregateFunction}. */
  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorClass) {
    super(name, accumulatorClass);
    this.aggregateFunction =
        Objects.requireNonNull(aggregateFunction, "aggregateFunction must not be null");
  }

  /** An aggregating state whose accumulators are written by {@code accumulatorSerializer}. */
  public AggregatingStateDescriptor(
      String name,
      AggregateFunction<IN, ACC, OUT> aggregateFunction,
      TypeSerializer<ACC> accumulatorSerializer) {
    super(name, accumulatorSerializer);
    this.aggregateFunction =
        Objects.requireNonNull(aggregateFunction, "aggregateFunction must not be null");
  }

  /** The aggregation. */
  public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
    return aggregateFunction;
  }

  @Override
  public Kind getKind() {
    return Kind.AGGREGATING;
  }
}
