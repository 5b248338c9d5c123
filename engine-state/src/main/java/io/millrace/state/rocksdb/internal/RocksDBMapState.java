package io.millrace.state.rocksdb.internal;

import io.millrace.state.MapState;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * RocksDB {@link MapState}: one entry per mapping, under {@code keyGroup | key | namespace |
 * userKey}, so that a (key, namespace)'s map is one contiguous range and an empty map holds no
 * entry at all. User keys are written with a presence byte and values through the given
 * serializer (which the backend makes nullable), so {@code null} keys and values round-trip as
 * on the heap.
 *
 * <p><b>Iteration.</b> {@link #entries()}, {@link #keys()} and {@link #values()} are bound to
 * the (key, namespace) current at the call; each of their iterators scans that range in chunks
 * of {@value #ITERATOR_CHUNK_SIZE} entries, each chunk read by a RocksDB iterator that is
 * closed before the chunk is handed out — so a huge map never loads at once, and an abandoned
 * Java iterator holds no native resource. The next chunk starts after the last key read, so
 * entries removed or added meanwhile are seen as they are then. {@code Iterator.remove()} and
 * {@code Map.Entry.setValue} write through. {@link #clear()} deletes the range in write
 * batches.
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
final class RocksDBMapState<UK, UV> extends AbstractRocksDBState<UV>
    implements MapState<UK, UV> {

  /** The number of mappings one read of an iteration loads. */
  static final int ITERATOR_CHUNK_SIZE = 128;

  private final TypeSerializer<UK> userKeySerializer;
  private final TypeSerializer<UV> valueSerializer;
  /** {@code keyGroup | key | namespace | userKey} of the last accessed mapping. */
  private final DataOutputSerializer entryKey = new DataOutputSerializer(64);

  /**
   * @param userKeySerializer writes user keys; must accept {@code null}
   * @param valueSerializer writes every value the state is given
   */
  RocksDBMapState(
      RocksDBKeyedStateBackend<?> backend, ColumnFamilyHandle columnFamily,
      StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaceSerializer,
      TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> valueSerializer) {
    super(backend, columnFamily, descriptor, namespaceSerializer);
    this.userKeySerializer = userKeySerializer;
    this.valueSerializer = valueSerializer;
  }

  @Override
  boolean hasEntryPerUserKey() {
    return true;
  }

  @Override
  public UV get(UK key) {
    byte[] bytes = getEntry(key);
    return bytes == null ? null : deserialize(valueSerializer, bytes, 0);
  }

  @Override
  public void put(UK key, UV value) {
    composeEntryKey(key);
    serialize(valueSerializer, value);
    db.put(
        columnFamily, entryKey.getSharedBuffer(), entryKey.length(), valueBytes.getSharedBuffer(),
        valueBytes.length(), name);
  }

  @Override
  public void putAll(Map<UK, UV> map) {
    if (map == null || map.isEmpty()) {
      return;
    }
    List<byte[]> keys = new ArrayList<>(map.size());
    List<byte[]> values = new ArrayList<>(map.size());
    for (Map.Entry<UK, UV> mapping : map.entrySet()) {
      composeEntryKey(mapping.getKey());
      keys.add(entryKey.getCopyOfBuffer());
      serialize(valueSerializer, mapping.getValue());
      values.add(valueBytes.getCopyOfBuffer());
    }
    db.putAll(columnFamily, keys, values, name);
  }

  @Override
  public void remove(UK key) {
    composeEntryKey(key);
    db.delete(columnFamily, entryKey.getSharedBuffer(), entryKey.length(), name);
  }

  @Override
  public boolean contains(UK key) {
    return getEntry(key) != null;
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return view(entry -> entry);
  }

  @Override
  public Iterable<UK> keys() {
    return view(Entry::getKey);
  }

  @Override
  public Iterable<UV> values() {
    return view(Entry::getValue);
  }

  @Override
  public boolean isEmpty() {
    byte[] prefix = currentPrefix();
    try (RocksIterator iterator = db.newIterator(columnFamily, name)) {
      iterator.seek(prefix);
      if (!iterator.isValid()) {
        db.checkStatus(iterator, name);
        return true;
      }
      return !RocksDBInstance.startsWith(iterator.key(), prefix);
    }
  }

  /** Deletes every mapping of the current key and namespace. */
  @Override
  public void clear() {
    db.deletePrefix(columnFamily, currentPrefix(), name);
  }

  private byte[] getEntry(UK key) {
    composeEntryKey(key);
    return db.get(columnFamily, entryKey.getSharedBuffer(), entryKey.length(), name);
  }

  private void composeEntryKey(UK key) {
    int length = composeKey();
    entryKey.clear();
    entryKey.write(keyBytes.getSharedBuffer(), 0, length);
    try {
      userKeySerializer.serialize(key, entryKey);
    } catch (IOException e) {
      throw serializationFailure("map key " + key, e);
    }
  }

  /** A copy of {@code keyGroup | key | namespace}: the common prefix of the current map. */
  private byte[] currentPrefix() {
    composeKey();
    return keyBytes.getCopyOfBuffer();
  }

  private <E> Iterable<E> view(Function<Entry, E> project) {
    byte[] prefix = currentPrefix();
    return () -> new ChunkedIterator<>(prefix, project);
  }

  /** One stored mapping; key and value are deserialized when first asked for. */
  private final class Entry implements Map.Entry<UK, UV> {
    private final byte[] key;
    private final int userKeyOffset;
    private final byte[] value;
    private UK userKey;
    private boolean userKeyRead;
    private UV userValue;
    private boolean userValueRead;
    private boolean removed;

    Entry(byte[] key, int userKeyOffset, byte[] value) {
      this.key = key;
      this.userKeyOffset = userKeyOffset;
      this.value = value;
    }

    @Override
    public UK getKey() {
      if (!userKeyRead) {
        userKey = deserialize(userKeySerializer, key, userKeyOffset);
        userKeyRead = true;
      }
      return userKey;
    }

    @Override
    public UV getValue() {
      if (!userValueRead) {
        userValue = deserialize(valueSerializer, value, 0);
        userValueRead = true;
      }
      return userValue;
    }

    @Override
    public UV setValue(UV newValue) {
      if (removed) {
        throw new IllegalStateException(
            "the mapping of " + getKey() + " was removed from map state '" + name
                + "': put it again with MapState.put");
      }
      UV old = getValue();
      serialize(valueSerializer, newValue);
      db.put(
          columnFamily, key, key.length, valueBytes.getSharedBuffer(), valueBytes.length(), name);
      userValue = newValue;
      return old;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Map.Entry<?, ?> that
          && Objects.equals(getKey(), that.getKey())
          && Objects.equals(getValue(), that.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }

  /**
   * Iterates over the mappings under {@code prefix}, reading {@value #ITERATOR_CHUNK_SIZE} at a
   * time with a RocksDB iterator that is closed before the chunk is returned.
   */
  private final class ChunkedIterator<E> implements Iterator<E> {
    private final byte[] prefix;
    private final Function<Entry, E> project;
    private final List<Entry> chunk = new ArrayList<>();
    private int position;
    private boolean exhausted;
    private byte[] lastReadKey;
    private Entry lastReturned;

    ChunkedIterator(byte[] prefix, Function<Entry, E> project) {
      this.prefix = prefix;
      this.project = project;
    }

    @Override
    public boolean hasNext() {
      if (position < chunk.size()) {
        return true;
      }
      if (exhausted) {
        return false;
      }
      readChunk();
      return position < chunk.size();
    }

    @Override
    public E next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more mappings in map state '" + name + "'");
      }
      lastReturned = chunk.get(position++);
      return project.apply(lastReturned);
    }

    @Override
    public void remove() {
      if (lastReturned == null) {
        throw new IllegalStateException("next() was not called before remove()");
      }
      db.delete(columnFamily, lastReturned.key, lastReturned.key.length, name);
      lastReturned.removed = true;
      lastReturned = null;
    }

    private void readChunk() {
      chunk.clear();
      position = 0;
      try (RocksIterator iterator = db.newIterator(columnFamily, name)) {
        iterator.seek(lastReadKey == null ? prefix : lastReadKey);
        if (lastReadKey != null && iterator.isValid()
            && Arrays.equals(iterator.key(), lastReadKey)) {
          iterator.next();
        }
        while (chunk.size() < ITERATOR_CHUNK_SIZE && iterator.isValid()) {
          byte[] key = iterator.key();
          if (!RocksDBInstance.startsWith(key, prefix)) {
            exhausted = true;
            break;
          }
          chunk.add(new Entry(key, prefix.length, iterator.value()));
          iterator.next();
        }
        if (!iterator.isValid()) {
          db.checkStatus(iterator, name);
          exhausted = true;
        }
      }
      if (!chunk.isEmpty()) {
        lastReadKey = chunk.get(chunk.size() - 1).key;
      }
    }
  }
}
