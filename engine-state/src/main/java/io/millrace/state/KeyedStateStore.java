package io.millrace.state;

/**
 * Where a function obtains keyed state: the runtime context, or a window function's per-window
 * and global state.
 */
public interface KeyedStateStore {
  /** A value state. */
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  /** A list state. */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  /** A map state. */
  <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

  /** A reducing state. */
  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  /** An aggregating state. */
  <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
