package io.millrace.state.rocksdb.internal;

import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/**
 * The common part of the RocksDB state handles: the state's column family and the serialized
 * key of the backend's current key in the handle's current namespace.
 *
 * <p><b>Key.</b> {@code keyGroup | key | namespace}. The backend serializes
 * {@code keyGroup | key} once per {@link RocksDBKeyedStateBackend#setCurrentKey} and bumps its
 * key version; a handle copies those bytes and appends its namespace's bytes on its first access
 * after that, and reuses the result while neither the key version nor the namespace object
 * changes. The namespace is serialized again only when another namespace instance is set, so
 * namespaces must be immutable (windows are). Serializers are self-delimiting (they read back
 * exactly what they wrote), so no serialized key is a prefix of another one's
 * {@code keyGroup | key | namespace}: a prefix scan of one (key, namespace) never reaches into
 * another.
 *
 * <p>Values are deserialized on every read, so the objects handed out are never shared with
 * the store. A handle is created once per state and reused for every key; confined to the
 * subtask's thread.
 *
 * @param <V> the value type the handle reads and writes whole (the list, or the accumulator;
 *     for map state, the user value)
 */
abstract class AbstractRocksDBState<V> implements InternalKvState<Object> {

  final RocksDBKeyedStateBackend<?> backend;
  final RocksDBInstance db;
  final ColumnFamilyHandle columnFamily;
  final StateDescriptor<?, ?> descriptor;
  final String name;
  final TypeSerializer<Object> namespaceSerializer;

  Object currentNamespace = VoidNamespace.INSTANCE;

  /** {@code keyGroup | key | namespace}, valid for the key version and namespace below. */
  final DataOutputSerializer keyBytes = new DataOutputSerializer(64);
  private long composedKeyVersion = -1;
  private Object composedNamespace;
  /** The bytes of {@link #serializedNamespace}, the last namespace instance serialized. */
  private final DataOutputSerializer namespaceBytes = new DataOutputSerializer(16);
  private Object serializedNamespace;

  /** Reused for serializing values and reading them back. */
  final DataOutputSerializer valueBytes = new DataOutputSerializer(64);
  final DataInputDeserializer input = new DataInputDeserializer();

  AbstractRocksDBState(
      RocksDBKeyedStateBackend<?> backend, ColumnFamilyHandle columnFamily,
      StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaceSerializer) {
    this.backend = backend;
    this.db = backend.db;
    this.columnFamily = columnFamily;
    this.descriptor = descriptor;
    this.name = descriptor.getName();
    this.namespaceSerializer = namespaceSerializer;
  }

  @Override
  public final void setCurrentNamespace(Object namespace) {
    currentNamespace =
        Objects.requireNonNull(
            namespace,
            () -> "namespace must not be null for state '" + name
                + "': use VoidNamespace.INSTANCE for state without a namespace");
  }

  @Override
  public void clear() {
    deleteCurrent();
  }

  /** Whether one (key, namespace) has one RocksDB entry per user key (map state). */
  boolean hasEntryPerUserKey() {
    return false;
  }

  /**
   * Brings {@link #keyBytes} up to date for the current key and namespace and returns its
   * length; fails clearly without a current key or after the backend was closed.
   */
  final int composeKey() {
    if (backend.currentKey == null) {
      throw backend.noCurrentKey(name);
    }
    Object namespace = currentNamespace;
    if (composedKeyVersion != backend.keyVersion || composedNamespace != namespace) {
      if (serializedNamespace != namespace) {
        serializeNamespace(namespace);
      }
      DataOutputSerializer prefix = backend.keyPrefix;
      keyBytes.clear();
      keyBytes.write(prefix.getSharedBuffer(), 0, prefix.length());
      keyBytes.write(namespaceBytes.getSharedBuffer(), 0, namespaceBytes.length());
      composedKeyVersion = backend.keyVersion;
      composedNamespace = namespace;
    }
    return keyBytes.length();
  }

  private void serializeNamespace(Object namespace) {
    namespaceBytes.clear();
    serializedNamespace = null;
    try {
      namespaceSerializer.serialize(namespace, namespaceBytes);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "namespace " + namespace + " (" + namespace.getClass().getName() + ") of state '" + name
              + "' in " + backend.operatorDescription + " cannot be written by its namespace"
              + " serializer " + namespaceSerializer + ": obtain the state with"
              + " getOrCreateKeyedState(namespaceSerializer, descriptor) for its namespace type",
          e);
    } catch (IOException e) {
      throw serializationFailure("namespace " + namespace, e);
    }
    serializedNamespace = namespace;
  }

  /** The stored bytes of the current key and namespace, or {@code null}. */
  final byte[] getCurrentBytes() {
    int length = composeKey();
    return db.get(columnFamily, keyBytes.getSharedBuffer(), length, name);
  }

  /** Stores {@code [0, length)} of {@code value} under the current key and namespace. */
  final void putCurrentBytes(byte[] value, int length) {
    int keyLength = composeKey();
    db.put(columnFamily, keyBytes.getSharedBuffer(), keyLength, value, length, name);
  }

  /** Removes the entry of the current key and namespace. */
  final void deleteCurrent() {
    int length = composeKey();
    db.delete(columnFamily, keyBytes.getSharedBuffer(), length, name);
  }

  /** Serializes {@code value} into {@link #valueBytes} (cleared first). */
  final <T> void serialize(TypeSerializer<T> serializer, T value) {
    valueBytes.clear();
    try {
      serializer.serialize(value, valueBytes);
    } catch (IOException e) {
      throw serializationFailure("a value", e);
    }
  }

  /** Reads one value from {@code bytes} starting at {@code offset}. */
  final <T> T deserialize(TypeSerializer<T> serializer, byte[] bytes, int offset) {
    input.setBuffer(bytes, offset, bytes.length - offset);
    try {
      return serializer.deserialize(input);
    } catch (IOException e) {
      throw serializationFailure("a stored value", e);
    }
  }

  final UncheckedIOException serializationFailure(String what, IOException e) {
    return new UncheckedIOException(
        "could not serialize or deserialize " + what + " of state '" + name + "' in "
            + backend.operatorDescription + " (RocksDB directory " + db.directory + "): "
            + e.getMessage(),
        e);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + name + "}";
  }
}
