package io.millrace.runtime.operators;

import io.millrace.api.functions.Function;

/**
 * The head of a source task, in the chain only for its lifecycle: it opens and closes a rich
 * source function (its records are emitted by the task's source driver).
 *
 * @param <OUT> element type
 */
public final class SourceOperator<OUT> extends AbstractStreamOperator<Function, OUT> {

  /** {@code function} is the source function, or the split-based source. */
  public SourceOperator(Function function) {
    super(function);
  }
}
