package io.millrace.runtime.api;

import io.millrace.api.ConnectedStreams;
import io.millrace.api.IntervalJoin;
import io.millrace.api.KeyedStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.windowing.GlobalWindow;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.WindowedStream;
import io.millrace.runtime.aggregation.FieldAggregations;
import io.millrace.runtime.graph.PartitionTransformation;
import io.millrace.runtime.operators.KeyedProcessOperator;
import io.millrace.runtime.operators.StreamGroupedReduce;
import java.util.Objects;

/** The implementation of {@link KeyedStream}. */
final class KeyedStreamImpl<T, K> extends DataStreamImpl<T> implements KeyedStream<T, K> {
  private final KeySelector<T, K> keySelector;

  KeyedStreamImpl(LocalStreamEnvironment env, PartitionTransformation<T> partition, KeySelector<T, K> keySelector) {
    super(env, partition);
    this.keySelector = keySelector;
  }

  @Override
  public KeySelector<T, K> getKeySelector() {
    return keySelector;
  }

  @Override
  public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
    Objects.requireNonNull(function, "process function must not be null");
    return addOperator("process", function,
        (subtask, name) -> new KeyedProcessOperator<>(instance(function, subtask, name), keySelector), keySelector);
  }

  @Override
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    Objects.requireNonNull(reducer, "reduce function must not be null");
    return addOperator("reduce", reducer,
        (subtask, name) -> new StreamGroupedReduce<>(instance(reducer, subtask, name), keySelector), keySelector);
  }

  @Override
  public SingleOutputStreamOperator<T> sum(String field) {
    return aggregate("sum", FieldAggregations.sum(elementType(), field));
  }

  @Override
  public SingleOutputStreamOperator<T> sum(int position) {
    return aggregate("sum", FieldAggregations.sum(elementType(), position));
  }

  @Override
  public SingleOutputStreamOperator<T> min(String field) {
    return aggregate("min", FieldAggregations.min(elementType(), field));
  }

  @Override
  public SingleOutputStreamOperator<T> min(int position) {
    return aggregate("min", FieldAggregations.min(elementType(), position));
  }

  @Override
  public SingleOutputStreamOperator<T> max(String field) {
    return aggregate("max", FieldAggregations.max(elementType(), field));
  }

  @Override
  public SingleOutputStreamOperator<T> max(int position) {
    return aggregate("max", FieldAggregations.max(elementType(), position));
  }

  @Override
  public SingleOutputStreamOperator<T> minBy(String field) {
    return aggregate("minBy", FieldAggregations.minBy(elementType(), field));
  }

  @Override
  public SingleOutputStreamOperator<T> minBy(int position) {
    return aggregate("minBy", FieldAggregations.minBy(elementType(), position));
  }

  @Override
  public SingleOutputStreamOperator<T> maxBy(String field) {
    return aggregate("maxBy", FieldAggregations.maxBy(elementType(), field));
  }

  @Override
  public SingleOutputStreamOperator<T> maxBy(int position) {
    return aggregate("maxBy", FieldAggregations.maxBy(elementType(), position));
  }

  /** A rolling field aggregation: a reduce named after the aggregation. */
  private SingleOutputStreamOperator<T> aggregate(String kind, ReduceFunction<T> reducer) {
    return addOperator(kind, reducer,
        (subtask, name) -> new StreamGroupedReduce<>(instance(reducer, subtask, name), keySelector), keySelector);
  }

  /** The element type if known at build time ({@code returns(Class)} before {@code keyBy}), else null. */
  @SuppressWarnings("unchecked")
  private Class<T> elementType() {
    Class<T> type = transformation.outputType();
    if (type == null && !transformation.inputs().isEmpty()) {
      type = (Class<T>) transformation.inputs().get(0).outputType();
    }
    return type;
  }

  @Override
  public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
    Objects.requireNonNull(assigner, "window assigner must not be null");
    return WindowingProvider.get().window(this, assigner);
  }

  @Override
  public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
    return countWindow(size, size);
  }

  @Override
  public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
    if (size <= 0) {
      throw new IllegalArgumentException("count window size must be positive, got " + size + " for countWindow(...)");
    }
    if (slide <= 0 || slide > size) {
      throw new IllegalArgumentException(
          "count window slide must be positive and at most the size " + size + ", got " + slide + " for countWindow(size, slide)");
    }
    return WindowingProvider.get().countWindow(this, size, slide);
  }

  @Override
  public <T2> IntervalJoin<T, T2, K> intervalJoin(KeyedStream<T2, K> other) {
    return WindowingProvider.get().intervalJoin(this, (KeyedStream<T2, K>) of(other));
  }

  @Override
  public <R> ConnectedStreams<T, R> connect(KeyedStream<R, K> other) {
    return new ConnectedStreamsImpl<>(env, this, of(other));
  }
}
