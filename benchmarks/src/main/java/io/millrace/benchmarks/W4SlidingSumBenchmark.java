package io.millrace.benchmarks;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.sink.RichSinkFunction;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
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
 * Workload W4 (WORKLOADS.md): clicks in event time (bounded out-of-orderness 2 s) →
 * {@code keyBy(adId)} → sliding event-time windows of 60 s every 10 s → sum of {@code amount}
 * (an {@code AggregateFunction}) → a sink counting the windows and summing the sums. One
 * operation is one whole job over {@code n} events; {@code :records} is records/second.
 *
 * <p>The baseline {@link #handLoop} computes the same windows on one thread the way a
 * hand-tuned implementation would: one sum per (ad, 10 s slice), a window's sum combined from
 * its six slices when the watermark ({@code max ts - 2000 - 1}, advanced after every click)
 * reaches its end - 1, everything emitted at the end.
 *
 * <p>Check figures, per run: the number of (ad, window) results = the loop's; the sum of the
 * sums = 6 × Σ amount within a relative {@value #RELATIVE_TOLERANCE} (every click is in six
 * windows; the engine and the loop add the same doubles in different orders). W4 proper:
 * {@code -p n=10000000}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class W4SlidingSumBenchmark {
  private static final AtomicLong RUNS = new AtomicLong();

  /** Window size, milliseconds. */
  static final long SIZE_MILLIS = 60_000;
  /** Window slide (and slice length), milliseconds. */
  static final long SLIDE_MILLIS = 10_000;
  /** Windows per click = slices per window. */
  static final int WINDOWS_PER_CLICK = (int) (SIZE_MILLIS / SLIDE_MILLIS);
  /** How far a sum of sums may stray from 6 × Σ amount, relative to it. */
  static final double RELATIVE_TOLERANCE = 1e-9;

  /** Events per job. */
  @Param("2000000")
  public long n;

  /** The number of window results, from the loop. */
  private long expectedWindows;
  /** 6 × Σ amount, summed directly over the generator. */
  private double expectedSumOfSums;

  /** The engine's parallelism: a state of its own so that the hand loop runs only once. */
  @State(Scope.Benchmark)
  public static class Engine {
    /** Parallelism of every operator of the job. */
    @Param({"1", "2"})
    public int parallelism;
  }

  /** What a run produced: the number of window results and the sum of their sums. */
  public record Figures(long windows, double sumOfSums) {}

  /** Computes the check figures. */
  @Setup(Level.Trial)
  public void computeCheckFigures() {
    double amounts = 0;
    for (long i = 0; i < n; i++) {
      amounts += ClickGenerator.click(i).amount();
    }
    expectedSumOfSums = WINDOWS_PER_CLICK * amounts;
    expectedWindows = Long.MIN_VALUE; // the loop's own check compares only the sum
    Figures loop = loop(n);
    check("hand loop", loop);
    expectedWindows = loop.windows();
    System.out.println("W4 check figures: n=" + n + " windows=" + expectedWindows
        + " 6*sum(amount)=" + expectedSumOfSums + " loop's sum of sums=" + loop.sumOfSums());
  }

  /** W4 on Millrace at the engine's parallelism. */
  @Benchmark
  public long millrace(Engine engine, RecordCounter counter) throws Exception {
    Figures actual = runJob(StreamExecutionEnvironment.createLocalEnvironment(engine.parallelism), n);
    check("Millrace p=" + engine.parallelism, actual);
    counter.records += n;
    return actual.windows();
  }

  /** The same windows in a plain single-threaded loop over 10 s slices: the practical limit. */
  @Benchmark
  public long handLoop(RecordCounter counter) {
    Figures actual = loop(n);
    check("hand loop", actual);
    counter.records += n;
    return actual.windows();
  }

  /**
   * Runs W4's job over {@code n} clicks on {@code env} (at its parallelism) and returns what its
   * sink received. The workload suite runs it too.
   */
  public static Figures runJob(StreamExecutionEnvironment env, long n) throws Exception {
    String id = "w4-" + RUNS.incrementAndGet();
    EventTimeClicks.source(env, n)
        .keyBy(Click::adId)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(SIZE_MILLIS), Duration.ofMillis(SLIDE_MILLIS)))
        .aggregate(new SumOfAmounts())
        .addSink(new WindowSumSink(id));
    env.execute("W4 sliding sum");
    return new Figures(RunCounters.take(id + "/windows"), RunCounters.takeDouble(id + "/sum"));
  }

  /** W4's windows over {@code n} clicks, computed by the hand loop. */
  public static Figures loop(long n) {
    SlicedSums windows = EventTimeClicks.runLoop(n, new SlicedSums());
    return new Figures(windows.windows, windows.sumOfSums);
  }

  private void check(String who, Figures actual) {
    boolean windowsMatch = expectedWindows == Long.MIN_VALUE || actual.windows() == expectedWindows;
    double error = Math.abs(actual.sumOfSums() - expectedSumOfSums);
    if (!windowsMatch || !(error <= RELATIVE_TOLERANCE * Math.abs(expectedSumOfSums))) {
      throw new IllegalStateException(who + " produced " + actual + " for n=" + n + "; expected "
          + (expectedWindows == Long.MIN_VALUE ? "" : expectedWindows + " windows and ")
          + "a sum of sums of " + expectedSumOfSums + " (6 x sum of amounts) within a relative "
          + RELATIVE_TOLERANCE + " (off by " + error + ")");
    }
  }

  /** Sums the amounts of a window in a one-element {@code double[]} mutated in place. */
  static final class SumOfAmounts implements AggregateFunction<Click, double[], Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public double[] createAccumulator() {
      return new double[1];
    }

    @Override
    public double[] add(Click click, double[] sum) {
      sum[0] += click.amount();
      return sum;
    }

    @Override
    public Double getResult(double[] sum) {
      return sum[0];
    }

    @Override
    public double[] merge(double[] a, double[] b) {
      a[0] += b[0];
      return a;
    }
  }

  /** Counts the window results and sums them per subtask; reports in {@code close()}. */
  static final class WindowSumSink extends RichSinkFunction<Double> {
    private static final long serialVersionUID = 1L;

    private final String id;
    private long windows;
    private double sum;

    WindowSumSink(String id) {
      this.id = id;
    }

    @Override
    public void invoke(Double value) {
      windows++;
      sum += value;
    }

    @Override
    public void close() {
      RunCounters.add(id + "/windows", windows);
      RunCounters.addDouble(id + "/sum", sum);
      windows = 0;
      sum = 0;
    }
  }

  /**
   * The hand loop's state: a sum per (ad, 10 s slice) for the slices still needed, in a ring
   * of {@value #SLOTS} slots per ad (an ad's slots share a cache line), and a byte per ad
   * marking its non-empty slots. Window {@code k} ({@code [k * 10 s, k * 10 s + 60 s)}) is slices
   * {@code k .. k + 5}; when it fires, slice {@code k} is no longer needed and is cleared. With
   * a 2 s disorder at most seven slices are live; reusing a live slot throws.
   */
  static final class SlicedSums implements EventTimeClicks.LoopWindows {
    private static final int SLOTS = 8;
    private static final long NONE = Long.MIN_VALUE;
    private static final int ADS = (int) ClickGenerator.ADS;

    /** {@code sums[adId * SLOTS + slot]}. */
    private final double[] sums = new double[ADS * SLOTS];
    /** Bit {@code slot} set: the ad has clicks in the slice of that slot. */
    private final byte[] nonEmpty = new byte[ADS];
    /** The slice index ({@code ts / slide}) each slot holds, or {@link #NONE}. */
    private final long[] sliceAtSlot = new long[SLOTS];
    /** The lowest window index that may have clicks. */
    private long nextToFire = Long.MAX_VALUE;
    /** The highest slice index with clicks. */
    private long lastSlice = Long.MIN_VALUE;

    long windows;
    double sumOfSums;

    SlicedSums() {
      Arrays.fill(sliceAtSlot, NONE);
    }

    @Override
    public void add(Click c) {
      long s = Math.floorDiv(c.ts(), SLIDE_MILLIS);
      int slot = (int) (s & (SLOTS - 1));
      if (sliceAtSlot[slot] != s) {
        if (sliceAtSlot[slot] != NONE) {
          throw new IllegalStateException("hand loop: slice " + s + " needs the slot of the live slice "
              + sliceAtSlot[slot]);
        }
        sliceAtSlot[slot] = s;
        nextToFire = Math.min(nextToFire, s - (WINDOWS_PER_CLICK - 1));
        lastSlice = Math.max(lastSlice, s);
      }
      int ad = (int) c.adId();
      sums[ad * SLOTS + slot] += c.amount();
      nonEmpty[ad] |= (byte) (1 << slot);
    }

    /** Emits every window whose end - 1 is at most {@code watermark}, oldest first. */
    @Override
    public void fireUpTo(long watermark) {
      while (nextToFire <= lastSlice && nextToFire * SLIDE_MILLIS + SIZE_MILLIS - 1 <= watermark) {
        fire(nextToFire++);
      }
    }

    private void fire(long k) {
      int windowSlots = 0;
      for (int j = 0; j < WINDOWS_PER_CLICK; j++) {
        int slot = (int) ((k + j) & (SLOTS - 1));
        if (sliceAtSlot[slot] == k + j) {
          windowSlots |= 1 << slot;
        }
      }
      if (windowSlots == 0) {
        return; // no click fell in this window
      }
      int first = (int) (k & (SLOTS - 1));
      int firstBit = 1 << first;
      for (int ad = 0; ad < ADS; ad++) {
        int marks = nonEmpty[ad];
        if ((marks & windowSlots) != 0) {
          int base = ad * SLOTS;
          double sum = 0;
          for (int j = 0; j < WINDOWS_PER_CLICK; j++) {
            sum += sums[base + (int) ((k + j) & (SLOTS - 1))];
          }
          windows++;
          sumOfSums += sum;
          if ((marks & firstBit) != 0) {
            sums[base + first] = 0;
            nonEmpty[ad] = (byte) (marks & ~firstBit);
          }
        }
      }
      if (sliceAtSlot[first] == k) {
        sliceAtSlot[first] = NONE;
      }
    }
  }
}
