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
