package io.millrace.api.windowing;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.Function;

/**
 * Evaluates a window of a non-keyed stream.
 *
 * @param <IN> input type
 * @param <OUT> output type
 * @param <W> window type
 */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
  /** Evaluates the window. */
  void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
