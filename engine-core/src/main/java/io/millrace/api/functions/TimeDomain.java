package io.millrace.api.functions;

/** Which clock fired a timer. */
public enum TimeDomain {
  /** The timer fired because the watermark passed its time. */
  EVENT_TIME,
  /** The timer fired because the wall clock (or the test clock) passed its time. */
  PROCESSING_TIME
}
