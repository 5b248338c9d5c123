package io.millrace.state.rocksdb.internal;

import io.millrace.state.ListState;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.rocksdb.ColumnFamilyHandle;

/**
 * RocksDB {@link ListState}: one entry per (key, namespace) holding the serialized elements
 * separated by one delimiter byte, {@code e1 , e2 , … , en}.
 *
 * <p>{@link #add} and {@link #addAll} never read: they hand the new elements to RocksDB's merge
 * operator ({@code StringAppendOperator} with the delimiter {@code ','}, configured on every
 * column family), which appends them with the delimiter when the entry is read or compacted.
 * Each element is self-delimiting (a serializer reads back exactly what it wrote), so
 * {@link #get()} deserializes an element, expects a delimiter if bytes remain, and repeats.
 *
 * <p>Semantics as on the heap: {@link #get()} returns an empty iterable when nothing is stored,
 * otherwise an unmodifiable list of fresh copies; null elements are rejected with a
 * {@link NullPointerException} (every element is validated before anything is written);
 * {@code update} with an empty list clears. Merging namespaces concatenates the sources' bytes
 * and appends them to the target with one merge operand.
 *
 * @param <T> the element type
 */
final class RocksDBListState<T> extends AbstractRocksDBMergingState<List<T>>
    implements ListState<T> {

  private static final byte DELIMITER = (byte) RocksDBInstance.LIST_DELIMITER;

  private final TypeSerializer<T> elementSerializer;

  RocksDBListState(
      RocksDBKeyedStateBackend<?> backend, ColumnFamilyHandle columnFamily,
      StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaceSerializer,
      TypeSerializer<T> elementSerializer) {
    super(backend, columnFamily, descriptor, namespaceSerializer);
    this.elementSerializer = elementSerializer;
  }

  @Override
  public Iterable<T> get() {
    List<T> list = getInternal();
    return list == null ? Collections.emptyList() : Collections.unmodifiableList(list);
  }

  @Override
  public void add(T value) {
    requireElement(value);
    serialize(elementSerializer, value);
    int keyLength = composeKey();
    db.merge(
        columnFamily, keyBytes.getSharedBuffer(), keyLength, valueBytes.getSharedBuffer(),
        valueBytes.length(), name);
  }

  @Override
  public void addAll(List<T> values) {
    requireElements(values, "addAll");
    if (values.isEmpty()) {
      return;
    }
    serializeElements(values);
    int keyLength = composeKey();
    db.merge(
        columnFamily, keyBytes.getSharedBuffer(), keyLength, valueBytes.getSharedBuffer(),
        valueBytes.length(), name);
  }

  @Override
  public void update(List<T> values) {
    requireElements(values, "update");
    updateInternal(values);
  }

  /** A new mutable list of the stored elements, or {@code null} if nothing is stored. */
  @Override
  public List<T> getInternal() {
    byte[] bytes = getCurrentBytes();
    return bytes == null ? null : parse(bytes);
  }

  @Override
  public void updateInternal(List<T> values) {
    if (values == null || values.isEmpty()) {
      clear();
      return;
    }
    serializeElements(values);
    putCurrentBytes(valueBytes.getSharedBuffer(), valueBytes.length());
  }

  @Override
  byte[] combine(byte[] a, byte[] b) {
    byte[] combined = Arrays.copyOf(a, a.length + 1 + b.length);
    combined[a.length] = DELIMITER;
    System.arraycopy(b, 0, combined, a.length + 1, b.length);
    return combined;
  }

  /** Appends with the merge operator: no read of the target. */
  @Override
  void mergeIntoCurrent(byte[] merged) {
    int keyLength = composeKey();
    db.merge(columnFamily, keyBytes.getSharedBuffer(), keyLength, merged, merged.length, name);
  }

  /**
   * What remains of the serialized list {@code bytes} when only the elements that satisfy
   * {@code keep} are retained: {@code bytes} itself if all do, {@code null} if none does, else
   * the retained elements' bytes (not re-serialized). For the TTL cleanup.
   */
  byte[] retainElements(byte[] bytes, Predicate<T> keep) {
    input.setBuffer(bytes, 0, bytes.length);
    valueBytes.clear();
    boolean removedAny = false;
    boolean keptAny = false;
    try {
      while (true) {
        int start = bytes.length - input.available();
        T element = elementSerializer.deserialize(input);
        int end = bytes.length - input.available();
        if (keep.test(element)) {
          if (keptAny) {
            valueBytes.write(DELIMITER);
          }
          valueBytes.write(bytes, start, end - start);
          keptAny = true;
        } else {
          removedAny = true;
        }
        if (input.available() == 0) {
          break;
        }
        readDelimiter(0);
      }
    } catch (IOException e) {
      throw serializationFailure("a list element", e);
    }
    if (!removedAny) {
      return bytes;
    }
    return keptAny ? valueBytes.getCopyOfBuffer() : null;
  }

  private List<T> parse(byte[] bytes) {
    input.setBuffer(bytes, 0, bytes.length);
    ArrayList<T> list = new ArrayList<>();
    try {
      while (true) {
        list.add(elementSerializer.deserialize(input));
        if (input.available() == 0) {
          return list;
        }
        readDelimiter(list.size());
      }
    } catch (IOException e) {
      throw serializationFailure("a list element", e);
    }
  }

  private void readDelimiter(int elementsRead) throws IOException {
    byte delimiter = input.readByte();
    if (delimiter != DELIMITER) {
      throw new IOException(
          "expected the list delimiter ',' after element " + elementsRead + ", found byte "
              + delimiter + ": the element serializer read fewer bytes than it wrote");
    }
  }

  /** Writes the elements separated by the delimiter into {@link #valueBytes}. */
  private void serializeElements(List<T> values) {
    valueBytes.clear();
    try {
      boolean first = true;
      for (T value : values) {
        if (!first) {
          valueBytes.write(DELIMITER);
        }
        elementSerializer.serialize(value, valueBytes);
        first = false;
      }
    } catch (IOException e) {
      throw serializationFailure("a list element", e);
    }
  }

  private void requireElements(List<T> values, String method) {
    if (values == null) {
      throw new NullPointerException(
          "the list passed to ListState." + method + " must not be null (state '" + name
              + "'); pass an empty list instead");
    }
    for (T value : values) {
      requireElement(value);
    }
  }

  private void requireElement(T value) {
    if (value == null) {
      throw new NullPointerException(
          "ListState elements must not be null (state '" + name + "')");
    }
  }
}
