package io.millrace.api.functions;

/**
 * Joins one element of each side into zero or more results (window joins).
 *
 * @param <IN1> left type
 * @param <IN2> right type
 * @param <OUT> output type
 */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
  /** Emits the results of joining {@code first} with {@code second}. */
  void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
