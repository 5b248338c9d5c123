package io.millrace.windows.internal.operator;

import io.millrace.api.functions.Collector;
import io.millrace.api.windowing.Window;

/**
 * The window operator's view of whatever evaluates a window: the user's window function, wrapped
 * so that the operator need not know whether the contents are a list of elements or one
 * pre-aggregated value, nor whether the function is keyed.
 *
 * @param <V> what the window's state yields: {@code Iterable<T>} or a single value
 * @param <OUT> output type
 * @param <K> key type
 * @param <W> window type
 */
public interface InternalWindowFunction<V, OUT, K, W extends Window> {
  /** Evaluates {@code window} of {@code key} on {@code contents}. */
  void process(K key, W window, InternalWindowContext<W> context, V contents, Collector<OUT> out) throws Exception;

  /** Called when the window's state is cleaned up, so the function can clear its per-window state. */
  default void clear(W window, InternalWindowContext<W> context) throws Exception {}
}
