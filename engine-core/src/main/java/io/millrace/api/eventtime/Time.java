package io.millrace.api.eventtime;

import java.time.Duration;

/**
 * Short names for durations, so window definitions read as in Flink:
 * {@code TumblingEventTimeWindows.of(Time.minutes(5))}.
 */
public final class Time {
  private Time() {}

  /** {@code n} milliseconds. */
  public static Duration milliseconds(long n) {
    return Duration.ofMillis(n);
  }

  /** {@code n} seconds. */
  public static Duration seconds(long n) {
    return Duration.ofSeconds(n);
  }

  /** {@code n} minutes. */
  public static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  /** {@code n} hours. */
  public static Duration hours(long n) {
    return Duration.ofHours(n);
  }

  /** {@code n} days. */
  public static Duration days(long n) {
    return Duration.ofDays(n);
  }
}
