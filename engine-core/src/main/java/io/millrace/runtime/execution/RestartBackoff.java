package io.millrace.runtime.execution;

import io.millrace.api.RestartStrategy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Applies a {@link RestartStrategy} to a job's failures: whether the job restarts after the
 * latest one, and after how long. Not thread-safe; the job calls it under its lock.
 */
final class RestartBackoff {
  private final RestartStrategy strategy;
  private int restarts;
  private final Deque<Long> failureTimes = new ArrayDeque<>();

  RestartBackoff(RestartStrategy strategy) {
    this.strategy = strategy;
  }

  /**
   * Records a failure at {@code nowMillis}; returns the delay before restarting, or null if the
   * job must fail.
   */
  Duration onFailure(long nowMillis) {
    Duration delay = null;
    if (strategy instanceof RestartStrategy.FixedDelay fixed) {
      delay = restarts < fixed.attempts() ? fixed.delay() : null;
    } else if (strategy instanceof RestartStrategy.ExponentialDelay exponential) {
      delay = restarts < exponential.attempts() ? exponentialDelay(exponential) : null;
    } else if (strategy instanceof RestartStrategy.FailureRate rate) {
      delay = withinRate(rate, nowMillis) ? rate.delay() : null;
    }
    if (delay != null) {
      restarts++;
    }
    return delay;
  }

  /** How many restarts were granted. */
  int restarts() {
    return restarts;
  }

  /** Why the job does not restart, for the failure message. */
  String exhaustedReason() {
    if (strategy instanceof RestartStrategy.FixedDelay fixed) {
      return "all " + fixed.attempts() + " restart attempts are used";
    } else if (strategy instanceof RestartStrategy.ExponentialDelay exponential) {
      return "all " + exponential.attempts() + " restart attempts are used";
    } else if (strategy instanceof RestartStrategy.FailureRate rate) {
      return "more than " + rate.maxFailures() + " failures happened within " + rate.interval();
    }
    return "the restart strategy is noRestart()";
  }

  private Duration exponentialDelay(RestartStrategy.ExponentialDelay exponential) {
    double millis = exponential.initial().toMillis() * Math.pow(exponential.multiplier(), restarts);
    return millis >= exponential.max().toMillis() ? exponential.max() : Duration.ofMillis((long) millis);
  }

  private boolean withinRate(RestartStrategy.FailureRate rate, long nowMillis) {
    failureTimes.addLast(nowMillis);
    long windowStart = nowMillis - rate.interval().toMillis();
    while (!failureTimes.isEmpty() && failureTimes.peekFirst() <= windowStart) {
      failureTimes.pollFirst();
    }
    return failureTimes.size() <= rate.maxFailures();
  }
}
