package io.millrace.runtime.operators;

/**
 * An operator with one logical input (which may be fed by several channels, e.g. a union).
 *
 * @param <IN> input type
 * @param <OUT> output type
 */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
  /** Processes one record with its timestamp (or {@link Output#NO_TIMESTAMP}). */
  void processElement(IN record, long timestamp) throws Exception;

  /**
   * The output an upstream operator of the same chain emits into. Operators on the hot path
   * return an instance of a class of their own (see {@link ChainedInput} for why).
   */
  default ChainedInput<IN> chainedInput() {
    return new ChainedInput.Generic<>(this);
  }
}
