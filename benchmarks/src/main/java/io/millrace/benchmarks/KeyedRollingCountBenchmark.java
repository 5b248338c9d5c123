package io.millrace.benchmarks;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.sink.RichSinkFunction;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.benchmarks.workload.Click;
import io.millrace.benchmarks.workload.ClickGenerator;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.util.HashMap;
import java.util.Map;
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
 * A rolling count per ad: {@code keyBy(adId)} → a {@link KeyedProcessFunction} counting in a
 * {@code ValueState<Long>} and emitting the key's new count for every click → a sink counting
 * the emissions and summing the emitted counts. One operation is one whole job over {@code n}
 * events; {@code :records} is records/second. The baseline {@link #handLoop} counts in a
 * {@code HashMap<Long, long[]>} on one thread.
 *
 * <p>Check figures, per run, against the loop's: emissions = {@code n}; the number of
 * emissions of the count 1 = the number of distinct ads; the sum of all emitted counts
 * = Σ<sub>ad</sub> c(c+1)/2 over the final counts c (whose own sum the loop checks = {@code n}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class KeyedRollingCountBenchmark {
  private static final AtomicLong RUNS = new AtomicLong();

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

  /** What a run must produce. */
  record Figures(long emissions, long distinctKeys, long sumOfEmittedCounts) {}

  /** Computes the check figures. */
  @Setup(Level.Trial)
  public void computeCheckFigures() {
    expected = loop(n);
    System.out.println("Keyed check figures: n=" + n + " " + expected);
  }

  /** The rolling count on Millrace at the engine's parallelism. */
  @Benchmark
  public long millrace(Engine engine, RecordCounter counter) throws Exception {
    String id = "keyed-" + RUNS.incrementAndGet();
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(engine.parallelism);
    env.fromSource(
            new DataGeneratorSource<>(ClickGenerator::click, n, Click.class),
            WatermarkStrategy.noWatermarks(),
            "clicks")
        .keyBy(Click::adId)
        .process(new RollingCount())
        .addSink(new CountSumSink(id));
    env.execute("keyed rolling count");
    Figures actual = new Figures(
        RunCounters.take(id + "/emissions"),
        RunCounters.take(id + "/ones"),
        RunCounters.take(id + "/sum"));
    check("Millrace p=" + engine.parallelism, actual);
    counter.records += n;
    return actual.sumOfEmittedCounts();
  }

  /** The same per-key counting in a plain single-threaded loop. */
  @Benchmark
  public long handLoop(RecordCounter counter) {
    Figures actual = loop(n);
    check("hand loop", actual);
    counter.records += n;
    return actual.sumOfEmittedCounts();
  }

  static Figures loop(long n) {
    Map<Long, long[]> counts = new HashMap<>();
    long emissions = 0;
    long ones = 0;
    long sum = 0;
    for (long i = 0; i < n; i++) {
      Click c = ClickGenerator.click(i);
      long[] count = counts.computeIfAbsent(c.adId(), k -> new long[1]);
      long updated = ++count[0];
      emissions++;
      if (updated == 1) {
        ones++;
      }
      sum += updated;
    }
    long finalTotal = 0;
    for (long[] count : counts.values()) {
      finalTotal += count[0];
    }
    if (finalTotal != n || ones != counts.size()) {
      throw new IllegalStateException("hand loop: final counts sum to " + finalTotal
          + " over " + counts.size() + " keys (" + ones + " first emissions) for n=" + n);
    }
    return new Figures(emissions, ones, sum);
  }

  private void check(String who, Figures actual) {
    if (!actual.equals(expected)) {
      throw new IllegalStateException(
          who + " produced " + actual + " for n=" + n + "; the hand loop produces " + expected);
    }
  }

  /** Counts clicks per key in keyed state and emits each key's new count. */
  static final class RollingCount extends KeyedProcessFunction<Long, Click, Long> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Click click, Context ctx, Collector<Long> out) throws Exception {
      Long current = count.value();
      long updated = current == null ? 1 : current + 1;
      count.update(updated);
      out.collect(updated);
    }
  }

  /** Counts emissions, emissions of 1 and the sum of the emitted counts per subtask. */
  static final class CountSumSink extends RichSinkFunction<Long> {
    private static final long serialVersionUID = 1L;

    private final String id;
    private long emissions;
    private long ones;
    private long sum;

    CountSumSink(String id) {
      this.id = id;
    }

    @Override
    public void invoke(Long value) {
      long v = value;
      emissions++;
      if (v == 1) {
        ones++;
      }
      sum += v;
    }

    @Override
    public void close() {
      RunCounters.add(id + "/emissions", emissions);
      RunCounters.add(id + "/ones", ones);
      RunCounters.add(id + "/sum", sum);
    }
  }
}
