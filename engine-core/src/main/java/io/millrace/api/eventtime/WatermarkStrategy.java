package io.millrace.api.eventtime;

import java.io.Serializable;

/**
 * How a source assigns event timestamps and generates watermarks. The time-and-windows part of
 * Millrace adds bounded out-of-orderness, monotonous timestamps, custom generators and
 * idleness; {@link #noWatermarks()} is the choice for jobs without event time.
 *
 * @param <T> element type
 */
public interface WatermarkStrategy<T> extends Serializable {

  /** No event-time progress: records keep the timestamps their source gives them. */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return new NoWatermarksStrategy<>();
  }

  /** Whether this strategy produces watermarks. */
  boolean producesWatermarks();
}
