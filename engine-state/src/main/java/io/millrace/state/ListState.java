package io.millrace.state;

import java.util.List;

/**
 * A list of values per key.
 *
 * @param <T> the element type
 */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
  /** Replaces the list for the current key; an empty list clears it. */
  void update(List<T> values) throws Exception;

  /** Appends all {@code values} for the current key. */
  void addAll(List<T> values) throws Exception;
}
