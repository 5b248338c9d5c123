package io.millrace.state.internal.heap;

import io.millrace.state.StateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.serialization.TypeSerializer;
import java.util.function.UnaryOperator;

/**
 * Heap {@link ValueState}: stores the value itself. {@code value()} returns {@code null} when
 * nothing is stored; {@code update(null)} clears, as in Apache Flink.
 *
 * @param <K> the key type
 * @param <T> the value type
 */
final class HeapValueState<K, T> extends AbstractHeapState<K, T> implements ValueState<T> {

  HeapValueState(HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor) {
    super(backend, descriptor);
  }

  @Override
  public T value() {
    return getCurrent();
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
    } else {
      putCurrent(value);
    }
  }

  @Override
  UnaryOperator<T> copier(TypeSerializer<Object> valueSerializer) {
    return singleValueCopier(valueSerializer);
  }
}
