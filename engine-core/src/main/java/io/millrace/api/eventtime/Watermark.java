package io.millrace.api.eventtime;

import java.io.Serializable;

/**
 * A declaration that no more elements with a timestamp at or below {@link #getTimestamp()}
 * will arrive: event-time windows and timers up to it may fire.
 */
public final class Watermark implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The watermark that ends event time: every window and timer fires. */
  public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

  private final long timestamp;

  /** A watermark at {@code timestamp} (epoch milliseconds). */
  public Watermark(long timestamp) {
    this.timestamp = timestamp;
  }

  /** The watermark's time. */
  public long getTimestamp() {
    return timestamp;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Watermark that && timestamp == that.timestamp;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(timestamp);
  }

  @Override
  public String toString() {
    return "Watermark @ " + timestamp;
  }
}
