package io.millrace.api.eventtime;

import java.time.Duration;

/**
 * The periodic generator of {@link WatermarkStrategy#forBoundedOutOfOrderness}: emits the
 * highest timestamp seen minus the bound minus one millisecond (as Flink does: an event exactly
 * at the bound is still on time).
 *
 * @param <T> element type
 */
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
  private final long outOfOrdernessMillis;
  private long maxTimestamp;

  /** A generator allowing events up to {@code maxOutOfOrderness} late. */
  public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
    if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "maxOutOfOrderness must not be negative, got " + maxOutOfOrderness
              + " for WatermarkStrategy.forBoundedOutOfOrderness(...)");
    }
    this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
    this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
  }
}
