package io.millrace.api;

import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.ReduceFunction;

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

  /** Connects with another keyed stream of the same key type, for a KeyedCoProcessFunction. */
  <R> ConnectedStreams<T, R> connect(KeyedStream<R, K> other);
}
