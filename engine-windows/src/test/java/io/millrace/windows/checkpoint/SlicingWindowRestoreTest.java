package io.millrace.windows.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.RestartStrategies;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.CheckpointListener;
import io.millrace.api.functions.RichMapFunction;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RateLimiterStrategy;
import io.millrace.api.sink.FileSink;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slicing window operator ({@code aggregate}) after a restore: the restored watermark starts
 * at {@code Long.MIN_VALUE}, so elements within the allowed lateness of windows that fired before
 * the checkpoint arrive "on time"; each such window must still fire again with them. The final
 * firing of every window equals that of a run without failure.
 */
class SlicingWindowRestoreTest {
  private static final long EVENTS = 20_000;
  /** Failures to inject, each after a checkpoint completed since the last one: more restores, more chances. */
  private static final int FAILURES = 4;
  static final AtomicBoolean checkpointCompleted = new AtomicBoolean();
  static final AtomicInteger failuresLeft = new AtomicInteger();

  @TempDir
  Path directory;

  /** Event i at time 1000 + i ms, except every fifth, which is 30 ms late (within the 1 s lateness). */
  static long timestampOf(long i) {
    return 1_000 + (isLate(i) ? i - 30 : i);
  }

  static boolean isLate(long i) {
    return i % 5 == 4;
  }

  @Test
  void lateElementsWithinLatenessRefireTheirWindowsAfterARestore() throws Exception {
    Map<Long, Long> withoutFailure = lastFiringPerWindow(run(false, directory.resolve("reference")));
    Map<Long, Long> withFailure = lastFiringPerWindow(run(true, directory.resolve("failure")));
    assertThat(failuresLeft).as("every failure was injected").hasValue(0);
    assertThat(withFailure).isEqualTo(withoutFailure);
    // Every element counted: the last firings of the windows sum to the input.
    assertThat(withFailure.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(EVENTS);
  }

  /**
   * Runs the job into an exactly-once FileSink (a collecting sink would also keep what the failed
   * attempt emitted, which hides a window that does not refire) and returns the committed lines.
   */
  private List<String> run(boolean injectFailure, Path out) throws Exception {
    checkpointCompleted.set(false);
    failuresLeft.set(injectFailure ? FAILURES : 0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(Duration.ofMillis(20));
    env.getCheckpointConfig().setCheckpointStorage(Files.createDirectories(out.resolve("checkpoints")));
    env.setRestartStrategy(RestartStrategies.fixedDelay(FAILURES, Duration.ZERO));
    // Watermarks follow the elements closely, so a late element's window has fired before it
    // arrives (and the first elements replayed after a restore come before any watermark).
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(1));
    env
        .fromSource(new DataGeneratorSource<>(i -> i, EVENTS, RateLimiterStrategy.perSecond(20_000), Long.class),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((i, ts) -> timestampOf(i)),
            "events")
        .map(new FailOnceOnALateElementAfterACheckpoint())
        .keyBy(i -> 0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .allowedLateness(Duration.ofSeconds(1))
        .aggregate(new CountWithWindow())
        .sinkTo(FileSink.<String>forRowFormat(out.resolve("output"), line -> line));
    env.execute("slicing restore");
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("output"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    return lines;
  }

  /**
   * window start → its count at its last firing: the highest, since a window's count only grows
   * from one firing to the next (part files are not in time order).
   */
  private static Map<Long, Long> lastFiringPerWindow(List<String> firings) {
    Map<Long, Long> last = new TreeMap<>();
    for (String firing : firings) {
      String[] parts = firing.split("=");
      last.merge(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Math::max);
    }
    return last;
  }

  /** Throws at a late element after a checkpoint completed (since the last failure), while failures are left. */
  static final class FailOnceOnALateElementAfterACheckpoint extends RichMapFunction<Long, Long>
      implements CheckpointListener {
    private static final long serialVersionUID = 1L;

    @Override
    public Long map(Long i) {
      if (isLate(i) && failuresLeft.get() > 0 && checkpointCompleted.compareAndSet(true, false)) {
        failuresLeft.decrementAndGet();
        throw new IllegalStateException("injected failure at element " + i);
      }
      return i;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointCompleted.set(true);
    }
  }

  /** Counts a window's elements and reports "windowStart=count" (the window of its first element). */
  static final class CountWithWindow implements AggregateFunction<Long, long[], String> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[] {Long.MAX_VALUE, 0};
    }

    @Override
    public long[] add(Long i, long[] accumulator) {
      long start = timestampOf(i) - Math.floorMod(timestampOf(i), 10);
      return new long[] {Math.min(accumulator[0], start), accumulator[1] + 1};
    }

    @Override
    public String getResult(long[] accumulator) {
      return accumulator[0] + "=" + accumulator[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {Math.min(a[0], b[0]), a[1] + b[1]};
    }
  }
}
