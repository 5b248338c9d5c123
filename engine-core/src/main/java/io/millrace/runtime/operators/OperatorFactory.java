package io.millrace.runtime.operators;

import java.io.Serializable;

/**
 * Creates one operator instance per subtask; recorded in the job's transformations.
 *
 * @param <OUT> the operator's output type
 */
@FunctionalInterface
public interface OperatorFactory<OUT> extends Serializable {
  /**
   * A fresh operator for subtask {@code subtaskIndex} of the operator called {@code operatorName}
   * (the index decides whether user functions are copied; the name goes into errors).
   */
  StreamOperator<OUT> create(int subtaskIndex, String operatorName);
}
