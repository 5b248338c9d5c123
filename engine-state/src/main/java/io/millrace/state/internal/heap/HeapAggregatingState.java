package io.millrace.state.internal.heap;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.state.AggregatingState;
import io.millrace.state.AggregatingStateDescriptor;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import java.util.function.UnaryOperator;

/**
 * Heap {@link AggregatingState}: stores the accumulator, created by
 * {@link AggregateFunction#createAccumulator()} with the first added value. {@code get()}
 * returns {@code null} when nothing is stored, otherwise {@code getResult(accumulator)}. As in
 * Apache Flink's heap backend, {@code add(null)} clears.
 *
 * @param <K> the key type
 * @param <IN> the type of the values added
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
final class HeapAggregatingState<K, IN, ACC, OUT> extends AbstractHeapMergingState<K, ACC>
    implements AggregatingState<IN, OUT> {

  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  HeapAggregatingState(
      HeapKeyedStateBackend<K> backend, AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    this(backend, descriptor, descriptor.getAggregateFunction());
  }

  /** A state named by {@code descriptor} aggregating with {@code function} (TTL wraps it). */
  HeapAggregatingState(
      HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor,
      AggregateFunction<IN, ACC, OUT> function) {
    super(backend, descriptor);
    this.aggregateFunction = function;
  }

  @Override
  public OUT get() {
    ACC accumulator = getCurrent();
    return accumulator == null ? null : aggregateFunction.getResult(accumulator);
  }

  @Override
  public void add(IN value) {
    if (value == null) {
      clear();
      return;
    }
    ACC accumulator = getCurrent();
    if (accumulator == null) {
      accumulator = aggregateFunction.createAccumulator();
    }
    putCurrent(aggregateFunction.add(value, accumulator));
  }

  @Override
  ACC merge(ACC a, ACC b) {
    return aggregateFunction.merge(a, b);
  }

  @Override
  UnaryOperator<ACC> copier(TypeSerializer<Object> valueSerializer) {
    return singleValueCopier(valueSerializer);
  }
}
