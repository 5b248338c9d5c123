package io.millrace.state.rocksdb.internal;

import io.millrace.api.functions.ReduceFunction;
import io.millrace.state.ReducingState;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import org.rocksdb.ColumnFamilyHandle;

/**
 * RocksDB {@link ReducingState}: stores the reduced value; {@code add(v)} reads it, stores
 * {@code reduce(old, v)} (or {@code v} for the first value). {@code get()} returns {@code null}
 * when nothing is stored; {@code add(null)} clears, as on the heap.
 *
 * @param <T> the value type
 */
final class RocksDBReducingState<T> extends AbstractRocksDBMergingState<T>
    implements ReducingState<T> {

  private final TypeSerializer<T> serializer;
  private final ReduceFunction<T> reduceFunction;

  RocksDBReducingState(
      RocksDBKeyedStateBackend<?> backend, ColumnFamilyHandle columnFamily,
      StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaceSerializer,
      TypeSerializer<T> serializer, ReduceFunction<T> reduceFunction) {
    super(backend, columnFamily, descriptor, namespaceSerializer);
    this.serializer = serializer;
    this.reduceFunction = reduceFunction;
  }

  @Override
  public T get() {
    return getInternal();
  }

  @Override
  public void add(T value) throws Exception {
    if (value == null) {
      clear();
      return;
    }
    T old = getInternal();
    updateInternal(old == null ? value : reduceFunction.reduce(old, value));
  }

  @Override
  public T getInternal() {
    byte[] bytes = getCurrentBytes();
    return bytes == null ? null : deserialize(serializer, bytes, 0);
  }

  @Override
  public void updateInternal(T value) {
    if (value == null) {
      clear();
      return;
    }
    serialize(serializer, value);
    putCurrentBytes(valueBytes.getSharedBuffer(), valueBytes.length());
  }

  @Override
  byte[] combine(byte[] a, byte[] b) throws Exception {
    T first = deserialize(serializer, a, 0);
    T reduced = reduceFunction.reduce(first, deserialize(serializer, b, 0));
    if (reduced == null) {
      return null;
    }
    serialize(serializer, reduced);
    return valueBytes.getCopyOfBuffer();
  }
}
