package io.millrace.state;

import java.util.List;

/**
 * A list of values per key.
 *
 * <p>{@link #get()} returns an empty iterable (never {@code null}) when the current key has no
 * list. Elements must not be null: {@code add}, {@code addAll} and {@code update} throw a
 * {@link NullPointerException} for a null element.
 *
 * @param <T> the element type
 */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
  /** Replaces the list for the current key; an empty list clears it. */
  void update(List<T> values) throws Exception;

  /** Appends all {@code values} for the current key. */
  void addAll(List<T> values) throws Exception;
}
