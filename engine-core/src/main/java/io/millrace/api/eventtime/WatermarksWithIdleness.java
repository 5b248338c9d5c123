package io.millrace.api.eventtime;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a generator so that its output is marked idle when no event arrived for the idle
 * timeout (measured in processing time at each periodic emission), and active again with the
 * next event.
 *
 * @param <T> element type
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
  private final WatermarkGenerator<T> watermarks;
  private final long idleTimeoutMillis;
  private final LongSupplier clock;
  private long lastActivity;
  private boolean idle;

  /**
   * @param clock processing time in milliseconds (the job's clock, so tests can drive it)
   */
  public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, LongSupplier clock) {
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "idle timeout must be positive, got " + idleTimeout + " for WatermarkStrategy.withIdleness(...)");
    }
    this.watermarks = watermarks;
    this.idleTimeoutMillis = idleTimeout.toMillis();
    this.clock = clock;
    this.lastActivity = clock.getAsLong();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    watermarks.onEvent(event, eventTimestamp, output);
    lastActivity = clock.getAsLong();
    if (idle) {
      idle = false;
      output.markActive();
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (idle) {
      return;
    }
    if (clock.getAsLong() - lastActivity >= idleTimeoutMillis) {
      idle = true;
      output.markIdle();
    } else {
      watermarks.onPeriodicEmit(output);
    }
  }
}
