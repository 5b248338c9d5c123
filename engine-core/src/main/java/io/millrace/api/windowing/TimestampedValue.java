package io.millrace.api.windowing;

/**
 * An element with its timestamp, as evictors see the contents of a window.
 *
 * @param <T> element type
 */
public final class TimestampedValue<T> {
  private final T value;
  private final long timestamp;
  private final boolean hasTimestamp;

  /** {@code value} without a timestamp. */
  public TimestampedValue(T value) {
    this(value, Long.MIN_VALUE, false);
  }

  /** {@code value} with {@code timestamp}. */
  public TimestampedValue(T value, long timestamp) {
    this(value, timestamp, true);
  }

  private TimestampedValue(T value, long timestamp, boolean hasTimestamp) {
    this.value = value;
    this.timestamp = timestamp;
    this.hasTimestamp = hasTimestamp;
  }

  /** The element. */
  public T getValue() {
    return value;
  }

  /** The element's timestamp ({@code Long.MIN_VALUE} if it has none). */
  public long getTimestamp() {
    return timestamp;
  }

  /** Whether the element has a timestamp. */
  public boolean hasTimestamp() {
    return hasTimestamp;
  }

  @Override
  public String toString() {
    return "TimestampedValue(" + value + (hasTimestamp ? " @ " + timestamp : "") + ")";
  }
}
