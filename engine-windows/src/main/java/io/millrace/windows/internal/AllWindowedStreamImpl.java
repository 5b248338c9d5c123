package io.millrace.windows.internal;

import io.millrace.api.DataStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.windowing.AllWindowFunction;
import io.millrace.api.windowing.AllWindowedStream;
import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.ProcessAllWindowFunction;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.runtime.aggregation.FieldAggregations;
import io.millrace.runtime.api.StreamInternals;
import java.time.Duration;
import java.util.Objects;

/**
 * The implementation of {@link AllWindowedStream}: the keyed window operator over the stream keyed
 * by a constant, at parallelism 1 (every element meets in one subtask), as Flink's {@code windowAll}.
 *
 * @param <T> element type
 * @param <W> window type
 */
final class AllWindowedStreamImpl<T, W extends Window> implements AllWindowedStream<T, W> {
  private final WindowedStreamImpl<T, Byte, W> windowed;

  AllWindowedStreamImpl(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
    Objects.requireNonNull(input, "input stream must not be null");
    this.windowed = new WindowedStreamImpl<>(input.keyBy(new ConstantKeySelector<>()), assigner);
  }

  @Override
  public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
    windowed.trigger(trigger);
    return this;
  }

  @Override
  public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
    windowed.evictor(evictor);
    return this;
  }

  @Override
  public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
    windowed.allowedLateness(lateness);
    return this;
  }

  @Override
  public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
    windowed.sideOutputLateData(outputTag);
    return this;
  }

  @Override
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
    return single(windowed.reduce(function));
  }

  @Override
  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessAllWindowFunction<T, R, W> windowFunction) {
    Objects.requireNonNull(windowFunction, "window function must not be null for reduce(...)");
    requireFunction(reduceFunction, "reduce");
    return single(windowed.reduceWith(reduceFunction, windowFunction, WindowedStreamImpl.processAll()));
  }

  @Override
  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> windowFunction) {
    Objects.requireNonNull(windowFunction, "window function must not be null for reduce(...)");
    requireFunction(reduceFunction, "reduce");
    return single(windowed.reduceWith(reduceFunction, windowFunction, WindowedStreamImpl.applyAll()));
  }

  @Override
  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
    return single(windowed.aggregate(function));
  }

  @Override
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregateFunction, ProcessAllWindowFunction<V, R, W> windowFunction) {
    Objects.requireNonNull(windowFunction, "window function must not be null for aggregate(...)");
    requireFunction(aggregateFunction, "aggregate");
    return single(windowed.aggregateWith(aggregateFunction, windowFunction, WindowedStreamImpl.processAll()));
  }

  @Override
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregateFunction, AllWindowFunction<V, R, W> windowFunction) {
    Objects.requireNonNull(windowFunction, "window function must not be null for aggregate(...)");
    requireFunction(aggregateFunction, "aggregate");
    return single(windowed.aggregateWith(aggregateFunction, windowFunction, WindowedStreamImpl.applyAll()));
  }

  @Override
  public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
    Objects.requireNonNull(function, "process window function must not be null for process(...)");
    return single(windowed.iterableWith(function, WindowedStreamImpl.processAll()));
  }

  @Override
  public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
    Objects.requireNonNull(function, "window function must not be null for apply(...)");
    return single(windowed.iterableWith(function, WindowedStreamImpl.applyAll()));
  }

  @Override
  public SingleOutputStreamOperator<T> sum(String field) {
    return reduce(FieldAggregations.sum(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> sum(int position) {
    return reduce(FieldAggregations.sum(null, position));
  }

  @Override
  public SingleOutputStreamOperator<T> min(String field) {
    return reduce(FieldAggregations.min(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> min(int position) {
    return reduce(FieldAggregations.min(null, position));
  }

  @Override
  public SingleOutputStreamOperator<T> max(String field) {
    return reduce(FieldAggregations.max(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> max(int position) {
    return reduce(FieldAggregations.max(null, position));
  }

  @Override
  public SingleOutputStreamOperator<T> minBy(String field) {
    return reduce(FieldAggregations.minBy(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> minBy(int position) {
    return reduce(FieldAggregations.minBy(null, position));
  }

  @Override
  public SingleOutputStreamOperator<T> maxBy(String field) {
    return reduce(FieldAggregations.maxBy(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> maxBy(int position) {
    return reduce(FieldAggregations.maxBy(null, position));
  }

  private static <R> SingleOutputStreamOperator<R> single(SingleOutputStreamOperator<R> operator) {
    StreamInternals.setParallelism(operator, 1);
    return operator;
  }

  private static void requireFunction(Function function, String operation) {
    WindowedStreamImpl.requireNotRich(function, operation);
  }
}
