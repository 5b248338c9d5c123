package io.millrace.api.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WatermarkGeneratorsTest {

  /** Records what a generator emits. */
  private static final class Recorder implements WatermarkOutput {
    final List<String> emitted = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
      emitted.add("wm " + watermark.getTimestamp());
    }

    @Override
    public void markIdle() {
      emitted.add("idle");
    }

    @Override
    public void markActive() {
      emitted.add("active");
    }
  }

  @Test
  void boundedOutOfOrdernessEmitsTheHighestTimestampMinusTheBoundMinusOne() {
    WatermarkGenerator<String> generator =
        WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(2)).createWatermarkGenerator();
    Recorder out = new Recorder();
    generator.onEvent("a", 1_000, out);
    generator.onEvent("b", 5_000, out);
    generator.onEvent("c", 3_000, out);
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).containsExactly("wm 2999");
  }

  @Test
  void monotonousTimestampsEmitTheHighestTimestampMinusOne() {
    WatermarkGenerator<String> generator = WatermarkStrategy.<String>forMonotonousTimestamps().createWatermarkGenerator();
    Recorder out = new Recorder();
    generator.onEvent("a", 70, out);
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).containsExactly("wm 69");
  }

  @Test
  void boundedOutOfOrdernessBeforeAnyEventDoesNotUnderflow() {
    WatermarkGenerator<String> generator =
        WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(10)).createWatermarkGenerator();
    Recorder out = new Recorder();
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).containsExactly("wm " + Long.MIN_VALUE);
  }

  @Test
  void idlenessMarksTheOutputIdleAfterTheTimeoutAndActiveWithTheNextEvent() {
    AtomicLong now = new AtomicLong(0);
    WatermarkGenerator<String> generator = WatermarkStrategy.<String>forMonotonousTimestamps()
        .withIdleness(Duration.ofSeconds(5))
        .createWatermarkGenerator(now::get);
    Recorder out = new Recorder();
    generator.onEvent("a", 100, out);
    now.set(4_999);
    generator.onPeriodicEmit(out);
    now.set(5_000);
    generator.onPeriodicEmit(out);
    generator.onPeriodicEmit(out);
    generator.onEvent("b", 200, out);
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).containsExactly("wm 99", "idle", "active", "wm 199");
  }

  @Test
  void timestampAssignerIsKeptWhenIdlenessIsAdded() {
    WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forMonotonousTimestamps()
        .withTimestampAssigner((element, previous) -> element.length())
        .withIdleness(Duration.ofSeconds(1));
    assertThat(strategy.createTimestampAssigner().extractTimestamp("four", Long.MIN_VALUE)).isEqualTo(4);
  }

  @Test
  void noWatermarksKeepsSourceTimestampsAndProducesNoWatermarks() {
    WatermarkStrategy<String> strategy = WatermarkStrategy.noWatermarks();
    Recorder out = new Recorder();
    strategy.createWatermarkGenerator().onEvent("a", 5, out);
    strategy.createWatermarkGenerator().onPeriodicEmit(out);
    assertThat(out.emitted).isEmpty();
    assertThat(strategy.producesWatermarks()).isFalse();
    assertThat(strategy.createTimestampAssigner().extractTimestamp("a", 42)).isEqualTo(42);
  }

  @Test
  void negativeBoundsAndIdleTimeoutsAreRejectedNamingTheMethod() {
    assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxOutOfOrderness must not be negative, got PT-0.001S")
        .hasMessageContaining("forBoundedOutOfOrderness");
    assertThatThrownBy(() -> WatermarkStrategy.forMonotonousTimestamps().withIdleness(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idle timeout must be positive, got PT0S for withIdleness(...)");
  }
}
