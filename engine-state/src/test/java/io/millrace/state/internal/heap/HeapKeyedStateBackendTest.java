package io.millrace.state.internal.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.ttl.TtlValueState;
import io.millrace.state.serialization.TypeSerializers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What only the heap backend has. The keyed state contract itself is specified, on both
 * backends, by the tests in {@code io.millrace.state.internal}.
 */
class HeapKeyedStateBackendTest {

  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, "count@0 (Test)");

  @Test
  void numStateEntriesOfOneStateCountsItsKeysAndNamespaces() throws Exception {
    ValueState<Long> count = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
    ListState<String> list =
        backend.getOrCreateKeyedState(
            TypeSerializers.forClass(String.class), new ListStateDescriptor<>("list", String.class));
    @SuppressWarnings("unchecked") // every heap handle implements InternalKvState<Object>
    InternalKvState<Object> listNamespaces = (InternalKvState<Object>) list;
    for (String key : List.of("a", "b", "c")) {
      backend.setCurrentKey(key);
      count.update(1L);
      listNamespaces.setCurrentNamespace("w1");
      list.add("x");
      listNamespaces.setCurrentNamespace("w2");
      list.add("y");
    }

    assertThat(backend.numStateEntries("list")).isEqualTo(6);
    assertThat(backend.numStateEntries("count")).isEqualTo(3);
    assertThat(backend.numStateEntries("unknown")).isZero();
  }

  @Test
  void statesWithoutTtlAreTheHeapHandlesThemselves() {
    assertThat((Object) backend.getOrCreateKeyedState(new ValueStateDescriptor<>("plain", String.class)))
        .isInstanceOf(HeapValueState.class);
    ValueStateDescriptor<String> withTtl = new ValueStateDescriptor<>("ttl", String.class);
    withTtl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build());
    assertThat((Object) backend.getOrCreateKeyedState(withTtl)).isInstanceOf(TtlValueState.class);
  }

  @Test
  void theHeapStoresValuesByReference() throws Exception {
    ValueState<List<String>> state =
        backend.getOrCreateKeyedState(
            new ValueStateDescriptor<>("list", TypeSerializers.listOf(TypeSerializers.forClass(String.class))));
    backend.setCurrentKey("a");
    List<String> value = new java.util.ArrayList<>(List.of("x"));
    state.update(value);

    assertThat(state.value()).isSameAs(value);
    assertThat(backend.getKeys("list", VoidNamespace.INSTANCE)).containsExactly("a");
  }
}
