package io.millrace.state.rocksdb.internal;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.state.AggregatingState;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import org.rocksdb.ColumnFamilyHandle;

/**
 * RocksDB {@link AggregatingState}: stores the accumulator, created by
 * {@link AggregateFunction#createAccumulator()} with the first added value. {@code get()}
 * returns {@code null} when nothing is stored, otherwise {@code getResult(accumulator)};
 * {@code add(null)} clears, as on the heap.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
final class RocksDBAggregatingState<IN, ACC, OUT> extends AbstractRocksDBMergingState<ACC>
    implements AggregatingState<IN, OUT> {

  private final TypeSerializer<ACC> serializer;
  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  RocksDBAggregatingState(
      RocksDBKeyedStateBackend<?> backend, ColumnFamilyHandle columnFamily,
      StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaceSerializer,
      TypeSerializer<ACC> serializer, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
    super(backend, columnFamily, descriptor, namespaceSerializer);
    this.serializer = serializer;
    this.aggregateFunction = aggregateFunction;
  }

  @Override
  public OUT get() {
    ACC accumulator = getInternal();
    return accumulator == null ? null : aggregateFunction.getResult(accumulator);
  }

  @Override
  public void add(IN value) {
    if (value == null) {
      clear();
      return;
    }
    ACC accumulator = getInternal();
    if (accumulator == null) {
      accumulator = aggregateFunction.createAccumulator();
    }
    updateInternal(aggregateFunction.add(value, accumulator));
  }

  @Override
  public ACC getInternal() {
    byte[] bytes = getCurrentBytes();
    return bytes == null ? null : deserialize(serializer, bytes, 0);
  }

  @Override
  public void updateInternal(ACC accumulator) {
    if (accumulator == null) {
      clear();
      return;
    }
    serialize(serializer, accumulator);
    putCurrentBytes(valueBytes.getSharedBuffer(), valueBytes.length());
  }

  @Override
  byte[] combine(byte[] a, byte[] b) {
    ACC first = deserialize(serializer, a, 0);
    ACC merged = aggregateFunction.merge(first, deserialize(serializer, b, 0));
    if (merged == null) {
      return null;
    }
    serialize(serializer, merged);
    return valueBytes.getCopyOfBuffer();
  }
}
