package io.millrace.state.internal.heap;

import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.internal.snapshot.OperatorStateMetaInfo;
import io.millrace.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An operator list state (split or union, by {@link #distribution}): an {@link ArrayList} of
 * the subtask. {@link #get()} returns an empty iterable when the list is empty, else an
 * unmodifiable view; null elements are rejected with a {@link NullPointerException} before
 * anything changes.
 *
 * @param <S> the element type
 */
final class HeapOperatorListState<S> implements ListState<S> {

  final ListStateDescriptor<S> descriptor;
  final OperatorStateMetaInfo.Distribution distribution;
  final TypeSerializer<S> serializer;
  private final ArrayList<S> elements = new ArrayList<>();

  HeapOperatorListState(
      ListStateDescriptor<S> descriptor, OperatorStateMetaInfo.Distribution distribution,
      TypeSerializer<S> serializer) {
    this.descriptor = descriptor;
    this.distribution = distribution;
    this.serializer = serializer;
  }

  @Override
  public Iterable<S> get() {
    return elements.isEmpty() ? Collections.emptyList() : Collections.unmodifiableList(elements);
  }

  @Override
  public void add(S value) {
    elements.add(requireElement(value));
  }

  @Override
  public void update(List<S> values) {
    requireElements(values, "update");
    elements.clear();
    elements.addAll(values);
  }

  @Override
  public void addAll(List<S> values) {
    requireElements(values, "addAll");
    elements.addAll(values);
  }

  @Override
  public void clear() {
    elements.clear();
  }

  /** A copy for a snapshot: elements copied with the serializer unless they are immutable. */
  List<S> copy() {
    if (serializer.isImmutableType()) {
      return List.copyOf(elements);
    }
    List<S> copy = new ArrayList<>(elements.size());
    for (S element : elements) {
      copy.add(serializer.copy(element));
    }
    return copy;
  }

  private void requireElements(List<S> values, String method) {
    Objects.requireNonNull(
        values,
        () -> "the list passed to ListState." + method + " must not be null (operator state '"
            + descriptor.getName() + "'); pass an empty list instead");
    for (S value : values) {
      requireElement(value);
    }
  }

  private S requireElement(S value) {
    return Objects.requireNonNull(
        value, () -> "ListState elements must not be null (operator state '" + descriptor.getName() + "')");
  }

  @Override
  public String toString() {
    return elements.toString();
  }
}
