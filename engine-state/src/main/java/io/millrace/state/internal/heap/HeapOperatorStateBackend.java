package io.millrace.state.internal.heap;

import io.millrace.state.BroadcastState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.internal.OperatorStateBackend;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The heap {@link OperatorStateBackend}: one {@link HashMap} per broadcast state, by descriptor
 * name. Confined to the subtask's thread.
 */
public final class HeapOperatorStateBackend implements OperatorStateBackend {

  private final Map<String, HeapBroadcastState<?, ?>> broadcastStates = new HashMap<>();
  private boolean closed;

  /** An empty backend. */
  public HeapOperatorStateBackend() {}

  @Override
  public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
    Objects.requireNonNull(descriptor, "descriptor must not be null");
    if (closed) {
      throw new IllegalStateException("the operator state backend is closed");
    }
    HeapBroadcastState<?, ?> existing = broadcastStates.get(descriptor.getName());
    if (existing == null) {
      HeapBroadcastState<K, V> created =
          new HeapBroadcastState<>(descriptor.getKeyClass(), descriptor.getValueClass());
      broadcastStates.put(descriptor.getName(), created);
      return created;
    }
    if (!Objects.equals(existing.keyClass, descriptor.getKeyClass())
        || !Objects.equals(existing.valueClass, descriptor.getValueClass())) {
      throw new IllegalStateException(
          "broadcast state '" + descriptor.getName() + "' was registered with types "
              + typeNames(existing.keyClass, existing.valueClass) + " and is now requested with "
              + typeNames(descriptor.getKeyClass(), descriptor.getValueClass())
              + ": use a different name for each broadcast state");
    }
    return sameTypes(existing);
  }

  // The state was registered under this name with the same key and value classes (checked by
  // the caller), so it holds Ks and Vs.
  @SuppressWarnings("unchecked")
  private static <K, V> BroadcastState<K, V> sameTypes(HeapBroadcastState<?, ?> state) {
    return (BroadcastState<K, V>) state;
  }

  private static String typeNames(Class<?> keyClass, Class<?> valueClass) {
    return "<" + (keyClass == null ? "?" : keyClass.getName()) + ", "
        + (valueClass == null ? "?" : valueClass.getName()) + ">";
  }

  @Override
  public void close() {
    closed = true;
    for (HeapBroadcastState<?, ?> state : broadcastStates.values()) {
      state.clear();
    }
    broadcastStates.clear();
  }
}
