package io.millrace.benchmarks;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.benchmarks.W2TumblingCountBenchmark.Figures;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload W3 (WORKLOADS.md): W2's job — clicks in event time → {@code keyBy(adId)} → tumbling
 * event-time windows of 60 s → count → sink — with its window state on the RocksDB backend
 * ({@code backend=rocksdb}, default memory settings, a fresh local directory per trial deleted
 * afterwards). The baseline is the same job on the heap backend ({@code backend=heap}), i.e. W2,
 * in the same run. One operation is one whole job over {@code n} events; {@code :records} is
 * records/second.
 *
 * <p>Check figures, per run, against W2's hand loop: the sum of the counts = {@code n}; the
 * number of (ad, window) results = the loop's.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class W3RocksDBTumblingCountBenchmark {

  /** Events per job. */
  @Param("5000000")
  public long n;

  /** Parallelism of every operator of the job. */
  @Param("2")
  public int parallelism;

  /** Where the window state lives: {@code rocksdb} (W3) or {@code heap} (W2, the baseline). */
  @Param({TrialBackend.HEAP, TrialBackend.ROCKSDB})
  public String backend;

  private Figures expected;
  private TrialBackend trialBackend;

  /** Computes the check figures with W2's hand loop and prepares the backend. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    expected = W2TumblingCountBenchmark.loop(n);
    System.out.println("W3 check figures: n=" + n + " " + expected);
    trialBackend = TrialBackend.of(backend, "millrace-w3-");
  }

  /** Deletes the RocksDB local directory. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    trialBackend.close();
  }

  /** W2's job on Millrace with the trial's backend. */
  @Benchmark
  public long millrace(RecordCounter counter) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism)
        .setStateBackend(trialBackend.config());
    Figures actual = W2TumblingCountBenchmark.runJob(env, n, "W3 tumbling count on " + backend);
    if (!actual.equals(expected)) {
      throw new IllegalStateException("Millrace p=" + parallelism + " on " + backend + " produced "
          + actual + " for n=" + n + "; the hand loop produces " + expected);
    }
    counter.records += n;
    return actual.windows();
  }
}
