package io.millrace.state.internal.heap;

import static io.millrace.state.internal.heap.HeapKeyedStateBackendTest.internal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.KeyGroupRange;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapMapStateTest {

  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, "test@0");
  private final MapState<String, Integer> state =
      backend.getOrCreateKeyedState(new MapStateDescriptor<>("map", String.class, Integer.class));

  @Test
  void aKeyWithoutAMapReadsAsEmpty() throws Exception {
    backend.setCurrentKey("a");

    assertThat(state.get("x")).isNull();
    assertThat(state.contains("x")).isFalse();
    assertThat(state.isEmpty()).isTrue();
    assertThat(state.entries()).isEmpty();
    assertThat(state.keys()).isEmpty();
    assertThat(state.values()).isEmpty();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void mappingsAreKeptPerKey() throws Exception {
    backend.setCurrentKey("a");
    state.put("x", 1);
    state.putAll(Map.of("y", 2, "z", 3));
    backend.setCurrentKey("b");
    state.put("x", 10);

    assertThat(state.entries()).containsExactly(entry("x", 10));
    backend.setCurrentKey("a");
    assertThat(state.get("y")).isEqualTo(2);
    assertThat(state.contains("z")).isTrue();
    assertThat(state.isEmpty()).isFalse();
    assertThat(state.keys()).containsExactlyInAnyOrder("x", "y", "z");
    assertThat(state.values()).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(backend.numStateEntries()).isEqualTo(2);
  }

  @Test
  void removingTheLastMappingRemovesTheEntry() throws Exception {
    backend.setCurrentKey("a");
    state.put("x", 1);
    state.put("y", 2);

    state.remove("x");
    assertThat(backend.numStateEntries()).isEqualTo(1);
    state.remove("y");

    assertThat(state.isEmpty()).isTrue();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void removingTheLastMappingThroughAnIteratorRemovesTheEntry() throws Exception {
    backend.setCurrentKey("a");
    state.put("x", 1);
    state.put("y", 2);

    Iterator<Map.Entry<String, Integer>> iterator = state.entries().iterator();
    while (iterator.hasNext()) {
      iterator.next();
      iterator.remove();
    }

    assertThat(state.isEmpty()).isTrue();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void iteratorRemoveOfKeysAndValuesWritesThrough() throws Exception {
    backend.setCurrentKey("a");
    state.put("x", 1);
    state.put("y", 2);
    Iterator<String> keys = state.keys().iterator();
    String removed = keys.next();
    keys.remove();

    assertThat(state.contains(removed)).isFalse();
    Iterator<Integer> values = state.values().iterator();
    values.next();
    values.remove();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void entrySetValueWritesThrough() throws Exception {
    backend.setCurrentKey("a");
    state.put("x", 1);

    state.entries().iterator().next().setValue(5);

    assertThat(state.get("x")).isEqualTo(5);
  }

  @Test
  void putAllWithAnEmptyMapCreatesNoEntry() throws Exception {
    backend.setCurrentKey("a");

    state.putAll(Map.of());

    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void clearRemovesAllMappingsOfTheCurrentKeyOnly() throws Exception {
    backend.setCurrentKey("a");
    state.put("x", 1);
    backend.setCurrentKey("b");
    state.put("x", 2);

    state.clear();

    assertThat(state.isEmpty()).isTrue();
    backend.setCurrentKey("a");
    assertThat(state.get("x")).isEqualTo(1);
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  @Test
  void namespacesHaveSeparateMaps() throws Exception {
    InternalKvState<Object> namespaces = internal(state);
    backend.setCurrentKey("a");
    namespaces.setCurrentNamespace("w1");
    state.put("x", 1);
    namespaces.setCurrentNamespace("w2");
    state.put("x", 2);

    assertThat(state.get("x")).isEqualTo(2);
    namespaces.setCurrentNamespace("w1");
    assertThat(state.get("x")).isEqualTo(1);
    state.remove("x");
    namespaces.setCurrentNamespace("w2");
    state.remove("x");
    assertThat(backend.numStateEntries()).isZero();
  }
}
