package io.millrace.state.internal.heap;

import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.InternalAppendingState;
import java.util.Collection;

/**
 * A heap state whose values in several namespaces can be merged (list, reducing and
 * aggregating state), as session windows need.
 *
 * <p>{@link #mergeNamespaces} removes each source's value, combines them in the order of
 * {@code sources}, then combines the target's value (if any, and if the target was not itself
 * a source) with the result: {@code merge(target, merge(merge(s1, s2), s3))}. Sources without a
 * value are skipped; if no source has a value the target is unchanged.
 *
 * @param <K> the key type
 * @param <V> the stored value type
 */
abstract class AbstractHeapMergingState<K, V> extends AbstractHeapState<K, V>
    implements InternalAppendingState<V> {

  AbstractHeapMergingState(HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor) {
    super(backend, descriptor);
  }

  @Override
  public final void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
    if (target == null) {
      throw new NullPointerException(
          "target namespace must not be null when merging state '" + descriptor.getName() + "'");
    }
    if (sources == null || sources.isEmpty()) {
      return;
    }
    K key = currentKey();
    int groupIndex = backend.currentKeyGroupIndex;
    V merged = null;
    for (Object source : sources) {
      V sourceValue = table.remove(key, groupIndex, source);
      if (sourceValue != null) {
        merged = merged == null ? sourceValue : merge(merged, sourceValue);
      }
    }
    if (merged != null) {
      V targetValue = table.get(key, groupIndex, target);
      V result = targetValue == null ? merged : merge(targetValue, merged);
      // A merge yields null only when everything merged has expired (TTL functions).
      if (result == null) {
        table.remove(key, groupIndex, target);
      } else {
        table.put(key, groupIndex, target, result);
      }
    }
  }

  @Override
  public final V getInternal() {
    return getCurrent();
  }

  @Override
  public final void updateInternal(V value) {
    if (value == null) {
      clear();
    } else {
      putCurrent(value);
    }
  }

  /** Combines two stored values; may return (and mutate) {@code a}. */
  abstract V merge(V a, V b) throws Exception;
}
