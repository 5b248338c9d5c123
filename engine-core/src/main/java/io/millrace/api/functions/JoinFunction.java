package io.millrace.api.functions;

/**
 * Joins one element of each side into one result (window joins).
 *
 * @param <IN1> left type
 * @param <IN2> right type
 * @param <OUT> output type
 */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
  /** The result of joining {@code first} with {@code second}. */
  OUT join(IN1 first, IN2 second) throws Exception;
}
