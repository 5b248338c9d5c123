package io.millrace.state.internal.heap;

import static io.millrace.state.internal.heap.HeapKeyedStateBackendTest.internal;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.VoidNamespace;
import org.junit.jupiter.api.Test;

class HeapValueStateTest {

  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, "test@0");
  private final ValueState<String> state =
      backend.getOrCreateKeyedState(new ValueStateDescriptor<>("value", String.class));

  @Test
  void valueIsNullForAKeySeenForTheFirstTime() throws Exception {
    backend.setCurrentKey("a");

    assertThat(state.value()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void updateStoresTheValueOfTheCurrentKeyOnly() throws Exception {
    backend.setCurrentKey("a");
    state.update("A");
    backend.setCurrentKey("b");
    state.update("B");

    assertThat(state.value()).isEqualTo("B");
    backend.setCurrentKey("a");
    assertThat(state.value()).isEqualTo("A");
  }

  @Test
  void updateWithNullClears() throws Exception {
    backend.setCurrentKey("a");
    state.update("A");

    state.update(null);

    assertThat(state.value()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void clearRemovesTheEntry() throws Exception {
    backend.setCurrentKey("a");
    state.update("A");

    state.clear();

    assertThat(state.value()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void namespacesOfOneKeyAreIndependent() throws Exception {
    InternalKvState<Object> namespaces = internal(state);
    backend.setCurrentKey("a");
    state.update("void");
    namespaces.setCurrentNamespace("w1");
    state.update("one");
    namespaces.setCurrentNamespace("w2");
    state.update("two");

    assertThat(state.value()).isEqualTo("two");
    namespaces.setCurrentNamespace("w1");
    assertThat(state.value()).isEqualTo("one");
    namespaces.setCurrentNamespace(VoidNamespace.INSTANCE);
    assertThat(state.value()).isEqualTo("void");
    assertThat(backend.numStateEntries()).isEqualTo(3);

    namespaces.setCurrentNamespace("w1");
    state.clear();
    namespaces.setCurrentNamespace("w2");
    state.clear();
    assertThat(backend.numStateEntries()).isEqualTo(1);
    assertThat(backend.getKeys("value", "w1")).isEmpty();
  }
}
