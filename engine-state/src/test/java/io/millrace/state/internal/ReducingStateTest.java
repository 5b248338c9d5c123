package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;
import java.util.List;

/** {@link ReducingState} on every backend. */
class ReducingStateTest extends KeyedStateBackendTestBase {

  private KeyedStateBackend<String> backend;
  private ReducingState<String> state;
  private InternalMergingState<Object> merging;

  private void openState(Backend kind) {
    backend = open(kind);
    // Concatenation shows the order of the arguments: reduce(earlier, later).
    state =
        backend.getOrCreateKeyedState(
            STRING_NAMESPACES,
            new ReducingStateDescriptor<>("concat", (a, b) -> a + "," + b, String.class));
    merging = merging(state);
    merging.setCurrentNamespace("w0");
  }

  @OnEveryBackend
  void getIsNullWhenNothingIsStored(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");

    assertThat(state.get()).isNull();
  }

  @OnEveryBackend
  void addReducesWithTheEarlierValueFirst(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add("1");
    state.add("2");
    state.add("3");
    backend.setCurrentKey("b");
    state.add("x");

    assertThat(state.get()).isEqualTo("x");
    backend.setCurrentKey("a");
    assertThat(state.get()).isEqualTo("1,2,3");
    assertThat(backend.numStateEntries()).isEqualTo(2);
  }

  @OnEveryBackend
  void clearRemovesTheEntry(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add("1");

    state.clear();

    assertThat(state.get()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void addingNullClearsAsInFlink(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add("1");

    state.add(null);

    assertThat(state.get()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void internalValueCanBeReadAndReplaced(Backend kind) throws Exception {
    openState(kind);
    @SuppressWarnings("unchecked") // reducing handles store their value type
    InternalAppendingState<String> internal = (InternalAppendingState<String>) state;
    backend.setCurrentKey("a");
    state.add("1");

    assertThat(internal.getInternal()).isEqualTo("1");
    internal.updateInternal("9");
    assertThat(state.get()).isEqualTo("9");
    internal.updateInternal(null);
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void mergeNamespacesReducesSourcesInOrderThenIntoTheTarget(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    merging.setCurrentNamespace("t");
    state.add("t");
    merging.setCurrentNamespace("s1");
    state.add("s1");
    merging.setCurrentNamespace("s2");
    state.add("s2");

    merging.mergeNamespaces("t", List.<Object>of("s1", "missing", "s2"));

    assertThat(state.get()).isNull();
    merging.setCurrentNamespace("t");
    assertThat(state.get()).isEqualTo("t,s1,s2");
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  @OnEveryBackend
  void mergeNamespacesWithTheTargetAmongTheSources(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    merging.setCurrentNamespace("s1");
    state.add("s1");
    merging.setCurrentNamespace("t");
    state.add("t");

    merging.mergeNamespaces("t", List.<Object>of("s1", "t"));

    assertThat(state.get()).isEqualTo("s1,t");
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }
}
