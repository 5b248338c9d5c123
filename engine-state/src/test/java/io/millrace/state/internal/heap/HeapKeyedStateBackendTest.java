package io.millrace.state.internal.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.InternalMergingState;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.KeyGroupRangeAssignment;
import io.millrace.state.internal.VoidNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {

  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, "count@0 (Test)");

  private final ValueStateDescriptor<Long> countDescriptor =
      new ValueStateDescriptor<>("count", Long.class);

  @Test
  void setCurrentKeyComputesTheKeyGroup() {
    backend.setCurrentKey("alice");

    assertThat(backend.getCurrentKey()).isEqualTo("alice");
    assertThat(backend.getCurrentKeyGroup())
        .isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup("alice", 128));
  }

  @Test
  void currentKeyIsNullBeforeTheFirstSetCurrentKey() {
    assertThat(backend.getCurrentKey()).isNull();
  }

  @Test
  void keyOutsideTheRangeIsRejectedNamingKeyGroupAndRange() {
    int keyGroupOfZero = KeyGroupRangeAssignment.assignToKeyGroup(0, 128);
    int other = (keyGroupOfZero + 1) % 128;
    HeapKeyedStateBackend<Integer> narrow =
        new HeapKeyedStateBackend<>(new KeyGroupRange(other, other), 128, "sum@3 (Totals)");

    assertThatThrownBy(() -> narrow.setCurrentKey(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key 0 belongs to key group " + keyGroupOfZero)
        .hasMessageContaining("KeyGroupRange[" + other + ".." + other + "]")
        .hasMessageContaining("sum@3 (Totals)");
  }

  @Test
  void nullKeyIsRejected() {
    assertThatThrownBy(() -> backend.setCurrentKey(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("key must not be null")
        .hasMessageContaining("count@0 (Test)");
  }

  @Test
  void stateAccessWithoutACurrentKeyFailsClearly() {
    ValueState<Long> count = backend.getOrCreateKeyedState(countDescriptor);

    assertThatThrownBy(count::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no current key for state 'count'");
  }

  @Test
  void sameNameAndKindReturnsTheSameHandle() {
    ValueState<Long> first = backend.getOrCreateKeyedState(countDescriptor);
    ValueState<Long> second =
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));

    assertThat(second).isSameAs(first);
  }

  @Test
  void sameNameWithAnotherKindIsRejectedNamingBothKinds() {
    backend.getOrCreateKeyedState(countDescriptor);

    assertThatThrownBy(
            () -> backend.getOrCreateKeyedState(new ListStateDescriptor<>("count", Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'count'")
        .hasMessageContaining("registered as VALUE state")
        .hasMessageContaining("requested as LIST state");
  }

  @Test
  void handlesImplementTheInternalInterfaces() {
    assertThat(backend.getOrCreateKeyedState(countDescriptor)).isInstanceOf(InternalKvState.class);
    assertThat(backend.getOrCreateKeyedState(new MapStateDescriptor<>("m", String.class, Long.class)))
        .isInstanceOf(InternalKvState.class)
        .isNotInstanceOf(InternalMergingState.class);
    assertThat(backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", Long.class)))
        .isInstanceOf(InternalMergingState.class);
  }

  @Test
  void eachKeySeesOnlyItsOwnValue() throws Exception {
    ValueState<Long> count = backend.getOrCreateKeyedState(countDescriptor);
    for (int i = 0; i < 1000; i++) {
      backend.setCurrentKey("key-" + i);
      count.update((long) i);
    }

    for (int i = 0; i < 1000; i++) {
      backend.setCurrentKey("key-" + i);
      assertThat(count.value()).isEqualTo(i);
    }
    assertThat(backend.numStateEntries()).isEqualTo(1000);
  }

  @Test
  void numStateEntriesCountsEveryStateAndNamespaceAndReturnsToZeroAfterClears() throws Exception {
    ValueState<Long> count = backend.getOrCreateKeyedState(countDescriptor);
    ListState<String> list = backend.getOrCreateKeyedState(new ListStateDescriptor<>("list", String.class));
    InternalKvState<Object> listNamespaces = internal(list);

    for (String key : List.of("a", "b", "c")) {
      backend.setCurrentKey(key);
      count.update(1L);
      listNamespaces.setCurrentNamespace("w1");
      list.add("x");
      listNamespaces.setCurrentNamespace("w2");
      list.add("y");
    }
    assertThat(backend.numStateEntries()).isEqualTo(9);
    assertThat(backend.numStateEntries("list")).isEqualTo(6);

    for (String key : List.of("a", "b", "c")) {
      backend.setCurrentKey(key);
      count.clear();
      listNamespaces.setCurrentNamespace("w1");
      list.clear();
      listNamespaces.setCurrentNamespace("w2");
      list.update(List.of());
    }
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void getKeysListsTheKeysWithAValueInTheNamespace() throws Exception {
    ListState<String> list = backend.getOrCreateKeyedState(new ListStateDescriptor<>("list", String.class));
    InternalKvState<Object> namespaces = internal(list);
    backend.setCurrentKey("a");
    namespaces.setCurrentNamespace("w1");
    list.add("x");
    backend.setCurrentKey("b");
    list.add("y");
    namespaces.setCurrentNamespace("w2");
    list.add("z");
    namespaces.setCurrentNamespace(VoidNamespace.INSTANCE);
    backend.setCurrentKey("c");
    list.add("v");

    assertThat(backend.getKeys("list", "w1")).containsExactlyInAnyOrder("a", "b");
    assertThat(backend.getKeys("list", "w2")).containsExactly("b");
    assertThat(backend.getKeys("list", VoidNamespace.INSTANCE)).containsExactly("c");
    assertThat(backend.getKeys("list", "w3")).isEmpty();
    assertThat(backend.getKeys("unknown", VoidNamespace.INSTANCE)).isEmpty();
  }

  @Test
  void applyToAllKeysVisitsEveryKeyWithTheHandleScopedToIt() throws Exception {
    ValueState<Long> count = backend.getOrCreateKeyedState(countDescriptor);
    for (int i = 0; i < 50; i++) {
      backend.setCurrentKey("key-" + i);
      count.update((long) i);
    }
    backend.setCurrentKey("key-7");
    List<String> visited = new ArrayList<>();

    backend.applyToAllKeys(
        VoidNamespace.INSTANCE,
        countDescriptor,
        (key, state) -> {
          visited.add(key);
          assertThat(backend.getCurrentKey()).isEqualTo(key);
          assertThat(state.value()).isEqualTo(Long.parseLong(key.substring(4)));
          state.update(state.value() * 10);
        });

    assertThat(visited)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 50).mapToObj(i -> "key-" + i).collect(Collectors.toList()));
    assertThat(backend.getCurrentKey()).isEqualTo("key-7");
    assertThat(count.value()).isEqualTo(70);
  }

  @Test
  void applyToAllKeysToleratesTheFunctionClearingTheStateOfItsKey() throws Exception {
    ValueState<Long> count = backend.getOrCreateKeyedState(countDescriptor);
    for (int i = 0; i < 50; i++) {
      backend.setCurrentKey("key-" + i);
      count.update((long) i);
    }
    List<String> visited = new ArrayList<>();

    backend.applyToAllKeys(
        VoidNamespace.INSTANCE,
        countDescriptor,
        (key, state) -> {
          visited.add(key);
          if (state.value() % 2 == 0) {
            state.clear();
          }
        });

    assertThat(visited).hasSize(50);
    assertThat(backend.numStateEntries()).isEqualTo(25);
    assertThat(backend.getCurrentKey()).isEqualTo("key-49");
  }

  @Test
  void applyToAllKeysScopesTheHandleToTheNamespaceAndRestoresItsNamespace() throws Exception {
    ListStateDescriptor<String> descriptor = new ListStateDescriptor<>("list", String.class);
    ListState<String> list = backend.getOrCreateKeyedState(descriptor);
    InternalKvState<Object> namespaces = internal(list);
    backend.setCurrentKey("a");
    namespaces.setCurrentNamespace("w1");
    list.add("in-w1");
    namespaces.setCurrentNamespace("w2");
    list.add("in-w2");
    List<String> seen = new ArrayList<>();

    backend.applyToAllKeys("w1", descriptor, (key, state) -> state.get().forEach(seen::add));

    assertThat(seen).containsExactly("in-w1");
    assertThat(list.get()).containsExactly("in-w2");
  }

  @Test
  void closeReleasesAllStateAndMakesTheBackendUnusable() throws Exception {
    ValueState<Long> count = backend.getOrCreateKeyedState(countDescriptor);
    backend.setCurrentKey("a");
    count.update(1L);

    backend.close();

    assertThat(backend.numStateEntries()).isZero();
    assertThat(backend.getCurrentKey()).isNull();
    assertThatThrownBy(() -> backend.setCurrentKey("a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> backend.getOrCreateKeyedState(countDescriptor))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void backendCoveringPartOfTheKeyGroupsHoldsKeysOfItsRange() throws Exception {
    KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(128, 4, 2);
    HeapKeyedStateBackend<Integer> partial = new HeapKeyedStateBackend<>(range, 128, "p@2");
    ValueState<Integer> value = partial.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Integer.class));
    int stored = 0;
    for (int key = 0; key < 1000; key++) {
      if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, 128))) {
        partial.setCurrentKey(key);
        value.update(key);
        stored++;
      }
    }

    assertThat(stored).isPositive();
    assertThat(partial.numStateEntries()).isEqualTo(stored);
    assertThat(partial.getKeys("v", VoidNamespace.INSTANCE))
        .allSatisfy(key -> assertThat(range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, 128))).isTrue());
  }

  @Test
  void nullNamespaceIsRejected() {
    InternalKvState<Object> count = internal(backend.getOrCreateKeyedState(countDescriptor));

    assertThatThrownBy(() -> count.setCurrentNamespace(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("namespace must not be null for state 'count'");
  }

  @SuppressWarnings("unchecked") // every heap handle implements InternalKvState<Object>
  static InternalKvState<Object> internal(Object handle) {
    return (InternalKvState<Object>) handle;
  }
}
