package io.millrace.api.source;

/** Whether a {@link Source} ends by itself. */
public enum Boundedness {
  /** The source has a finite input; the job ends when every bounded source has ended. */
  BOUNDED,
  /** The source runs until the job is cancelled. */
  CONTINUOUS_UNBOUNDED
}
