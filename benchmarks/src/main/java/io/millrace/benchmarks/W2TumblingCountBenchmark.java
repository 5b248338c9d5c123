package io.millrace.benchmarks;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.benchmarks.workload.Click;
import io.millrace.benchmarks.workload.ClickGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload W2 (WORKLOADS.md): clicks in event time (bounded out-of-orderness 2 s) →
 * {@code keyBy(adId)} → tumbling event-time windows of 60 s → count (an
 * {@code AggregateFunction}, heap state) → a sink counting the windows and summing the counts.
 * One operation is one whole job over {@code n} events; {@code :records} is records/second.
 *
 * <p>The baseline {@link #handLoop} computes the same windows on one thread: a count per
 * (ad, window) in a per-ad {@code int} array for each open window, the watermark advanced after
 * every click ({@code max ts - 2000 - 1}), a window emitted when the watermark reaches its end
 * - 1 and everything emitted at the end.
 *
 * <p>Check figures, per run: the sum of the counts = {@code n}; the number of (ad, window)
 * results = the loop's. W2 proper: {@code -p n=20000000}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class W2TumblingCountBenchmark {
  private static final AtomicLong RUNS = new AtomicLong();

  /** Window size, milliseconds. */
  static final long WINDOW_MILLIS = 60_000;

  /** Events per job. */
  @Param("5000000")
  public long n;

  private Figures expected;

  /** The engine's parallelism: a state of its own so that the hand loop runs only once. */
  @State(Scope.Benchmark)
  public static class Engine {
    /** Parallelism of every operator of the job. */
    @Param({"1", "2"})
    public int parallelism;
  }

  /** What a run must produce: the number of window results and the sum of their counts. */
  public record Figures(long windows, long sumOfCounts) {}

  /** Computes the check figures. */
  @Setup(Level.Trial)
  public void computeCheckFigures() {
    expected = loop(n);
    System.out.println("W2 check figures: n=" + n + " " + expected);
  }

  /** W2 on Millrace at the engine's parallelism. */
  @Benchmark
  public long millrace(Engine engine, RecordCounter counter) throws Exception {
    Figures actual = runJob(
        StreamExecutionEnvironment.createLocalEnvironment(engine.parallelism), n, "W2 tumbling count");
    check("Millrace p=" + engine.parallelism, actual);
    counter.records += n;
    return actual.windows();
  }

  /**
   * Runs W2's job over {@code n} clicks on {@code env} (its parallelism and state backend as
   * configured) as {@code jobName} and returns what its sink received. W3 runs the same job on
   * RocksDB.
   */
  public static Figures runJob(StreamExecutionEnvironment env, long n, String jobName) throws Exception {
    String id = addJob(env, n);
    env.execute(jobName);
    return figuresOf(id);
  }

  /**
   * Adds W2's job over {@code n} clicks to {@code env} without running it; returns the id its
   * sink reports under, for {@link #figuresOf} once the job has finished. W7 runs it with
   * checkpoints.
   */
  public static String addJob(StreamExecutionEnvironment env, long n) {
    String id = "w2-" + RUNS.incrementAndGet();
    EventTimeClicks.source(env, n)
        .keyBy(Click::adId)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MILLIS)))
        .aggregate(new CountPerWindow())
        .addSink(new WindowCountSink(id));
    return id;
  }

  /** What the sink of the finished job {@code id} (from {@link #addJob}) received. */
  public static Figures figuresOf(String id) {
    return new Figures(RunCounters.take(id + "/windows"), RunCounters.take(id + "/sum"));
  }

  /** The same windows in a plain single-threaded loop: the practical limit. */
  @Benchmark
  public long handLoop(RecordCounter counter) {
    Figures actual = loop(n);
    check("hand loop", actual);
    counter.records += n;
    return actual.windows();
  }

  /** W2's windows over {@code n} clicks, computed by the hand loop. */
  public static Figures loop(long n) {
    TumblingCounts windows = EventTimeClicks.runLoop(n, new TumblingCounts());
    if (windows.sumOfCounts != n) {
      throw new IllegalStateException("hand loop: " + windows.windows + " windows count "
          + windows.sumOfCounts + " clicks for n=" + n);
    }
    return new Figures(windows.windows, windows.sumOfCounts);
  }

  private void check(String who, Figures actual) {
    if (!actual.equals(expected)) {
      throw new IllegalStateException(
          who + " produced " + actual + " for n=" + n + "; the hand loop produces " + expected);
    }
  }

  /**
   * The hand loop's window state: for each open window a ring slot holding an {@code int}
   * count per ad. Windows are 60 s and the disorder under 2 s, so at most two are open at once;
   * four slots leave room, and reusing a slot whose window has not fired throws.
   */
  static final class TumblingCounts implements EventTimeClicks.LoopWindows {
    private static final int SLOTS = 4;
    private static final long NONE = Long.MIN_VALUE;
    private static final int ADS = (int) ClickGenerator.ADS;

    /** {@code counts[slot * ADS + adId]}. */
    private final int[] counts = new int[SLOTS * ADS];
    /** The window index ({@code ts / size}) each slot holds, or {@link #NONE}. */
    private final long[] windowAtSlot = new long[SLOTS];
    /** The lowest window index that may hold counts. */
    private long nextToFire = Long.MAX_VALUE;
    /** The highest window index that holds counts. */
    private long lastWindow = Long.MIN_VALUE;

    long windows;
    long sumOfCounts;

    TumblingCounts() {
      Arrays.fill(windowAtSlot, NONE);
    }

    @Override
    public void add(Click c) {
      long w = Math.floorDiv(c.ts(), WINDOW_MILLIS);
      int slot = (int) (w & (SLOTS - 1));
      if (windowAtSlot[slot] != w) {
        if (windowAtSlot[slot] != NONE) {
          throw new IllegalStateException("hand loop: window " + w + " needs the slot of the open window "
              + windowAtSlot[slot]);
        }
        windowAtSlot[slot] = w;
        nextToFire = Math.min(nextToFire, w);
        lastWindow = Math.max(lastWindow, w);
      }
      counts[slot * ADS + (int) c.adId()]++;
    }

    /** Emits every window whose end - 1 is at most {@code watermark}, oldest first. */
    @Override
    public void fireUpTo(long watermark) {
      while (nextToFire <= lastWindow && (nextToFire + 1) * WINDOW_MILLIS - 1 <= watermark) {
        fire(nextToFire++);
      }
    }

    private void fire(long w) {
      int slot = (int) (w & (SLOTS - 1));
      if (windowAtSlot[slot] != w) {
        return; // no click fell in this window
      }
      int base = slot * ADS;
      for (int ad = 0; ad < ADS; ad++) {
        int count = counts[base + ad];
        if (count != 0) {
          windows++;
          sumOfCounts += count;
          counts[base + ad] = 0;
        }
      }
      windowAtSlot[slot] = NONE;
    }
  }
}
