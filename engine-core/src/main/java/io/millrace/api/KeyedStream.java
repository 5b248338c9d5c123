package io.millrace.api;

import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.windowing.GlobalWindow;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.WindowedStream;

/**
 * A stream partitioned by key: operators applied to it see the elements of each key on one
 * parallel instance and may keep keyed state and timers.
 *
 * <pre>{@code
 * clicks.keyBy(Click::userId).process(new ClickCounter());
 * }</pre>
 *
 * @param <T> element type
 * @param <K> key type
 */
public interface KeyedStream<T, K> extends DataStream<T> {

  /** The key selector this stream was keyed with. */
  KeySelector<T, K> getKeySelector();

  /** Applies a {@link KeyedProcessFunction}: keyed state, timers and side outputs. */
  <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function);

  /**
   * A rolling reduce: for each element, combines it with the key's previous result and emits
   * the new result.
   */
  SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer);

  /**
   * A rolling sum of the numeric field {@code field} (a record component, a public field, or a
   * getter {@code getX()}/{@code isX()}): for each element, emits the key's first element with
   * the field replaced by the sum so far. A missing or non-numeric field fails when the job is
   * built if the element type is known ({@code returns(Class)}), else at the first element.
   *
   * <pre>{@code
   * clicks.keyBy(Click::page).sum("count");
   * }</pre>
   */
  SingleOutputStreamOperator<T> sum(String field);

  /** A rolling sum of the field at {@code position} (array index, list index, record component index). */
  SingleOutputStreamOperator<T> sum(int position);

  /** A rolling minimum of the field; the other fields are the key's first element's. */
  SingleOutputStreamOperator<T> min(String field);

  /** A rolling minimum of the field at {@code position}; the other fields are the key's first element's. */
  SingleOutputStreamOperator<T> min(int position);

  /** A rolling maximum of the field; the other fields are the key's first element's. */
  SingleOutputStreamOperator<T> max(String field);

  /** A rolling maximum of the field at {@code position}; the other fields are the key's first element's. */
  SingleOutputStreamOperator<T> max(int position);

  /** For each element, the key's element with the smallest value of the field so far (the earliest on ties). */
  SingleOutputStreamOperator<T> minBy(String field);

  /** For each element, the key's element with the smallest value at {@code position} so far (the earliest on ties). */
  SingleOutputStreamOperator<T> minBy(int position);

  /** For each element, the key's element with the largest value of the field so far (the earliest on ties). */
  SingleOutputStreamOperator<T> maxBy(String field);

  /** For each element, the key's element with the largest value at {@code position} so far (the earliest on ties). */
  SingleOutputStreamOperator<T> maxBy(int position);

  /** Cuts each key's elements into windows. Needs {@code millrace-windows} on the class path. */
  <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner);

  /** Tumbling windows of {@code size} elements per key. */
  WindowedStream<T, K, GlobalWindow> countWindow(long size);

  /** Windows of {@code size} elements per key, evaluated every {@code slide} elements. */
  WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide);

  /** Starts an interval join with another keyed stream of the same key type. */
  <T2> IntervalJoin<T, T2, K> intervalJoin(KeyedStream<T2, K> other);

  /** Connects with another keyed stream of the same key type, for a KeyedCoProcessFunction. */
  <R> ConnectedStreams<T, R> connect(KeyedStream<R, K> other);
}
