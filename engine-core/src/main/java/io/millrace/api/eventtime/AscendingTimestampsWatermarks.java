package io.millrace.api.eventtime;

import java.time.Duration;

/**
 * The generator of {@link WatermarkStrategy#forMonotonousTimestamps()}: the highest timestamp
 * seen minus one millisecond.
 *
 * @param <T> element type
 */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
  /** A generator for timestamps that never decrease. */
  public AscendingTimestampsWatermarks() {
    super(Duration.ZERO);
  }
}
