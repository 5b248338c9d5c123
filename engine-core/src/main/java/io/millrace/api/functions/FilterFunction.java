package io.millrace.api.functions;

/**
 * Keeps the elements for which it returns true.
 *
 * @param <T> element type
 */
@FunctionalInterface
public interface FilterFunction<T> extends Function {
  /** Whether {@code value} is kept. */
  boolean filter(T value) throws Exception;
}
