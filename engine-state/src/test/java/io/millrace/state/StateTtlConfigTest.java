package io.millrace.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateTtlConfigTest {

  @Test
  void defaultsAreOnCreateAndWriteNeverReturnExpiredProcessingTimeWithBackgroundCleanup() {
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofSeconds(3)).build();

    assertThat(config.getTtl()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.getUpdateType()).isEqualTo(StateTtlConfig.UpdateType.OnCreateAndWrite);
    assertThat(config.getStateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.NeverReturnExpired);
    assertThat(config.getTtlTimeCharacteristic()).isEqualTo(StateTtlConfig.TtlTimeCharacteristic.ProcessingTime);
    assertThat(config.getCleanupStrategies().cleanupInBackground()).isTrue();
    assertThat(config.getCleanupStrategies().effectiveIncrementalCleanup())
        .isEqualTo(new StateTtlConfig.IncrementalCleanupStrategy(5, false));
  }

  @Test
  void everyCleanupStrategyIsRecorded() {
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMinutes(1))
        .cleanupFullSnapshot()
        .cleanupIncrementally(7, true)
        .cleanupInRocksdbCompactFilter(500)
        .disableCleanupInBackground()
        .build();

    StateTtlConfig.CleanupStrategies cleanup = config.getCleanupStrategies();
    assertThat(cleanup.inFullSnapshot()).isTrue();
    assertThat(cleanup.cleanupInBackground()).isFalse();
    assertThat(cleanup.effectiveIncrementalCleanup()).isEqualTo(new StateTtlConfig.IncrementalCleanupStrategy(7, true));
    assertThat(cleanup.rocksdbCompactFilter()).isEqualTo(new StateTtlConfig.RocksdbCompactFilterCleanupStrategy(500));
  }

  @Test
  void disablingBackgroundCleanupLeavesNoIncrementalCleanup() {
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMinutes(1)).disableCleanupInBackground().build();

    assertThat(config.getCleanupStrategies().effectiveIncrementalCleanup()).isNull();
  }

  @Test
  void zeroTtlIsRejectedNamingTheValueAndTheMethod() {
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl must be positive, got PT0S")
        .hasMessageContaining("StateTtlConfig.newBuilder");
  }

  @Test
  void negativeTtlIsRejectedNamingTheValueAndTheMethod() {
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got PT-1S")
        .hasMessageContaining("StateTtlConfig.newBuilder");
  }

  @Test
  void nonPositiveCleanupSizeIsRejected() {
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofSeconds(1)).cleanupIncrementally(0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cleanupSize must be positive, got 0");
  }

  @Test
  void descriptorsCarryTheirTtlConfig() {
    ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", String.class);
    assertThat(descriptor.getTtlConfig()).isNull();
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofSeconds(1)).build();

    descriptor.enableTimeToLive(config);

    assertThat(descriptor.getTtlConfig()).isSameAs(config);
  }
}
