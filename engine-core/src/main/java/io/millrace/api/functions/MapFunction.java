package io.millrace.api.functions;

/**
 * Transforms each element into exactly one element.
 *
 * @param <T> input type
 * @param <O> output type
 */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
  /** Returns the element {@code value} maps to; must not be null. */
  O map(T value) throws Exception;
}
