package io.millrace.state.internal.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.internal.InternalMergingState;
import io.millrace.state.internal.KeyGroupRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapListStateTest {

  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, "test@0");
  private final ListState<Integer> state =
      backend.getOrCreateKeyedState(new ListStateDescriptor<>("list", Integer.class));
  private final InternalMergingState<Object> merging = merging(state);

  @Test
  void getReturnsAnEmptyIterableWhenNothingIsStored() throws Exception {
    backend.setCurrentKey("a");

    assertThat(state.get()).isNotNull().isEmpty();
  }

  @Test
  void addAppendsInOrderPerKey() throws Exception {
    backend.setCurrentKey("a");
    state.add(1);
    state.add(2);
    backend.setCurrentKey("b");
    state.add(3);

    assertThat(state.get()).containsExactly(3);
    backend.setCurrentKey("a");
    assertThat(state.get()).containsExactly(1, 2);
  }

  @Test
  void addAllAppendsAndUpdateReplaces() throws Exception {
    backend.setCurrentKey("a");
    state.addAll(List.of(1, 2));
    state.addAll(List.of(3));
    state.addAll(List.of());
    assertThat(state.get()).containsExactly(1, 2, 3);

    state.update(List.of(7, 8));
    assertThat(state.get()).containsExactly(7, 8);
  }

  @Test
  void updateCopiesTheGivenList() throws Exception {
    backend.setCurrentKey("a");
    List<Integer> values = new ArrayList<>(List.of(1, 2));
    state.update(values);

    values.add(3);

    assertThat(state.get()).containsExactly(1, 2);
  }

  @Test
  void getReturnsAViewThatCannotBeModified() throws Exception {
    backend.setCurrentKey("a");
    state.add(1);
    Iterator<Integer> iterator = state.get().iterator();
    iterator.next();

    assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void updateWithAnEmptyListClears() throws Exception {
    backend.setCurrentKey("a");
    state.add(1);

    state.update(List.of());

    assertThat(state.get()).isEmpty();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void clearRemovesTheEntry() throws Exception {
    backend.setCurrentKey("a");
    state.add(1);

    state.clear();

    assertThat(state.get()).isEmpty();
    assertThat(backend.numStateEntries()).isZero();
  }

  @Test
  void addingNullIsRejectedNamingTheState() {
    backend.setCurrentKey("a");

    assertThatThrownBy(() -> state.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("must not be null")
        .hasMessageContaining("'list'");
    assertThatThrownBy(() -> state.addAll(Arrays.asList(1, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'list'");
    assertThatThrownBy(() -> state.addAll(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void updateWithANullElementChangesNothing() throws Exception {
    backend.setCurrentKey("a");
    state.add(1);

    assertThatThrownBy(() -> state.update(Arrays.asList(5, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'list'");
    assertThatThrownBy(() -> state.update(null)).isInstanceOf(NullPointerException.class);
    assertThat(state.get()).containsExactly(1);
  }

  @Test
  void mergeNamespacesAppendsTheSourcesToTheTargetAndClearsThem() throws Exception {
    backend.setCurrentKey("a");
    merging.setCurrentNamespace("w1");
    state.add(1);
    merging.setCurrentNamespace("w2");
    state.add(2);
    merging.setCurrentNamespace("w3");
    state.add(3);

    merging.mergeNamespaces("w1", List.<Object>of("w2", "w3", "empty"));

    merging.setCurrentNamespace("w1");
    assertThat(state.get()).containsExactly(1, 2, 3);
    merging.setCurrentNamespace("w2");
    assertThat(state.get()).isEmpty();
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  @Test
  void mergeNamespacesIntoATargetThatIsAlsoASource() throws Exception {
    backend.setCurrentKey("a");
    merging.setCurrentNamespace("w1");
    state.add(1);
    merging.setCurrentNamespace("w2");
    state.add(2);

    merging.mergeNamespaces("w2", List.<Object>of("w1", "w2"));

    assertThat(state.get()).containsExactly(1, 2);
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  @Test
  void mergeNamespacesIntoANewTargetLeavesOtherKeysAlone() throws Exception {
    backend.setCurrentKey("b");
    merging.setCurrentNamespace("w1");
    state.add(100);
    backend.setCurrentKey("a");
    state.add(1);

    merging.mergeNamespaces("merged", List.<Object>of("w1"));

    merging.setCurrentNamespace("merged");
    assertThat(state.get()).containsExactly(1);
    backend.setCurrentKey("b");
    merging.setCurrentNamespace("w1");
    assertThat(state.get()).containsExactly(100);
  }

  @Test
  void mergeNamespacesWithoutSourceValuesLeavesTheTargetUnchanged() throws Exception {
    backend.setCurrentKey("a");

    merging.mergeNamespaces("target", List.<Object>of("x", "y"));

    assertThat(backend.numStateEntries()).isZero();
  }

  @SuppressWarnings("unchecked") // list state handles implement InternalMergingState<Object>
  static InternalMergingState<Object> merging(Object handle) {
    return (InternalMergingState<Object>) handle;
  }
}
