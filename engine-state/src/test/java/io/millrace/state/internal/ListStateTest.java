package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** {@link ListState} on every backend. */
class ListStateTest extends KeyedStateBackendTestBase {

  private KeyedStateBackend<String> backend;
  private ListState<Integer> state;
  private InternalMergingState<Object> merging;

  private void openState(Backend kind) {
    backend = open(kind);
    state =
        backend.getOrCreateKeyedState(STRING_NAMESPACES, new ListStateDescriptor<>("list", Integer.class));
    merging = merging(state);
    merging.setCurrentNamespace("w0");
  }

  @OnEveryBackend
  void getReturnsAnEmptyIterableWhenNothingIsStored(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");

    assertThat(state.get()).isNotNull().isEmpty();
  }

  @OnEveryBackend
  void addAppendsInOrderPerKey(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add(1);
    state.add(2);
    backend.setCurrentKey("b");
    state.add(3);

    assertThat(state.get()).containsExactly(3);
    backend.setCurrentKey("a");
    assertThat(state.get()).containsExactly(1, 2);
  }

  @OnEveryBackend
  void addAllAppendsAndUpdateReplaces(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.addAll(List.of(1, 2));
    state.addAll(List.of(3));
    state.addAll(List.of());
    state.add(4);
    assertThat(state.get()).containsExactly(1, 2, 3, 4);

    state.update(List.of(7, 8));
    assertThat(state.get()).containsExactly(7, 8);
    state.add(9);
    assertThat(state.get()).containsExactly(7, 8, 9);
  }

  @OnEveryBackend
  void addAllToAnEmptyListStoresTheElements(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");

    state.addAll(List.of(5, 6));

    assertThat(state.get()).containsExactly(5, 6);
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  @OnEveryBackend
  void updateCopiesTheGivenList(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    List<Integer> values = new ArrayList<>(List.of(1, 2));
    state.update(values);

    values.add(3);

    assertThat(state.get()).containsExactly(1, 2);
  }

  @OnEveryBackend
  void getReturnsAListThatCannotBeModified(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add(1);
    Iterator<Integer> iterator = state.get().iterator();
    iterator.next();

    assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class);
  }

  @OnEveryBackend
  void updateWithAnEmptyListClears(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add(1);

    state.update(List.of());

    assertThat(state.get()).isEmpty();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void clearRemovesTheEntry(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add(1);

    state.clear();

    assertThat(state.get()).isEmpty();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void addingNullIsRejectedNamingTheState(Backend kind) {
    openState(kind);
    backend.setCurrentKey("a");

    assertThatThrownBy(() -> state.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("must not be null")
        .hasMessageContaining("'list'");
    assertThatThrownBy(() -> state.addAll(Arrays.asList(1, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'list'");
    assertThatThrownBy(() -> state.addAll(null)).isInstanceOf(NullPointerException.class);
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void updateWithANullElementChangesNothing(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    state.add(1);

    assertThatThrownBy(() -> state.update(Arrays.asList(5, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'list'");
    assertThatThrownBy(() -> state.update(null)).isInstanceOf(NullPointerException.class);
    assertThat(state.get()).containsExactly(1);
  }

  @OnEveryBackend
  void mergeNamespacesAppendsTheSourcesToTheTargetAndClearsThem(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    merging.setCurrentNamespace("w1");
    state.add(1);
    merging.setCurrentNamespace("w2");
    state.add(2);
    merging.setCurrentNamespace("w3");
    state.add(3);
    state.add(4);

    merging.mergeNamespaces("w1", List.<Object>of("w2", "w3", "empty"));

    merging.setCurrentNamespace("w1");
    assertThat(state.get()).containsExactly(1, 2, 3, 4);
    merging.setCurrentNamespace("w2");
    assertThat(state.get()).isEmpty();
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  @OnEveryBackend
  void mergeNamespacesIntoATargetThatIsAlsoASource(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    merging.setCurrentNamespace("w1");
    state.add(1);
    merging.setCurrentNamespace("w2");
    state.add(2);

    merging.mergeNamespaces("w2", List.<Object>of("w1", "w2"));

    assertThat(state.get()).containsExactly(1, 2);
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  @OnEveryBackend
  void mergeNamespacesIntoANewTargetLeavesOtherKeysAlone(Backend kind) throws Exception {
    openState(kind);
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

  @OnEveryBackend
  void mergeNamespacesKeepsTheCurrentNamespace(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");
    merging.setCurrentNamespace("w1");
    state.add(1);
    merging.setCurrentNamespace("w2");
    state.add(2);

    merging.mergeNamespaces("w3", List.<Object>of("w1"));

    assertThat(state.get()).as("still in w2").containsExactly(2);
  }

  @OnEveryBackend
  void mergeNamespacesWithoutSourceValuesLeavesTheTargetUnchanged(Backend kind) throws Exception {
    openState(kind);
    backend.setCurrentKey("a");

    merging.mergeNamespaces("target", List.<Object>of("x", "y"));

    assertThat(backend.numStateEntries()).isZero();
  }
}
