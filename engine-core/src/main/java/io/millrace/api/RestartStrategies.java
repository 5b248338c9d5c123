package io.millrace.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The restart strategies. Without one, a job with checkpointing restarts without limit after a
 * one-second pause (as Flink does); a job without checkpointing does not restart.
 *
 * <pre>{@code
 * env.setRestartStrategy(RestartStrategies.fixedDelay(3, Duration.ofSeconds(1)));
 * }</pre>
 */
public final class RestartStrategies {
  private RestartStrategies() {}

  /** Fail the job at its first failure. */
  public static RestartStrategy noRestart() {
    return new RestartStrategy.NoRestart();
  }

  /** Restart up to {@code attempts} times, {@code delay} after each failure. */
  public static RestartStrategy fixedDelay(int attempts, Duration delay) {
    return new RestartStrategy.FixedDelay(attempts, delay);
  }

  /**
   * Restart up to {@code attempts} times; the first restart waits {@code initial}, each next
   * one {@code multiplier} times longer, at most {@code max}.
   */
  public static RestartStrategy exponentialDelay(Duration initial, Duration max, double multiplier, int attempts) {
    return new RestartStrategy.ExponentialDelay(initial, max, multiplier, attempts);
  }

  /**
   * Restart after {@code delay} unless this is more than {@code maxFailures} failures within
   * {@code interval}.
   */
  public static RestartStrategy failureRate(int maxFailures, Duration interval, Duration delay) {
    return new RestartStrategy.FailureRate(maxFailures, interval, delay);
  }

  static void checkAttempts(int attempts) {
    if (attempts < 0) {
      throw new IllegalArgumentException("restart attempts must not be negative, got " + attempts);
    }
  }

  static void checkDelay(String what, Duration delay) {
    Objects.requireNonNull(delay, what + " must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, got " + delay);
    }
  }
}
