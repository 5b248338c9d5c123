package io.millrace.runtime.operators;

/**
 * Carries an exception thrown by user code (or by an operator) up the chain's call stack,
 * labelled with the operator and subtask where it happened. Operators wrap only their own
 * calls into user code, so the innermost operator that failed is the one named; an upstream
 * operator whose user code merely called {@code collect} passes the failure on unchanged.
 */
public final class UserCodeFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operatorName;
  private final int subtaskIndex;
  private final int parallelism;

  private UserCodeFailure(String operatorName, int subtaskIndex, int parallelism, Throwable cause) {
    super(operatorName + ", subtask " + subtaskIndex + " of " + parallelism + ", failed: " + cause, cause, false, false);
    this.operatorName = operatorName;
    this.subtaskIndex = subtaskIndex;
    this.parallelism = parallelism;
  }

  /**
   * Labels {@code failure} with the operator, unless it already carries a label (or is a
   * cancellation) — then it is returned as it is.
   */
  public static RuntimeException of(OperatorContext context, Throwable failure) {
    return of(context.operatorName(), context.subtaskIndex(), context.parallelism(), failure);
  }

  /** As {@link #of(OperatorContext, Throwable)} with the label spelled out. */
  public static RuntimeException of(String operatorName, int subtaskIndex, int parallelism, Throwable failure) {
    if (failure instanceof UserCodeFailure labelled) {
      return labelled;
    }
    if (failure instanceof io.millrace.runtime.channel.CancelledException cancelled) {
      return cancelled;
    }
    return new UserCodeFailure(operatorName, subtaskIndex, parallelism, failure);
  }

  /** The readable name of the operator that failed. */
  public String operatorName() {
    return operatorName;
  }

  /** The index of the subtask that failed. */
  public int subtaskIndex() {
    return subtaskIndex;
  }

  /** The operator's parallelism. */
  public int parallelism() {
    return parallelism;
  }
}
