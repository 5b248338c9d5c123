package io.millrace.cep.internal.operator;

import io.millrace.api.functions.RuntimeContext;
import io.millrace.runtime.operators.OperatorContext;
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
 * The runtime context of rich conditions: the subtask's identity, but no keyed state — as in
 * Flink, a condition is evaluated for many partial matches and must not keep state of its own.
 */
final class CepRuntimeContext implements RuntimeContext {
  private final OperatorContext context;

  CepRuntimeContext(OperatorContext context) {
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
    throw noState(descriptor.getName());
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    throw noState(descriptor.getName());
  }

  @Override
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    throw noState(descriptor.getName());
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    throw noState(descriptor.getName());
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    throw noState(descriptor.getName());
  }

  private UnsupportedOperationException noState(String name) {
    return new UnsupportedOperationException("a CEP condition cannot use keyed state (asked for \"" + name + "\" in "
        + context.operatorName() + "): conditions see the partial match through IterativeCondition.Context;"
        + " keep state in the PatternProcessFunction instead");
  }
}
