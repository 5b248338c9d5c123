package io.millrace.api.eventtime;

/**
 * Extracts the event timestamp of an element.
 *
 * @param <T> element type
 */
@FunctionalInterface
public interface TimestampAssigner<T> {
  /** The value of {@code recordTimestamp} when an element has no timestamp yet. */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  /**
   * Returns the timestamp of {@code element} in epoch milliseconds; {@code recordTimestamp} is
   * the timestamp it already has (from its source), or {@link #NO_TIMESTAMP}.
   */
  long extractTimestamp(T element, long recordTimestamp);
}
