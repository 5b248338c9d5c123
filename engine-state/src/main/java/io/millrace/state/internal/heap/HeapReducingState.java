package io.millrace.state.internal.heap;

import io.millrace.api.functions.ReduceFunction;
import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import java.util.function.UnaryOperator;

/**
 * Heap {@link ReducingState}: stores the reduced value; {@code add(v)} stores
 * {@code reduce(old, v)}, or {@code v} for the first value. {@code get()} returns {@code null}
 * when nothing is stored. As in Apache Flink's heap backend, {@code add(null)} clears.
 *
 * @param <K> the key type
 * @param <T> the value type
 */
final class HeapReducingState<K, T> extends AbstractHeapMergingState<K, T>
    implements ReducingState<T> {

  private final ReduceFunction<T> reduceFunction;

  HeapReducingState(HeapKeyedStateBackend<K> backend, ReducingStateDescriptor<T> descriptor) {
    this(backend, descriptor, descriptor.getReduceFunction());
  }

  /** A state named by {@code descriptor} reducing with {@code reduceFunction} (TTL wraps it). */
  HeapReducingState(
      HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor,
      ReduceFunction<T> reduceFunction) {
    super(backend, descriptor);
    this.reduceFunction = reduceFunction;
  }

  @Override
  public T get() {
    return getCurrent();
  }

  @Override
  public void add(T value) throws Exception {
    if (value == null) {
      clear();
      return;
    }
    T old = getCurrent();
    putCurrent(old == null ? value : reduceFunction.reduce(old, value));
  }

  @Override
  T merge(T a, T b) throws Exception {
    return reduceFunction.reduce(a, b);
  }

  @Override
  UnaryOperator<T> copier(TypeSerializer<Object> valueSerializer) {
    return singleValueCopier(valueSerializer);
  }
}
