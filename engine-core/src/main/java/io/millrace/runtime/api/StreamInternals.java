package io.millrace.runtime.api;

import io.millrace.api.DataStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.KeySelector;
import io.millrace.runtime.graph.Transformation;
import io.millrace.runtime.graph.TwoInputTransformation;
import io.millrace.runtime.operators.OperatorFactory;

/**
 * How modules above core (windows, CEP) add operators to a job: the few doors into the stream
 * implementation they need, so they build on the same transformations as core's own operators.
 * Internal.
 */
public final class StreamInternals {
  private StreamInternals() {}

  /** The transformation producing {@code stream}. */
  public static <T> Transformation<T> transformation(DataStream<T> stream) {
    return impl(stream).transformation();
  }

  /**
   * Adds a one-input operator reading {@code input}; keyed (with keyed state and timers) when
   * {@code keySelector} is set, which needs {@code input} to be a keyed stream.
   */
  public static <IN, R> SingleOutputStreamOperator<R> addOneInputOperator(
      DataStream<IN> input, String kind, Function function, OperatorFactory<R> factory, KeySelector<IN, ?> keySelector) {
    return impl(input).addOperator(kind, function, factory, keySelector);
  }

  /** Adds a two-input operator reading {@code first} (input 1) and {@code second} (input 2). */
  public static <IN1, IN2, R> SingleOutputStreamOperator<R> addTwoInputOperator(
      DataStream<IN1> first, DataStream<IN2> second, String kind, Function function, OperatorFactory<R> factory,
      boolean keyed) {
    DataStreamImpl<IN1> left = impl(first);
    DataStreamImpl<IN2> right = left.of(second);
    left.env.checkNotExecuted(left.transformation(), kind);
    left.env.checkNotExecuted(right.transformation(), kind);
    TwoInputTransformation<IN1, IN2, R> operator = new TwoInputTransformation<>(
        left.env.nextId(), kind, FunctionNames.describe(function), left.env.generation(),
        left.transformation(), right.transformation(), factory, keyed);
    return new SingleOutputStreamOperatorImpl<>(left.env, operator);
  }

  /**
   * Marks the operator producing {@code stream} as working in event time: building the job
   * warns when no watermarks reach it.
   */
  public static void setNeedsWatermarks(DataStream<?> stream) {
    impl(stream).transformation().setNeedsWatermarks();
  }

  /** Sets the parallelism of the operator producing {@code stream} (windowAll runs at 1). */
  public static void setParallelism(DataStream<?> stream, int parallelism) {
    impl(stream).transformation().setParallelism(parallelism);
  }

  private static <T> DataStreamImpl<T> impl(DataStream<T> stream) {
    if (!(stream instanceof DataStreamImpl<T> impl)) {
      throw new IllegalArgumentException("not a stream of this engine: " + stream);
    }
    return impl;
  }
}
