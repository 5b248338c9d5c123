package io.millrace.state.internal.heap;

import static io.millrace.state.internal.heap.HeapListStateTest.merging;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;
import io.millrace.state.internal.InternalMergingState;
import io.millrace.state.internal.KeyGroupRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapReducingStateTest {

  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, "test@0");
  // Concatenation shows the order of the arguments: reduce(earlier, later).
  private final ReducingState<String> state =
      backend.getOrCreateKeyedState(
          new ReducingStateDescriptor<>("concat", (a, b) -> a + "," + b, String.class));
  private final InternalMergingState<Object> merging = merging(state);

  @Test
  void getIsNullWhenNothingIsStored() throws Exception {
    backend.setCurrentKey("a");

    assertThat(state.get()).isNull();
  }

  @Test
  void addReducesWithTheEarlierValueFirst() throws Exception {
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

  @Test
  void clearRemovesTheEntry() throws Exception {
    backend.setCurrentKey("a");
    state.add("1");

    state.clear();

    assertThat(state.get()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void addingNullClearsAsInFlink() throws Exception {
    backend.setCurrentKey("a");
    state.add("1");

    state.add(null);

    assertThat(state.get()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void mergeNamespacesReducesSourcesInOrderThenIntoTheTarget() throws Exception {
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

  @Test
  void mergeNamespacesWithTheTargetAmongTheSources() throws Exception {
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
