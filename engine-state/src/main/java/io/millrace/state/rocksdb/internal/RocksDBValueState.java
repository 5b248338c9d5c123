package io.millrace.state.rocksdb.internal;

import io.millrace.state.StateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.serialization.TypeSerializer;
import org.rocksdb.ColumnFamilyHandle;

/**
 * RocksDB {@link ValueState}: one entry per (key, namespace) holding the serialized value.
 * {@code value()} returns {@code null} when nothing is stored and a fresh copy otherwise;
 * {@code update(null)} clears, as on the heap and in Apache Flink.
 *
 * @param <T> the value type
 */
final class RocksDBValueState<T> extends AbstractRocksDBState<T> implements ValueState<T> {

  private final TypeSerializer<T> serializer;

  RocksDBValueState(
      RocksDBKeyedStateBackend<?> backend, ColumnFamilyHandle columnFamily,
      StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaceSerializer,
      TypeSerializer<T> serializer) {
    super(backend, columnFamily, descriptor, namespaceSerializer);
    this.serializer = serializer;
  }

  @Override
  public T value() {
    byte[] bytes = getCurrentBytes();
    return bytes == null ? null : deserialize(serializer, bytes, 0);
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
      return;
    }
    serialize(serializer, value);
    putCurrentBytes(valueBytes.getSharedBuffer(), valueBytes.length());
  }
}
