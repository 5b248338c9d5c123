package io.millrace.windows.internal.operator;

import io.millrace.state.AggregatingState;
import io.millrace.state.AggregatingStateDescriptor;
import io.millrace.state.KeyedStateStore;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;
import io.millrace.state.State;
import io.millrace.state.StateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.serialization.TypeSerializer;
import java.util.function.Supplier;

/**
 * Keyed state of the current key in one namespace: a window ({@code windowState()}) or none
 * ({@code globalState()}, {@link io.millrace.state.internal.VoidNamespace}). Each call scopes the
 * backend's shared handle to the namespace, so a handle is valid until the next call for the same
 * state name with another namespace.
 */
final class WindowStateStore implements KeyedStateStore {
  private final KeyedStateBackend<?> backend;
  private final TypeSerializer<?> namespaceSerializer;
  private final Supplier<Object> namespace;

  WindowStateStore(KeyedStateBackend<?> backend, TypeSerializer<?> namespaceSerializer, Supplier<Object> namespace) {
    this.backend = backend;
    this.namespaceSerializer = namespaceSerializer;
    this.namespace = namespace;
  }

  /** The handle of {@code descriptor}, whose namespaces {@code namespaceSerializer} writes, scoped to {@code namespace}. */
  @SuppressWarnings("unchecked")
  static <S extends State> S scoped(
      KeyedStateBackend<?> backend, TypeSerializer<?> namespaceSerializer, StateDescriptor<S, ?> descriptor, Object namespace) {
    S state = backend.getOrCreateKeyedState(namespaceSerializer, descriptor);
    ((InternalKvState<Object>) state).setCurrentNamespace(namespace);
    return state;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return scoped(backend, namespaceSerializer, descriptor, namespace.get());
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return scoped(backend, namespaceSerializer, descriptor, namespace.get());
  }

  @Override
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    return scoped(backend, namespaceSerializer, descriptor, namespace.get());
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return scoped(backend, namespaceSerializer, descriptor, namespace.get());
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return scoped(backend, namespaceSerializer, descriptor, namespace.get());
  }
}
