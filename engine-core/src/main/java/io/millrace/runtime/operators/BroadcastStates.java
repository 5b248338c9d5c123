package io.millrace.runtime.operators;

import io.millrace.state.BroadcastState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.internal.OperatorStateBackend;
import java.util.List;

/** The broadcast states an operator declared, checked by name on every access. */
final class BroadcastStates {
  private final List<MapStateDescriptor<?, ?>> declared;
  private final OperatorStateBackend backend;
  private final String operatorName;

  BroadcastStates(List<MapStateDescriptor<?, ?>> declared, OperatorStateBackend backend, String operatorName) {
    this.declared = declared;
    this.backend = backend;
    this.operatorName = operatorName;
  }

  <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
    if (!declared.contains(descriptor)) {
      throw new IllegalArgumentException(
          "Broadcast state '" + descriptor.getName() + "' is not one of those declared for " + operatorName
              + " " + declared.stream().map(MapStateDescriptor::getName).toList()
              + ": pass its descriptor to broadcast(...)");
    }
    return backend.getBroadcastState(descriptor);
  }
}
