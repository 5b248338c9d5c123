package io.millrace.api.functions;

/**
 * Receives all elements of both sides of one key in one window (either side may be empty):
 * the building block of outer joins.
 *
 * @param <IN1> left type
 * @param <IN2> right type
 * @param <O> output type
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function {
  /** Processes one key's groups. */
  void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
