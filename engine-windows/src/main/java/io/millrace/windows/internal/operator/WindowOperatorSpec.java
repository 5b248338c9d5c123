package io.millrace.windows.internal.operator;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.runtime.operators.FunctionInstances;
import io.millrace.runtime.operators.OperatorFactory;
import io.millrace.runtime.operators.StreamOperator;
import io.millrace.state.AppendingState;
import io.millrace.state.StateDescriptor;
import java.io.Serializable;

/**
 * Everything a window operator is made of, as the windowed stream recorded it; creates one
 * {@link WindowOperator} per subtask, with its own copy of a rich user function.
 *
 * @param assigner the window assigner
 * @param trigger the trigger (the assigner's default unless the user set one)
 * @param evictor the evictor, or null
 * @param allowedLateness allowed lateness in milliseconds (event time only)
 * @param lateDataTag where fully late elements go, or null to drop them
 * @param keySelector the stream's key selector
 * @param contents the state holding a window's contents: a list of elements (or of timestamped
 *     elements when there is an evictor), a reducing or an aggregating state
 * @param userFunction the user function that needs the rich lifecycle (copied per subtask)
 * @param adapter builds the internal window function around the subtask's copy of {@code userFunction}
 * @param <K> key type
 * @param <IN> element type
 * @param <S> the contents state's stored value type, as {@code get()} returns it
 * @param <V> what the window function receives (the contents, or the elements of an evicting window)
 * @param <OUT> output type
 * @param <W> window type
 */
public record WindowOperatorSpec<K, IN, S, V, OUT, W extends Window>(
    WindowAssigner<? super IN, W> assigner,
    Trigger<? super IN, ? super W> trigger,
    Evictor<? super IN, ? super W> evictor,
    long allowedLateness,
    OutputTag<IN> lateDataTag,
    KeySelector<IN, K> keySelector,
    StateDescriptor<? extends AppendingState<?, S>, ?> contents,
    Function userFunction,
    FunctionAdapter<V, OUT, K, W> adapter) implements OperatorFactory<OUT> {
  private static final long serialVersionUID = 1L;

  /** Builds the internal window function around one subtask's instance of the user function. */
  @FunctionalInterface
  public interface FunctionAdapter<V, OUT, K, W extends Window> extends Serializable {
    InternalWindowFunction<V, OUT, K, W> adapt(Function userFunction);
  }

  @Override
  public StreamOperator<OUT> create(int subtaskIndex, String operatorName) {
    Function instance = userFunction == null ? null : FunctionInstances.forSubtask(userFunction, subtaskIndex, operatorName);
    return new WindowOperator<>(this, instance, adapter.adapt(instance));
  }
}
