package io.millrace.state.internal.heap;

import io.millrace.state.ListState;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Heap {@link ListState}: stores an {@link ArrayList} per (key, namespace).
 *
 * <p>As in Apache Flink 2.x's user-facing list state: {@link #get()} returns an empty iterable
 * (never {@code null}) when nothing is stored, and otherwise an unmodifiable view of the stored
 * list (adding while iterating fails with {@code ConcurrentModificationException}). Null
 * elements are rejected with a {@link NullPointerException}; {@code update} validates every
 * element before changing anything; {@code update} with an empty list clears.
 *
 * @param <K> the key type
 * @param <T> the element type
 */
final class HeapListState<K, T> extends AbstractHeapMergingState<K, ArrayList<T>>
    implements ListState<T> {

  HeapListState(HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor) {
    super(backend, descriptor);
  }

  @Override
  public Iterable<T> get() {
    ArrayList<T> list = getCurrent();
    return list == null ? Collections.emptyList() : Collections.unmodifiableList(list);
  }

  @Override
  public void add(T value) {
    requireElement(value);
    ArrayList<T> list = getCurrent();
    if (list == null) {
      list = new ArrayList<>();
      putCurrent(list);
    }
    list.add(value);
  }

  @Override
  public void update(List<T> values) {
    requireElements(values, "update");
    if (values.isEmpty()) {
      clear();
    } else {
      putCurrent(new ArrayList<>(values));
    }
  }

  @Override
  public void addAll(List<T> values) {
    requireElements(values, "addAll");
    if (values.isEmpty()) {
      return;
    }
    ArrayList<T> list = getCurrent();
    if (list == null) {
      putCurrent(new ArrayList<>(values));
    } else {
      list.addAll(values);
    }
  }

  @Override
  ArrayList<T> merge(ArrayList<T> a, ArrayList<T> b) {
    a.addAll(b);
    return a;
  }

  private void requireElements(List<T> values, String method) {
    if (values == null) {
      throw new NullPointerException(
          "the list passed to ListState." + method + " must not be null (state '"
              + descriptor.getName() + "'); pass an empty list instead");
    }
    for (T value : values) {
      requireElement(value);
    }
  }

  private void requireElement(T value) {
    if (value == null) {
      throw new NullPointerException(
          "ListState elements must not be null (state '" + descriptor.getName() + "')");
    }
  }

  /** A new list with the same elements, each copied unless elements are immutable. */
  @Override
  UnaryOperator<ArrayList<T>> copier(TypeSerializer<Object> elementSerializer) {
    TypeSerializer<T> elements = cast(elementSerializer);
    boolean immutable = elements.isImmutableType();
    return list -> {
      ArrayList<T> copy = new ArrayList<>(list.size());
      for (T element : list) {
        copy.add(immutable ? element : elements.copy(element));
      }
      return copy;
    };
  }
}
