package io.millrace.state.internal.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.millrace.state.BroadcastState;
import io.millrace.state.MapStateDescriptor;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapOperatorStateBackendTest {

  private final HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
  private final MapStateDescriptor<String, Integer> rules =
      new MapStateDescriptor<>("rules", String.class, Integer.class);

  @Test
  void sameNameReturnsTheSameBroadcastState() throws Exception {
    BroadcastState<String, Integer> state = backend.getBroadcastState(rules);
    state.put("a", 1);

    BroadcastState<String, Integer> again =
        backend.getBroadcastState(new MapStateDescriptor<>("rules", String.class, Integer.class));

    assertThat(again).isSameAs(state);
    assertThat(again.get("a")).isEqualTo(1);
    assertThat(backend.getBroadcastState(new MapStateDescriptor<>("other", String.class, Integer.class)).contains("a"))
        .isFalse();
  }

  @Test
  void sameNameWithOtherTypesIsRejected() {
    backend.getBroadcastState(rules);

    assertThatThrownBy(
            () -> backend.getBroadcastState(new MapStateDescriptor<>("rules", String.class, Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broadcast state 'rules'")
        .hasMessageContaining("java.lang.Integer")
        .hasMessageContaining("java.lang.Long");
  }

  @Test
  void mapOperationsAndWritingIterators() throws Exception {
    BroadcastState<String, Integer> state = backend.getBroadcastState(rules);
    state.putAll(Map.of("a", 1, "b", 2, "c", 3));
    state.remove("c");
    state.entries().forEach(e -> e.setValue(e.getValue() * 10));

    assertThat(state.immutableEntries()).containsExactlyInAnyOrder(entry("a", 10), entry("b", 20));
    Iterator<Map.Entry<String, Integer>> iterator = state.iterator();
    iterator.next();
    iterator.remove();
    assertThat(state.immutableEntries()).hasSize(1);
  }

  @Test
  void immutableEntriesCannotBeChanged() throws Exception {
    BroadcastState<String, Integer> state = backend.getBroadcastState(rules);
    state.put("a", 1);

    Iterator<Map.Entry<String, Integer>> iterator = state.immutableEntries().iterator();
    Map.Entry<String, Integer> first = iterator.next();

    assertThatThrownBy(() -> first.setValue(2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThat(state.get("a")).isEqualTo(1);
  }

  @Test
  void closeReleasesTheStateAndMakesTheBackendUnusable() throws Exception {
    BroadcastState<String, Integer> state = backend.getBroadcastState(rules);
    state.put("a", 1);

    backend.close();

    assertThat(state.contains("a")).isFalse();
    assertThatThrownBy(() -> backend.getBroadcastState(rules))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
