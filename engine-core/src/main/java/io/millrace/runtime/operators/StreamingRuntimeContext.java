package io.millrace.runtime.operators;

import io.millrace.state.KeyedStateStore;
import io.millrace.api.functions.RuntimeContext;
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

/** The {@link RuntimeContext} of one operator subtask, backed by its keyed state backend. */
final class StreamingRuntimeContext implements RuntimeContext, KeyedStateStore {
  private final OperatorContext context;

  StreamingRuntimeContext(OperatorContext context) {
    this.context = context;
  }

  @Override
  public String getTaskName() {
    return context.operatorName();
  }

  @Override
  public int getIndexOfThisSubtask() {
    return context.subtaskIndex();
  }

  @Override
  public int getNumberOfParallelSubtasks() {
    return context.parallelism();
  }

  @Override
  public int getMaxNumberOfParallelSubtasks() {
    return context.maxParallelism();
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return context.keyedBackend().getOrCreateKeyedState(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return context.keyedBackend().getOrCreateKeyedState(descriptor);
  }

  @Override
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    return context.keyedBackend().getOrCreateKeyedState(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return context.keyedBackend().getOrCreateKeyedState(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return context.keyedBackend().getOrCreateKeyedState(descriptor);
  }
}
