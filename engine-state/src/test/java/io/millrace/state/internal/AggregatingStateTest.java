package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.state.AggregatingState;
import io.millrace.state.AggregatingStateDescriptor;
import java.util.List;

/** {@link AggregatingState} on every backend. */
class AggregatingStateTest extends KeyedStateBackendTestBase {

  private KeyedStateBackend<String> backend;
  private AggregatingState<Long, Double> state;
  private InternalMergingState<Object> merging;

  private void openState(Backend kind) {
    backend = open(kind);
    state =
        backend.getOrCreateKeyedState(
            STRING_NAMESPACES, new AggregatingStateDescriptor<>("avg", new SnapshotFixture.Average(), long[].class));
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
  void addAggregatesPerKey(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add(1L);
    state.add(2L);
    backend.setCurrentKey("b");
    state.add(10L);

    assertThat(state.get()).isEqualTo(10.0);
    backend.setCurrentKey("a");
    assertThat(state.get()).isEqualTo(1.5);
  }

  @OnEveryBackend
  void clearAndAddingNullRemoveTheEntry(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add(1L);
    state.clear();
    assertThat(state.get()).isNull();
    state.add(1L);

    state.add(null);

    assertThat(state.get()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void mergeNamespacesMergesTheAccumulators(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    merging.setCurrentNamespace("t");
    state.add(1L);
    merging.setCurrentNamespace("s");
    state.add(2L);
    state.add(6L);

    merging.mergeNamespaces("t", List.<Object>of("s"));

    assertThat(state.get()).isNull();
    merging.setCurrentNamespace("t");
    assertThat(state.get()).isEqualTo(3.0);
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }
}
