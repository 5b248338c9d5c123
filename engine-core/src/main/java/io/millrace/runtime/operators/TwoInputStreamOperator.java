package io.millrace.runtime.operators;

/**
 * An operator with two logical inputs (connect, broadcast connect, joins).
 *
 * @param <IN1> first input type
 * @param <IN2> second input type
 * @param <OUT> output type
 */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {
  /** Processes a record of the first input. */
  void processElement1(IN1 record, long timestamp) throws Exception;

  /** Processes a record of the second input. */
  void processElement2(IN2 record, long timestamp) throws Exception;

  /** Called when input {@code inputIndex} (1 or 2) has ended; the default does nothing. */
  default void endInput(int inputIndex) throws Exception {}
}
