package io.millrace.api.windowing;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.Function;

/**
 * Evaluates a window of a keyed stream (the older form of {@link ProcessWindowFunction}).
 *
 * @param <IN> input type
 * @param <OUT> output type
 * @param <KEY> key type
 * @param <W> window type
 */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
  /** Evaluates the window. */
  void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
