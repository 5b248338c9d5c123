package io.millrace.api;

/** The states of a job. A job moves forward only: CREATED → RUNNING → one terminal state. */
public enum JobStatus {
  /** Built, not started yet. */
  CREATED,
  /** Its tasks are running. */
  RUNNING,
  /** A task failed; the others are being stopped. */
  FAILING,
  /** Failed; the result holds the cause. */
  FAILED,
  /** Cancellation was requested; tasks are stopping. */
  CANCELLING,
  /** Cancelled. */
  CANCELED,
  /** Every task ended normally. */
  FINISHED;

  /** Whether the job has ended in this state. */
  public boolean isTerminal() {
    return this == FAILED || this == CANCELED || this == FINISHED;
  }
}
