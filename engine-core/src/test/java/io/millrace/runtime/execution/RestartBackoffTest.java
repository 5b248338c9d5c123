package io.millrace.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.RestartStrategies;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

  @Test
  void noRestartNeverRestarts() {
    RestartBackoff backoff = new RestartBackoff(RestartStrategies.noRestart());
    assertThat(backoff.onFailure(0)).isNull();
    assertThat(backoff.restarts()).isZero();
    assertThat(backoff.exhaustedReason()).isEqualTo("the restart strategy is noRestart()");
  }

  @Test
  void fixedDelayRestartsTheGivenNumberOfTimes() {
    RestartBackoff backoff = new RestartBackoff(RestartStrategies.fixedDelay(2, Duration.ofMillis(50)));
    assertThat(backoff.onFailure(0)).isEqualTo(Duration.ofMillis(50));
    assertThat(backoff.onFailure(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(backoff.onFailure(2)).isNull();
    assertThat(backoff.restarts()).isEqualTo(2);
    assertThat(backoff.exhaustedReason()).isEqualTo("all 2 restart attempts are used");
  }

  @Test
  void exponentialDelayGrowsUpToTheMaximum() {
    RestartBackoff backoff = new RestartBackoff(
        RestartStrategies.exponentialDelay(Duration.ofMillis(10), Duration.ofMillis(35), 2.0, 4));
    assertThat(backoff.onFailure(0)).isEqualTo(Duration.ofMillis(10));
    assertThat(backoff.onFailure(0)).isEqualTo(Duration.ofMillis(20));
    assertThat(backoff.onFailure(0)).isEqualTo(Duration.ofMillis(35));
    assertThat(backoff.onFailure(0)).isEqualTo(Duration.ofMillis(35));
    assertThat(backoff.onFailure(0)).isNull();
  }

  @Test
  void failureRateFailsOnlyWhenTooManyFailuresFallInOneInterval() {
    RestartBackoff backoff = new RestartBackoff(
        RestartStrategies.failureRate(2, Duration.ofMillis(1_000), Duration.ofMillis(5)));
    assertThat(backoff.onFailure(0)).isEqualTo(Duration.ofMillis(5));
    assertThat(backoff.onFailure(500)).isEqualTo(Duration.ofMillis(5));
    // The first failure left the interval: two in the last second again.
    assertThat(backoff.onFailure(1_200)).isEqualTo(Duration.ofMillis(5));
    assertThat(backoff.onFailure(1_300)).isNull();
    assertThat(backoff.exhaustedReason()).isEqualTo("more than 2 failures happened within PT1S");
  }

  @Test
  void invalidStrategiesFailWhenBuilt() {
    assertThatThrownBy(() -> RestartStrategies.fixedDelay(-1, Duration.ZERO))
        .hasMessage("restart attempts must not be negative, got -1");
    assertThatThrownBy(() -> RestartStrategies.fixedDelay(1, Duration.ofMillis(-1)))
        .hasMessage("delay must not be negative, got PT-0.001S");
    assertThatThrownBy(() -> RestartStrategies.exponentialDelay(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 1))
        .hasMessage("max delay PT1S is below the initial delay PT2S");
    assertThatThrownBy(() -> RestartStrategies.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 1))
        .hasMessage("backoff multiplier must be a finite number of at least 1, got 0.5");
    assertThatThrownBy(() -> RestartStrategies.failureRate(0, Duration.ofSeconds(1), Duration.ZERO))
        .hasMessage("max failures per interval must be at least 1, got 0");
  }
}
