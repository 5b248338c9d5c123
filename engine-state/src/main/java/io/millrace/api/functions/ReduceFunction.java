package io.millrace.api.functions;

/**
 * Combines two values of the same type into one; used by {@code KeyedStream.reduce}, reducing
 * windows and {@link io.millrace.state.ReducingState}.
 *
 * <p>The function must be associative; it may return one of its arguments but must not
 * mutate a value it has already emitted.
 *
 * <pre>{@code
 * ReduceFunction<Long> sum = (a, b) -> a + b;
 * }</pre>
 *
 * @param <T> the type of the values combined
 */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
  /** Returns the combination of {@code value1} (the earlier value) and {@code value2}. */
  T reduce(T value1, T value2) throws Exception;
}
