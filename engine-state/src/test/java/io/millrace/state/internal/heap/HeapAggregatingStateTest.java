package io.millrace.state.internal.heap;

import static io.millrace.state.internal.heap.HeapListStateTest.merging;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.state.AggregatingState;
import io.millrace.state.AggregatingStateDescriptor;
import io.millrace.state.internal.InternalMergingState;
import io.millrace.state.internal.KeyGroupRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapAggregatingStateTest {

  /** Average of longs; the accumulator is {sum, count}. */
  private static final class Average implements AggregateFunction<Long, long[], Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] accumulator) {
      accumulator[0] += value;
      accumulator[1]++;
      return accumulator;
    }

    @Override
    public Double getResult(long[] accumulator) {
      return (double) accumulator[0] / accumulator[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }

  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, "test@0");
  private final AggregatingState<Long, Double> state =
      backend.getOrCreateKeyedState(
          new AggregatingStateDescriptor<>("avg", new Average(), long[].class));
  private final InternalMergingState<Object> merging = merging(state);

  @Test
  void getIsNullWhenNothingIsStored() throws Exception {
    backend.setCurrentKey("a");

    assertThat(state.get()).isNull();
  }

  @Test
  void addAggregatesPerKey() throws Exception {
    backend.setCurrentKey("a");
    state.add(1L);
    state.add(2L);
    backend.setCurrentKey("b");
    state.add(10L);

    assertThat(state.get()).isEqualTo(10.0);
    backend.setCurrentKey("a");
    assertThat(state.get()).isEqualTo(1.5);
  }

  @Test
  void clearAndAddingNullRemoveTheEntry() throws Exception {
    backend.setCurrentKey("a");
    state.add(1L);
    state.clear();
    assertThat(state.get()).isNull();
    state.add(1L);

    state.add(null);

    assertThat(state.get()).isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void mergeNamespacesMergesTheAccumulators() throws Exception {
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
