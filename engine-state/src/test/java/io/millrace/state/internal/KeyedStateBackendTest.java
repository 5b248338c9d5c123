package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The {@link KeyedStateBackend} contract, on every backend. */
class KeyedStateBackendTest extends KeyedStateBackendTestBase {

  private final ValueStateDescriptor<Long> countDescriptor =
      new ValueStateDescriptor<>("count", Long.class);

  private KeyedStateBackend<String> open(Backend kind, String operatorDescription) {
    return open(kind, new KeyGroupRange(0, 127), 128, operatorDescription);
  }

  @OnEveryBackend
  void setCurrentKeyComputesTheKeyGroup(Backend kind) {
    KeyedStateBackend<String> backend = open(kind);

    backend.setCurrentKey("alice");

    assertThat(backend.getCurrentKey()).isEqualTo("alice");
    assertThat(backend.getCurrentKeyGroup())
        .isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup("alice", 128));
  }

  @OnEveryBackend
  void currentKeyIsNullBeforeTheFirstSetCurrentKey(Backend kind) {
    assertThat(open(kind).getCurrentKey()).isNull();
  }

  @OnEveryBackend
  void keyOutsideTheRangeIsRejectedNamingKeyGroupAndRange(Backend kind) {
    int keyGroupOfZero = KeyGroupRangeAssignment.assignToKeyGroup(0, 128);
    int other = (keyGroupOfZero + 1) % 128;
    KeyedStateBackend<Integer> narrow =
        open(kind, new KeyGroupRange(other, other), 128, "sum@3 (Totals)");

    assertThatThrownBy(() -> narrow.setCurrentKey(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key 0 belongs to key group " + keyGroupOfZero)
        .hasMessageContaining("KeyGroupRange[" + other + ".." + other + "]")
        .hasMessageContaining("sum@3 (Totals)");
  }

  @OnEveryBackend
  void nullKeyIsRejected(Backend kind) {
    KeyedStateBackend<String> backend = open(kind, "count@0 (Test)");

    assertThatThrownBy(() -> backend.setCurrentKey(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("key must not be null")
        .hasMessageContaining("count@0 (Test)");
  }

  @OnEveryBackend
  void stateAccessWithoutACurrentKeyFailsClearly(Backend kind) {
    ValueState<Long> count = open(kind).getOrCreateKeyedState(countDescriptor);

    assertThatThrownBy(count::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no current key for state 'count'");
  }

  @OnEveryBackend
  void sameNameAndKindReturnsTheSameHandle(Backend kind) {
    KeyedStateBackend<String> backend = open(kind);
    ValueState<Long> first = backend.getOrCreateKeyedState(countDescriptor);
    ValueState<Long> second =
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));

    assertThat(second).isSameAs(first);
  }

  @OnEveryBackend
  void sameNameWithAnotherKindIsRejectedNamingBothKinds(Backend kind) {
    KeyedStateBackend<String> backend = open(kind);
    backend.getOrCreateKeyedState(countDescriptor);

    assertThatThrownBy(
            () -> backend.getOrCreateKeyedState(new ListStateDescriptor<>("count", Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'count'")
        .hasMessageContaining("registered as VALUE state")
        .hasMessageContaining("requested as LIST state");
  }

  @OnEveryBackend
  void sameNameWithAnotherNamespaceSerializerIsRejected(Backend kind) {
    KeyedStateBackend<String> backend = open(kind);
    backend.getOrCreateKeyedState(STRING_NAMESPACES, countDescriptor);

    assertThatThrownBy(() -> backend.getOrCreateKeyedState(countDescriptor))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'count'")
        .hasMessageContaining("registered with namespaces written by");
  }

  @OnEveryBackend
  void handlesImplementTheInternalInterfaces(Backend kind) {
    KeyedStateBackend<String> backend = open(kind);

    assertThat(backend.getOrCreateKeyedState(countDescriptor)).isInstanceOf(InternalKvState.class);
    assertThat(backend.getOrCreateKeyedState(new MapStateDescriptor<>("m", String.class, Long.class)))
        .isInstanceOf(InternalKvState.class)
        .isNotInstanceOf(InternalMergingState.class);
    assertThat(backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", Long.class)))
        .isInstanceOf(InternalMergingState.class);
  }

  @OnEveryBackend
  void eachKeySeesOnlyItsOwnValue(Backend kind) throws Exception {
    KeyedStateBackend<String> backend = open(kind);
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

  @OnEveryBackend
  void moreThan128KeyGroupsKeepEveryKeyApart(Backend kind) throws Exception {
    KeyedStateBackend<Integer> backend = open(kind, new KeyGroupRange(0, 1023), 1024, "wide@0");
    ValueState<Integer> value =
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Integer.class));
    for (int key = 0; key < 2000; key++) {
      backend.setCurrentKey(key);
      value.update(-key);
    }

    for (int key = 0; key < 2000; key++) {
      backend.setCurrentKey(key);
      assertThat(value.value()).isEqualTo(-key);
    }
    assertThat(backend.getKeys("v", VoidNamespace.INSTANCE).sorted())
        .containsExactlyElementsOf(IntStream.range(0, 2000).boxed().toList());
  }

  @OnEveryBackend
  void numStateEntriesCountsEveryStateAndNamespaceAndReturnsToZeroAfterClears(Backend kind)
      throws Exception {
    KeyedStateBackend<String> backend = open(kind);
    ValueState<Long> count = backend.getOrCreateKeyedState(countDescriptor);
    ListState<String> list =
        backend.getOrCreateKeyedState(STRING_NAMESPACES, new ListStateDescriptor<>("list", String.class));
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

  @OnEveryBackend
  void aMapCountsAsOneEntryPerKeyAndNamespaceWhateverItsSize(Backend kind) throws Exception {
    KeyedStateBackend<String> backend = open(kind);
    MapState<Integer, String> map =
        backend.getOrCreateKeyedState(STRING_NAMESPACES, new MapStateDescriptor<>("map", Integer.class, String.class));
    InternalKvState<Object> namespaces = internal(map);
    for (String key : List.of("a", "b")) {
      backend.setCurrentKey(key);
      for (String window : List.of("w1", "w2")) {
        namespaces.setCurrentNamespace(window);
        for (int i = 0; i < 5; i++) {
          map.put(i, key + window + i);
        }
      }
    }

    assertThat(backend.numStateEntries()).isEqualTo(4);
    assertThat(backend.getKeys("map", "w1")).containsExactlyInAnyOrder("a", "b");
  }

  @OnEveryBackend
  void getKeysListsTheKeysWithAValueInTheNamespace(Backend kind) throws Exception {
    KeyedStateBackend<String> backend = open(kind);
    ListState<String> list =
        backend.getOrCreateKeyedState(STRING_NAMESPACES, new ListStateDescriptor<>("list", String.class));
    ValueState<Long> count = backend.getOrCreateKeyedState(countDescriptor);
    InternalKvState<Object> namespaces = internal(list);
    backend.setCurrentKey("a");
    namespaces.setCurrentNamespace("w1");
    list.add("x");
    backend.setCurrentKey("b");
    list.add("y");
    namespaces.setCurrentNamespace("w2");
    list.add("z");
    backend.setCurrentKey("c");
    count.update(1L);

    assertThat(backend.getKeys("list", "w1")).containsExactlyInAnyOrder("a", "b");
    assertThat(backend.getKeys("list", "w2")).containsExactly("b");
    assertThat(backend.getKeys("list", "w3")).isEmpty();
    assertThat(backend.getKeys("count", VoidNamespace.INSTANCE)).containsExactly("c");
    assertThat(backend.getKeys("unknown", VoidNamespace.INSTANCE)).isEmpty();
  }

  @OnEveryBackend
  void applyToAllKeysVisitsEveryKeyWithTheHandleScopedToIt(Backend kind) throws Exception {
    KeyedStateBackend<String> backend = open(kind);
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

  @OnEveryBackend
  void applyToAllKeysToleratesTheFunctionClearingTheStateOfItsKey(Backend kind) throws Exception {
    KeyedStateBackend<String> backend = open(kind);
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
    assertThat(count.value()).isEqualTo(49);
  }

  @OnEveryBackend
  void applyToAllKeysWithoutACurrentKeyLeavesNoCurrentKey(Backend kind) throws Exception {
    KeyedStateBackend<String> backend = open(kind);
    ValueState<Long> count = backend.getOrCreateKeyedState(countDescriptor);
    backend.setCurrentKey("a");
    count.update(1L);
    KeyedStateBackend<String> fresh = open(kind);
    fresh.getOrCreateKeyedState(countDescriptor);
    List<String> visited = new ArrayList<>();

    fresh.applyToAllKeys(VoidNamespace.INSTANCE, countDescriptor, (key, state) -> visited.add(key));

    assertThat(visited).isEmpty();
    assertThat(fresh.getCurrentKey()).isNull();
  }

  @OnEveryBackend
  void applyToAllKeysScopesTheHandleToTheNamespaceAndRestoresItsNamespace(Backend kind)
      throws Exception {
    KeyedStateBackend<String> backend = open(kind);
    ListStateDescriptor<String> descriptor = new ListStateDescriptor<>("list", String.class);
    ListState<String> list = backend.getOrCreateKeyedState(STRING_NAMESPACES, descriptor);
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

  @OnEveryBackend
  void closeReleasesAllStateAndMakesTheBackendUnusable(Backend kind) throws Exception {
    KeyedStateBackend<String> backend = open(kind);
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
    assertThatThrownBy(count::value).isInstanceOf(IllegalStateException.class);
    backend.close();
  }

  @OnEveryBackend
  void backendCoveringPartOfTheKeyGroupsHoldsKeysOfItsRange(Backend kind) throws Exception {
    KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(128, 4, 2);
    KeyedStateBackend<Integer> partial = open(kind, range, 128, "p@2");
    ValueState<Integer> value =
        partial.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Integer.class));
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
        .hasSize(stored)
        .allSatisfy(key -> assertThat(range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, 128))).isTrue());
  }

  @OnEveryBackend
  void nullNamespaceIsRejected(Backend kind) {
    InternalKvState<Object> count = internal(open(kind).getOrCreateKeyedState(countDescriptor));

    assertThatThrownBy(() -> count.setCurrentNamespace(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("namespace must not be null for state 'count'");
  }
}
