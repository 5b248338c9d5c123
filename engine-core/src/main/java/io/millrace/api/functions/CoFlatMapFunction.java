package io.millrace.api.functions;

/**
 * A flatMap over two connected streams: one method per input, one output type.
 *
 * @param <IN1> first input type
 * @param <IN2> second input type
 * @param <OUT> output type
 */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
  /** Processes an element of the first input. */
  void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

  /** Processes an element of the second input. */
  void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
