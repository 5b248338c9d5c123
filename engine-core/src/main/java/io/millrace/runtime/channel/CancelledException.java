package io.millrace.runtime.channel;

/**
 * Unwinds a task's thread after cancellation (or after another task failed). Not a failure:
 * the job reports the cancellation or the other task's failure instead.
 */
public final class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A cancellation with no stack trace: it is control flow, not a diagnosis. */
  public CancelledException() {
    super("task cancelled", null, false, false);
  }
}
