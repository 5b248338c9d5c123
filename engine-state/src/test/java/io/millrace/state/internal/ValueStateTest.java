package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;

/** {@link ValueState} on every backend. */
class ValueStateTest extends KeyedStateBackendTestBase {

  private KeyedStateBackend<String> backend;
  private ValueState<String> state;

  private void openState(Backend kind, boolean namespaced) {
    backend = open(kind);
    ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("value", String.class);
    state =
        namespaced
            ? backend.getOrCreateKeyedState(STRING_NAMESPACES, descriptor)
            : backend.getOrCreateKeyedState(descriptor);
  }

  @OnEveryBackend
  void valueIsNullForAKeySeenForTheFirstTime(Backend kind) throws Exception {
    openState(kind, false);
    backend.setCurrentKey("a");

    assertThat(state.value()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void updateStoresTheValueOfTheCurrentKeyOnly(Backend kind) throws Exception {
    openState(kind, false);
    backend.setCurrentKey("a");
    state.update("A");
    backend.setCurrentKey("b");
    state.update("B");

    assertThat(state.value()).isEqualTo("B");
    backend.setCurrentKey("a");
    assertThat(state.value()).isEqualTo("A");
  }

  @OnEveryBackend
  void updateReplacesTheValue(Backend kind) throws Exception {
    openState(kind, false);
    backend.setCurrentKey("a");
    state.update("A");

    state.update("A2");

    assertThat(state.value()).isEqualTo("A2");
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  @OnEveryBackend
  void updateWithNullClears(Backend kind) throws Exception {
    openState(kind, false);
    backend.setCurrentKey("a");
    state.update("A");

    state.update(null);

    assertThat(state.value()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void clearRemovesTheEntry(Backend kind) throws Exception {
    openState(kind, false);
    backend.setCurrentKey("a");
    state.update("A");

    state.clear();

    assertThat(state.value()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void namespacesOfOneKeyAreIndependent(Backend kind) throws Exception {
    openState(kind, true);
    InternalKvState<Object> namespaces = internal(state);
    backend.setCurrentKey("a");
    namespaces.setCurrentNamespace("w0");
    state.update("zero");
    namespaces.setCurrentNamespace("w1");
    state.update("one");
    namespaces.setCurrentNamespace("w2");
    state.update("two");

    assertThat(state.value()).isEqualTo("two");
    namespaces.setCurrentNamespace("w1");
    assertThat(state.value()).isEqualTo("one");
    namespaces.setCurrentNamespace("w0");
    assertThat(state.value()).isEqualTo("zero");
    assertThat(backend.numStateEntries()).isEqualTo(3);

    namespaces.setCurrentNamespace("w1");
    state.clear();
    namespaces.setCurrentNamespace("w2");
    state.clear();
    assertThat(backend.numStateEntries()).isEqualTo(1);
    assertThat(backend.getKeys("value", "w1")).isEmpty();
    assertThat(backend.getKeys("value", "w0")).containsExactly("a");
  }

  @OnEveryBackend
  void theNamespaceStaysSetAcrossKeys(Backend kind) throws Exception {
    openState(kind, true);
    internal(state).setCurrentNamespace("w");
    backend.setCurrentKey("a");
    state.update("A");
    backend.setCurrentKey("b");
    state.update("B");

    backend.setCurrentKey("a");
    assertThat(state.value()).isEqualTo("A");
    assertThat(backend.getKeys("value", "w")).containsExactlyInAnyOrder("a", "b");
  }
}
