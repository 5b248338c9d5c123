package io.millrace.api.windowing;

import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.ReduceFunction;
import java.time.Duration;

/**
 * A keyed stream cut into windows: configure the trigger, evictor and lateness, then apply a
 * window function.
 *
 * <pre>{@code
 * clicks.keyBy(Click::page)
 *     .window(TumblingEventTimeWindows.of(Time.minutes(1)))
 *     .allowedLateness(Time.minutes(1))
 *     .aggregate(new CountClicks());
 * }</pre>
 *
 * <p>Results carry the window's {@code maxTimestamp()} as their timestamp. Incremental functions
 * ({@code reduce}, {@code aggregate}) keep one value per window; {@code process}/{@code apply}
 * keep every element.
 *
 * @param <T> element type
 * @param <K> key type
 * @param <W> window type
 */
public interface WindowedStream<T, K, W extends Window> {

  /** Replaces the assigner's default trigger. */
  WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger);

  /** Removes elements before/after evaluation (the window then keeps every element). */
  WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor);

  /**
   * Keeps windows for {@code lateness} after the watermark passed their end: a late element in
   * that time is added and fires the window again with the updated result. Event time only.
   */
  WindowedStream<T, K, W> allowedLateness(Duration lateness);

  /** Sends elements too late for every window they belong to to the side output {@code outputTag}. */
  WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag);

  /** Combines each window's elements with {@code function}. */
  SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function);

  /** Combines incrementally, then evaluates the result with {@code windowFunction}. */
  <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> windowFunction);

  /** Combines incrementally, then evaluates the result with {@code windowFunction}. */
  <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> windowFunction);

  /** Aggregates each window's elements with {@code function}. */
  <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function);

  /** Aggregates incrementally, then evaluates the result with {@code windowFunction}. */
  <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregateFunction, ProcessWindowFunction<V, R, K, W> windowFunction);

  /** Aggregates incrementally, then evaluates the result with {@code windowFunction}. */
  <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregateFunction, WindowFunction<V, R, K, W> windowFunction);

  /** Evaluates each window with all its elements. */
  <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function);

  /** Evaluates each window with all its elements. */
  <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function);

  /** Sums the numeric field {@code field} (public field or getter); other fields from the first element. */
  SingleOutputStreamOperator<T> sum(String field);

  /** Sums the numeric field at {@code position} (arrays, lists, records' components). */
  SingleOutputStreamOperator<T> sum(int position);

  /** The minimum of the field; other fields from the first element. */
  SingleOutputStreamOperator<T> min(String field);

  /** The minimum of the field at {@code position}. */
  SingleOutputStreamOperator<T> min(int position);

  /** The maximum of the field; other fields from the first element. */
  SingleOutputStreamOperator<T> max(String field);

  /** The maximum of the field at {@code position}. */
  SingleOutputStreamOperator<T> max(int position);

  /** The element with the minimum of the field (the first such element). */
  SingleOutputStreamOperator<T> minBy(String field);

  /** The element with the minimum of the field at {@code position}. */
  SingleOutputStreamOperator<T> minBy(int position);

  /** The element with the maximum of the field (the first such element). */
  SingleOutputStreamOperator<T> maxBy(String field);

  /** The element with the maximum of the field at {@code position}. */
  SingleOutputStreamOperator<T> maxBy(int position);
}
