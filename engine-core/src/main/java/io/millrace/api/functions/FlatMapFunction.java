package io.millrace.api.functions;

/**
 * Transforms each element into zero or more elements.
 *
 * @param <T> input type
 * @param <O> output type
 */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
  /** Emits the elements {@code value} maps to through {@code out}. */
  void flatMap(T value, Collector<O> out) throws Exception;
}
