package io.millrace.api.source;

import java.io.Serializable;

/**
 * How fast a {@link DataGeneratorSource} emits.
 *
 * <pre>{@code
 * RateLimiterStrategy.perSecond(10_000)   // 10k records/s over all parallel instances
 * }</pre>
 */
public final class RateLimiterStrategy implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final RateLimiterStrategy NO_LIMIT = new RateLimiterStrategy(Double.POSITIVE_INFINITY);

  private final double recordsPerSecond;

  private RateLimiterStrategy(double recordsPerSecond) {
    this.recordsPerSecond = recordsPerSecond;
  }

  /** At most {@code recordsPerSecond} records per second in total, shared by all instances. */
  public static RateLimiterStrategy perSecond(double recordsPerSecond) {
    if (!(recordsPerSecond > 0) || Double.isNaN(recordsPerSecond)) {
      throw new IllegalArgumentException(
          "recordsPerSecond must be positive, got " + recordsPerSecond
              + " for RateLimiterStrategy.perSecond(...); use noOp() for no limit");
    }
    return new RateLimiterStrategy(recordsPerSecond);
  }

  /** No limit: emit as fast as downstream takes the records. */
  public static RateLimiterStrategy noOp() {
    return NO_LIMIT;
  }

  /** The total rate, {@code Infinity} for no limit. */
  public double recordsPerSecond() {
    return recordsPerSecond;
  }

  /** Whether there is a limit. */
  public boolean isLimited() {
    return recordsPerSecond != Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return isLimited() ? "RateLimiterStrategy.perSecond(" + recordsPerSecond + ")" : "RateLimiterStrategy.noOp()";
  }
}
