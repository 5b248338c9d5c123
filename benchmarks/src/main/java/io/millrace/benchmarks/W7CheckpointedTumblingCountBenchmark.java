package io.millrace.benchmarks;

import io.millrace.api.JobClient;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.benchmarks.W2TumblingCountBenchmark.Figures;
import io.millrace.runtime.execution.CheckpointStats;
import io.millrace.runtime.execution.LocalJobClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Workload W7 (WORKLOADS.md): W2's job — clicks in event time → {@code keyBy(adId)} → tumbling
 * event-time windows of 60 s → count (heap state) → sink — with checkpoints every second into a
 * temporary directory on local disk ({@code checkpointing=true}). The baseline is the same job
 * without checkpoints ({@code checkpointing=false}), i.e. W2, in the same run: W7's figure is
 * the ratio of the two. One operation is one whole job over {@code n} events; {@code :records}
 * is records/second.
 *
 * <p>Check figures, per run, against W2's hand loop: the sum of the counts = {@code n}; the
 * number of (ad, window) results = the loop's. For the checkpointed trial the tear-down prints
 * how many checkpoints the measured and warm-up jobs took, their mean duration and mean size
 * (from {@link io.millrace.runtime.execution.LocalJob#checkpointStats()}). A job deletes its
 * checkpoints when it finishes; the trial's directory is deleted at its end.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class W7CheckpointedTumblingCountBenchmark {
  /** The checkpoint interval of W7. */
  static final Duration INTERVAL = Duration.ofSeconds(1);

  /** Events per job (W7's N). */
  @Param("20000000")
  public long n;

  /** Parallelism of every operator of the job. */
  @Param("2")
  public int parallelism;

  /** Whether the job takes checkpoints (W7) or not (W2, the baseline). */
  @Param({"false", "true"})
  public boolean checkpointing;

  private Figures expected;
  private Path storage;
  private Thread deleteAtExit;
  /** The checkpoints of every job of the trial (warm-up included), in order. */
  private final List<CheckpointStats> stats = new ArrayList<>();
  private int jobs;

  /** Computes the check figures with W2's hand loop and creates the checkpoint directory. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    expected = W2TumblingCountBenchmark.loop(n);
    System.out.println("W7 check figures: n=" + n + " " + expected);
    if (checkpointing) {
      storage = Files.createTempDirectory("millrace-w7-checkpoints");
      Path directory = storage;
      // JMH skips @TearDown when a benchmark throws: the forked JVM's exit deletes it then.
      deleteAtExit = new Thread(() -> deleteTree(directory), "delete " + directory);
      Runtime.getRuntime().addShutdownHook(deleteAtExit);
    }
  }

  /** Prints the checkpoint figures and deletes the checkpoint directory. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (!checkpointing) {
      return;
    }
    List<CheckpointStats> checkpoints = stats.stream().filter(s -> !s.savepoint()).toList();
    double meanMillis = checkpoints.stream().mapToLong(CheckpointStats::durationMillis).average().orElse(0);
    double meanBytes = checkpoints.stream().mapToLong(CheckpointStats::bytes).average().orElse(0);
    long maxMillis = checkpoints.stream().mapToLong(CheckpointStats::durationMillis).max().orElse(0);
    System.out.println(String.format(Locale.ROOT,
        "W7 checkpoints: %d jobs took %d checkpoints (%.2f per job), mean duration %.1f ms (max %d ms),"
            + " mean size %.0f bytes (%.2f MiB)",
        jobs, checkpoints.size(), jobs == 0 ? 0.0 : (double) checkpoints.size() / jobs, meanMillis, maxMillis,
        meanBytes, meanBytes / (1 << 20)));
    Runtime.getRuntime().removeShutdownHook(deleteAtExit);
    deleteTree(storage);
  }

  /** W2's job, with checkpoints every second if the trial says so. */
  @Benchmark
  public long millrace(RecordCounter counter) throws Exception {
    Run run = runJob(parallelism, n, checkpointing ? storage : null);
    Figures actual = run.figures();
    if (!actual.equals(expected)) {
      throw new IllegalStateException("Millrace p=" + parallelism + " checkpointing=" + checkpointing
          + " produced " + actual + " for n=" + n + "; the hand loop produces " + expected);
    }
    stats.addAll(run.checkpoints());
    jobs++;
    counter.records += n;
    return actual.windows();
  }

  /**
   * What one job of W2 produced: its sink's figures and its checkpoints (savepoints included;
   * none without checkpointing).
   */
  public record Run(Figures figures, List<CheckpointStats> checkpoints) {}

  /**
   * Runs W2's job over {@code n} clicks at {@code parallelism}, with checkpoints every
   * {@link #INTERVAL} into {@code storage}, or without checkpoints if {@code storage} is null.
   * The workload suite runs it too.
   */
  public static Run runJob(int parallelism, long n, Path storage) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    if (storage != null) {
      env.enableCheckpointing(INTERVAL);
      env.getCheckpointConfig().setCheckpointStorage(storage);
    }
    String id = W2TumblingCountBenchmark.addJob(env, n);
    JobClient client = env.executeAsync(storage != null ? "W7 checkpointed tumbling count" : "W2 tumbling count");
    client.getJobExecutionResult().get();
    return new Run(W2TumblingCountBenchmark.figuresOf(id), ((LocalJobClient) client).job().checkpointStats());
  }

  /** Deletes {@code directory} and everything in it, if it exists. */
  public static void deleteTree(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(directory)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
