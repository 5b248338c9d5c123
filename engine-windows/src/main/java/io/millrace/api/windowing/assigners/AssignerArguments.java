package io.millrace.api.windowing.assigners;

import java.time.Duration;
import java.util.Objects;

/** Validation of the assigners' factory arguments, with messages naming the parameter and the call. */
final class AssignerArguments {
  private AssignerArguments() {}

  /** {@code value} in milliseconds; fails unless it is positive. */
  static long positive(Duration value, String parameter, String factory) {
    Objects.requireNonNull(value, () -> parameter + " must not be null for " + factory);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(parameter + " must be positive, got " + value + " for " + factory);
    }
    return millis(value, parameter, factory);
  }

  /** {@code offset} in milliseconds; fails unless {@code |offset| < bound}. */
  static long offset(Duration offset, long bound, String boundName, String factory) {
    Objects.requireNonNull(offset, () -> "window offset must not be null for " + factory);
    long millis = millis(offset, "window offset", factory);
    if (Math.abs(millis) >= bound) {
      throw new IllegalArgumentException("window offset must satisfy |offset| < " + boundName + " (" + Duration.ofMillis(bound)
          + "), got " + offset + " for " + factory);
    }
    return millis;
  }

  /** Fails if {@code slide} exceeds {@code size}. */
  static void slideAtMostSize(long size, long slide, String factory) {
    if (slide > size) {
      throw new IllegalArgumentException("window slide must not be larger than the window size " + Duration.ofMillis(size)
          + ", got " + Duration.ofMillis(slide) + " for " + factory);
    }
  }

  /** Fails for an element without a timestamp in an event-time assigner. */
  static void requireTimestamp(long timestamp, String assigner) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException("An element has no timestamp (Long.MIN_VALUE), so " + assigner
          + " cannot put it into an event-time window: assign timestamps with assignTimestampsAndWatermarks(...) "
          + "or collectWithTimestamp(...) in the source, or use a processing-time assigner");
    }
  }

  private static long millis(Duration value, String parameter, String factory) {
    try {
      return value.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(parameter + " is too large, got " + value + " for " + factory, e);
    }
  }
}
