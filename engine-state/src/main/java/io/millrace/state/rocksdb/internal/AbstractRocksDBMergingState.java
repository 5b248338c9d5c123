package io.millrace.state.rocksdb.internal;

import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.InternalAppendingState;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A RocksDB state whose values in several namespaces can be merged (list, reducing and
 * aggregating state), as session windows need.
 *
 * <p>{@link #mergeNamespaces} behaves exactly as on the heap: it removes each source's value,
 * combines them in the order of {@code sources}, then combines the target's value (if any, and
 * if the target was not itself a source) with the result:
 * {@code merge(target, merge(merge(s1, s2), s3))}. Sources without a value are skipped; if no
 * source has a value the target is unchanged. Values are combined as bytes where the encoding
 * allows (lists) and deserialized otherwise.
 *
 * @param <V> the stored value type
 */
abstract class AbstractRocksDBMergingState<V> extends AbstractRocksDBState<V>
    implements InternalAppendingState<V> {

  AbstractRocksDBMergingState(
      RocksDBKeyedStateBackend<?> backend, ColumnFamilyHandle columnFamily,
      StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaceSerializer) {
    super(backend, columnFamily, descriptor, namespaceSerializer);
  }

  @Override
  public final void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
    if (target == null) {
      throw new NullPointerException(
          "target namespace must not be null when merging state '" + name + "'");
    }
    if (sources == null || sources.isEmpty()) {
      return;
    }
    Object previousNamespace = currentNamespace;
    try {
      byte[] merged = null;
      for (Object source : sources) {
        setCurrentNamespace(source);
        byte[] sourceBytes = getCurrentBytes();
        if (sourceBytes != null) {
          deleteCurrent();
          merged = merged == null ? sourceBytes : combine(merged, sourceBytes);
        }
      }
      if (merged != null) {
        setCurrentNamespace(target);
        mergeIntoCurrent(merged);
      }
    } finally {
      currentNamespace = previousNamespace;
    }
  }

  /**
   * Stores {@code combine(current, merged)}, or {@code merged} if the current key and
   * namespace hold nothing; removes the entry if the combination is {@code null}.
   */
  void mergeIntoCurrent(byte[] merged) throws Exception {
    byte[] target = getCurrentBytes();
    byte[] result = target == null ? merged : combine(target, merged);
    if (result == null) {
      deleteCurrent();
    } else {
      putCurrentBytes(result, result.length);
    }
  }

  /**
   * Combines two serialized stored values, {@code a} first; {@code null} when nothing remains
   * (TTL functions merging two expired values).
   */
  abstract byte[] combine(byte[] a, byte[] b) throws Exception;
}
