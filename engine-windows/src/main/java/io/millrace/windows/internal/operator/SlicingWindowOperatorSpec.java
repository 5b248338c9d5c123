package io.millrace.windows.internal.operator;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.runtime.operators.FunctionInstances;
import io.millrace.runtime.operators.OperatorFactory;
import io.millrace.runtime.operators.StreamOperator;
import io.millrace.windows.internal.operator.WindowOperatorSpec.FunctionAdapter;

/**
 * Everything a {@link SlicingWindowOperator} is made of: aligned event-time windows of
 * {@code size} starting every {@code slide} at {@code offset + k * slide} (tumbling windows:
 * {@code slide == size}), their default event-time trigger, no evictor, and an incremental
 * function. Creates one operator per subtask, with its own copy of a rich window function.
 *
 * @param assigner the assigner the user gave (for its checks and its name in errors)
 * @param size window size in milliseconds
 * @param slide window slide in milliseconds ({@code size} for tumbling windows)
 * @param offset window offset in milliseconds
 * @param allowedLateness allowed lateness in milliseconds
 * @param lateDataTag where fully late elements go, or null to drop them
 * @param keySelector the stream's key selector
 * @param aggregator builds slice values and merges them into window values
 * @param userFunction the window function that needs the rich lifecycle (copied per subtask), or null
 * @param adapter builds the internal window function around the subtask's copy of {@code userFunction}
 * @param <K> key type
 * @param <IN> element type
 * @param <ACC> a slice's stored value
 * @param <V> what the window function receives
 * @param <OUT> output type
 */
public record SlicingWindowOperatorSpec<K, IN, ACC, V, OUT>(
    WindowAssigner<? super IN, TimeWindow> assigner,
    long size,
    long slide,
    long offset,
    long allowedLateness,
    OutputTag<IN> lateDataTag,
    KeySelector<IN, K> keySelector,
    SliceAggregator<IN, ACC, V> aggregator,
    Function userFunction,
    FunctionAdapter<V, OUT, K, TimeWindow> adapter) implements OperatorFactory<OUT> {
  private static final long serialVersionUID = 1L;

  /** Checks the window geometry: {@code 0 < slide <= size}, as the assigners guarantee. */
  public SlicingWindowOperatorSpec {
    if (slide <= 0 || size < slide) {
      throw new IllegalArgumentException("slicing needs 0 < slide <= size, got size " + size + " slide " + slide);
    }
  }

  /**
   * The slice length: {@code gcd(size, slide)}, the longest length whose aligned slices make up
   * every window exactly ({@code size} for tumbling windows, where the slice is the window).
   */
  public long sliceLength() {
    long a = size;
    long b = slide;
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  @Override
  public StreamOperator<OUT> create(int subtaskIndex, String operatorName) {
    Function instance = userFunction == null ? null : FunctionInstances.forSubtask(userFunction, subtaskIndex, operatorName);
    return new SlicingWindowOperator<>(this, instance, adapter.adapt(instance));
  }
}
