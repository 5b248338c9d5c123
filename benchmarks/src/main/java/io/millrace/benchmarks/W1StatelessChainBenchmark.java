package io.millrace.benchmarks;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.benchmarks.workload.Click;
import io.millrace.benchmarks.workload.ClickGenerator;
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
 * Workload W1 (WORKLOADS.md): generate clicks, {@code map(adId * 31 + userId)},
 * {@code filter(v % 3 != 0)}, count the survivors. One operation is one whole job over
 * {@code n} events; the {@code :records} secondary result is records/second. The baseline
 * {@link #handLoop} does the same work in a single-threaded for-loop. Both check their count
 * of survivors against the figure computed once per trial and throw on a mismatch.
 *
 * <p>W1 proper: {@code -p n=50000000}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class W1StatelessChainBenchmark {
  private static final AtomicLong RUNS = new AtomicLong();

  /** Events per job. */
  @Param("10000000")
  public long n;

  /** The count of survivors for {@code n}, computed by the loop before measuring. */
  private long expectedSurvivors;

  /** The engine's parallelism: a state of its own so that the hand loop runs only once. */
  @State(Scope.Benchmark)
  public static class Engine {
    /** Parallelism of every operator of the job. */
    @Param({"1", "2"})
    public int parallelism;
  }

  /** Computes the check figure. */
  @Setup(Level.Trial)
  public void computeCheckFigure() {
    expectedSurvivors = loop(n);
    System.out.println("W1 check figure: n=" + n + " survivors=" + expectedSurvivors);
  }

  /** W1 on Millrace at the engine's parallelism. */
  @Benchmark
  public long millrace(Engine engine, RecordCounter counter) throws Exception {
    long survivors = runJob(StreamExecutionEnvironment.createLocalEnvironment(engine.parallelism), n);
    check("Millrace p=" + engine.parallelism, survivors);
    counter.records += n;
    return survivors;
  }

  /** The same work in a plain single-threaded loop: the practical limit. */
  @Benchmark
  public long handLoop(RecordCounter counter) {
    long survivors = loop(n);
    check("hand loop", survivors);
    counter.records += n;
    return survivors;
  }

  /**
   * Runs W1's job over {@code n} clicks on {@code env} (at its parallelism) and returns the
   * number of survivors. The workload suite runs it too.
   */
  public static long runJob(StreamExecutionEnvironment env, long n) throws Exception {
    String counterId = "w1-" + RUNS.incrementAndGet();
    env.fromSource(
            new DataGeneratorSource<>(ClickGenerator::click, n, Click.class),
            WatermarkStrategy.noWatermarks(),
            "clicks")
        .map(c -> c.adId() * 31 + c.userId())
        .filter(v -> v % 3 != 0)
        .addSink(new CountingSink<>(counterId));
    env.execute("W1 stateless chain");
    return RunCounters.take(counterId);
  }

  /** Generate, map, filter and count {@code n} clicks. */
  public static long loop(long n) {
    long survivors = 0;
    for (long i = 0; i < n; i++) {
      Click c = ClickGenerator.click(i);
      long v = c.adId() * 31 + c.userId();
      if (v % 3 != 0) {
        survivors++;
      }
    }
    return survivors;
  }

  private void check(String who, long survivors) {
    if (survivors != expectedSurvivors) {
      throw new IllegalStateException(who + " counted " + survivors
          + " survivors of " + n + " events; the hand loop counts " + expectedSurvivors);
    }
  }
}
