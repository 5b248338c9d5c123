package io.millrace.api;

import java.time.Duration;

/**
 * What a job does when a task fails: restart from the latest completed checkpoint after a
 * delay, or fail. Created with {@link RestartStrategies}; set with
 * {@link StreamExecutionEnvironment#setRestartStrategy}.
 */
public sealed interface RestartStrategy {

  /** Fail at the first failure. */
  record NoRestart() implements RestartStrategy {}

  /**
   * Restart up to {@code attempts} times, waiting {@code delay} before each.
   *
   * @param attempts how many restarts, at least 0
   * @param delay the pause before each restart
   */
  record FixedDelay(int attempts, Duration delay) implements RestartStrategy {
    public FixedDelay {
      RestartStrategies.checkAttempts(attempts);
      RestartStrategies.checkDelay("delay", delay);
    }
  }

  /**
   * Restart up to {@code attempts} times, the delay growing from {@code initial} by
   * {@code multiplier} up to {@code max}.
   */
  record ExponentialDelay(Duration initial, Duration max, double multiplier, int attempts) implements RestartStrategy {
    public ExponentialDelay {
      RestartStrategies.checkDelay("initial delay", initial);
      RestartStrategies.checkDelay("max delay", max);
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max delay " + max + " is below the initial delay " + initial);
      }
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("backoff multiplier must be a finite number of at least 1, got " + multiplier);
      }
      RestartStrategies.checkAttempts(attempts);
    }
  }

  /**
   * Restart after {@code delay} as long as fewer than {@code maxFailures} failures happened in
   * the last {@code interval}; fail when a failure is the {@code maxFailures}-th in that window
   * plus one.
   */
  record FailureRate(int maxFailures, Duration interval, Duration delay) implements RestartStrategy {
    public FailureRate {
      if (maxFailures < 1) {
        throw new IllegalArgumentException("max failures per interval must be at least 1, got " + maxFailures);
      }
      RestartStrategies.checkDelay("failure rate interval", interval);
      if (interval.isZero()) {
        throw new IllegalArgumentException("failure rate interval must be positive");
      }
      RestartStrategies.checkDelay("delay", delay);
    }
  }
}
