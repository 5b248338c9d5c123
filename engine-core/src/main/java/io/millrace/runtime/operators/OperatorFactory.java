package io.millrace.runtime.operators;

import java.io.Serializable;

/**
 * Creates one operator instance per subtask; recorded in the job's transformations.
 *
 * @param <OUT> the operator's output type
 */
@FunctionalInterface
public interface OperatorFactory<OUT> extends Serializable {
  /** A fresh operator for one subtask; {@code subtaskIndex} decides whether functions are copied. */
  StreamOperator<OUT> create(int subtaskIndex);
}
