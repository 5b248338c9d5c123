package io.millrace.api.functions;

import io.millrace.state.AggregatingState;
import io.millrace.state.AggregatingStateDescriptor;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;

/**
 * What a rich function knows about the subtask running it, and its door to keyed state.
 *
 * <p>Keyed state ({@code getState} and friends) exists only for functions on a keyed stream
 * (after {@code keyBy}); the handle is scoped to the key of the element or timer being
 * processed. Obtain handles in {@code open} and keep them in fields.
 */
public interface RuntimeContext {
  /** The operator's readable name, e.g. {@code process@3 (ClickCounter)}. */
  String getTaskName();

  /** This subtask's index, from 0 to {@code getNumberOfParallelSubtasks() - 1}. */
  int getIndexOfThisSubtask();

  /** The operator's parallelism. */
  int getNumberOfParallelSubtasks();

  /** The operator's max parallelism: the number of key groups. */
  int getMaxNumberOfParallelSubtasks();

  /** A value state for the current key. */
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  /** A list state for the current key. */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  /** A map state for the current key. */
  <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

  /** A reducing state for the current key. */
  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  /** An aggregating state for the current key. */
  <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
