package io.millrace.api;

/**
 * Thrown by {@code execute()} when a job fails. When user code or an operator failed, the
 * message names the operator and subtask (e.g. {@code process@3 (ClickCounter), subtask 1 of 2})
 * and the cause is the original exception.
 */
public class JobExecutionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final String operatorName;
  private final int subtaskIndex;

  /** A failure of {@code operatorName}'s subtask {@code subtaskIndex} (or -1 if not a task's). */
  public JobExecutionException(
      String jobId, String message, String operatorName, int subtaskIndex, Throwable cause) {
    super(message, cause);
    this.jobId = jobId;
    this.operatorName = operatorName;
    this.subtaskIndex = subtaskIndex;
  }

  /** The failed job's id. */
  public String getJobId() {
    return jobId;
  }

  /** The readable name of the operator that failed, or {@code null} if no operator did. */
  public String getOperatorName() {
    return operatorName;
  }

  /** The index of the subtask that failed, or -1 if no subtask did. */
  public int getSubtaskIndex() {
    return subtaskIndex;
  }
}
