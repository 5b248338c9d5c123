package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** {@link MapState} on every backend. */
class MapStateTest extends KeyedStateBackendTestBase {

  private KeyedStateBackend<String> backend;
  private MapState<String, Integer> state;

  private void openState(Backend kind) {
    backend = open(kind);
    state = backend.getOrCreateKeyedState(new MapStateDescriptor<>("map", String.class, Integer.class));
  }

  @OnEveryBackend
  void aKeyWithoutAMapReadsAsEmpty(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");

    assertThat(state.get("x")).isNull();
    assertThat(state.contains("x")).isFalse();
    assertThat(state.isEmpty()).isTrue();
    assertThat(state.entries()).isEmpty();
    assertThat(state.keys()).isEmpty();
    assertThat(state.values()).isEmpty();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void mappingsAreKeptPerKey(Backend kind) throws Exception {
    openState(kind);
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

  @OnEveryBackend
  void putReplacesTheValueOfAUserKey(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.put("x", 1);

    state.put("x", 2);
    state.putAll(Map.of("x", 3, "y", 4));

    assertThat(state.entries()).containsExactlyInAnyOrder(entry("x", 3), entry("y", 4));
  }

  @OnEveryBackend
  void nullUserKeysAndValuesAreStored(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    Map<String, Integer> withNulls = new HashMap<>();
    withNulls.put(null, 1);
    withNulls.put("n", null);

    state.putAll(withNulls);

    assertThat(state.get(null)).isEqualTo(1);
    assertThat(state.contains("n")).isTrue();
    assertThat(state.get("n")).isNull();
    assertThat(state.entries()).containsExactlyInAnyOrder(entry(null, 1), entry("n", null));
    state.remove(null);
    state.remove("n");
    assertThat(state.isEmpty()).isTrue();
  }

  @OnEveryBackend
  void removingTheLastMappingRemovesTheEntry(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.put("x", 1);
    state.put("y", 2);

    state.remove("x");
    assertThat(backend.numStateEntries()).isEqualTo(1);
    state.remove("y");
    state.remove("absent");

    assertThat(state.isEmpty()).isTrue();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void removingTheLastMappingThroughAnIteratorRemovesTheEntry(Backend kind) throws Exception {
    openState(kind);
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

  @OnEveryBackend
  void iteratorRemoveBeforeNextFails(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.put("x", 1);
    Iterator<String> keys = state.keys().iterator();

    assertThatThrownBy(keys::remove).isInstanceOf(IllegalStateException.class);
    keys.next();
    keys.remove();
    assertThatThrownBy(keys::remove).isInstanceOf(IllegalStateException.class);
  }

  @OnEveryBackend
  void iteratorRemoveOfKeysAndValuesWritesThrough(Backend kind) throws Exception {
    openState(kind);
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

  @OnEveryBackend
  void entrySetValueWritesThrough(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.put("x", 1);

    Integer old = state.entries().iterator().next().setValue(5);

    assertThat(old).isEqualTo(1);
    assertThat(state.get("x")).isEqualTo(5);
  }

  @OnEveryBackend
  void putAllWithAnEmptyMapCreatesNoEntry(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");

    state.putAll(Map.of());
    state.putAll(null);

    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void clearRemovesAllMappingsOfTheCurrentKeyOnly(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.put("x", 1);
    backend.setCurrentKey("b");
    state.put("x", 2);
    state.put("y", 3);

    state.clear();

    assertThat(state.isEmpty()).isTrue();
    assertThat(state.get("y")).isNull();
    backend.setCurrentKey("a");
    assertThat(state.get("x")).isEqualTo(1);
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  @OnEveryBackend
  void namespacesHaveSeparateMaps(Backend kind) throws Exception {
    backend = open(kind);
    MapState<String, Integer> windows =
        backend.getOrCreateKeyedState(
            STRING_NAMESPACES, new MapStateDescriptor<>("windows", String.class, Integer.class));
    InternalKvState<Object> namespaces = internal(windows);
    backend.setCurrentKey("a");
    namespaces.setCurrentNamespace("w1");
    windows.put("x", 1);
    namespaces.setCurrentNamespace("w2");
    windows.put("x", 2);
    windows.put("y", 3);

    assertThat(windows.get("x")).isEqualTo(2);
    namespaces.setCurrentNamespace("w1");
    assertThat(windows.get("x")).isEqualTo(1);
    assertThat(windows.keys()).containsExactly("x");
    windows.remove("x");
    namespaces.setCurrentNamespace("w2");
    windows.clear();
    assertThat(backend.numStateEntries()).isZero();
  }
}
