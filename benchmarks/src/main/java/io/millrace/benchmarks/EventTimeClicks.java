package io.millrace.benchmarks;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.benchmarks.workload.Click;
import io.millrace.benchmarks.workload.ClickGenerator;
import java.time.Duration;

/**
 * The workload's clicks in event time (WORKLOADS.md): timestamps from {@link Click#ts()},
 * watermarks bounded out-of-orderness of 2 s. The generator's disorder is under 2 s, so no
 * click is ever late, and window results do not depend on when watermarks arrive.
 *
 * <p>The hand loops use {@link #watermark} after every click: the same watermark the engine's
 * generator would emit if it emitted after every click instead of periodically.
 */
final class EventTimeClicks {
  /** The bound of the watermark strategy, in milliseconds. */
  static final long MAX_OUT_OF_ORDERNESS_MILLIS = 2_000;

  private EventTimeClicks() {}

  /** {@code n} generated clicks with event-time timestamps and watermarks. */
  static DataStream<Click> source(StreamExecutionEnvironment env, long n) {
    return env.fromSource(
        new DataGeneratorSource<>(ClickGenerator::click, n, Click.class),
        WatermarkStrategy.<Click>forBoundedOutOfOrderness(Duration.ofMillis(MAX_OUT_OF_ORDERNESS_MILLIS))
            .withTimestampAssigner((click, previous) -> click.ts()),
        "clicks");
  }

  /**
   * The watermark after the highest timestamp {@code maxTs}: {@code maxTs - 2000 - 1}, as
   * {@code BoundedOutOfOrdernessWatermarks} computes it.
   */
  static long watermark(long maxTs) {
    return maxTs - MAX_OUT_OF_ORDERNESS_MILLIS - 1;
  }

  /** The windows of a hand loop: what {@link #runLoop} feeds. */
  interface LoopWindows {
    /** Adds an on-time click. */
    void add(Click click);

    /** Emits every window whose end - 1 the watermark has reached. */
    void fireUpTo(long watermark);
  }

  /**
   * The event-time hand loop every window workload shares: clicks {@code 0..n-1} in order, the
   * watermark advanced after each new highest timestamp (firing what it passes), then a final
   * {@code Long.MAX_VALUE} that fires the rest. Returns {@code windows}, filled.
   */
  static <W extends LoopWindows> W runLoop(long n, W windows) {
    long maxTs = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;
    for (long i = 0; i < n; i++) {
      Click c = ClickGenerator.click(i);
      if (c.ts() > maxTs) {
        maxTs = c.ts();
        watermark = watermark(maxTs);
        windows.fireUpTo(watermark);
      }
      checkOnTime(c, watermark);
      windows.add(c);
    }
    windows.fireUpTo(Long.MAX_VALUE);
    return windows;
  }

  /** Throws if {@code click} is late for {@code watermark}: the generator promises it never is. */
  static void checkOnTime(Click click, long watermark) {
    if (click.ts() <= watermark) {
      throw new IllegalStateException("click " + click + " is late for the watermark " + watermark
          + ": the generator's disorder should stay under " + MAX_OUT_OF_ORDERNESS_MILLIS + " ms");
    }
  }
}
