package io.millrace.api.functions;

/**
 * A map over two connected streams: one method per input, one output type.
 *
 * @param <IN1> first input type
 * @param <IN2> second input type
 * @param <OUT> output type
 */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
  /** Maps an element of the first input. */
  OUT map1(IN1 value) throws Exception;

  /** Maps an element of the second input. */
  OUT map2(IN2 value) throws Exception;
}
