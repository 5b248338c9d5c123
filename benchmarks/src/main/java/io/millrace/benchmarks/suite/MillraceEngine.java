package io.millrace.benchmarks.suite;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.benchmarks.TrialBackend;
import io.millrace.benchmarks.W1StatelessChainBenchmark;
import io.millrace.benchmarks.W2TumblingCountBenchmark;
import io.millrace.benchmarks.W4SlidingSumBenchmark;
import io.millrace.benchmarks.W5SessionCountBenchmark;
import io.millrace.benchmarks.W6CepBenchmark;
import io.millrace.benchmarks.W7CheckpointedTumblingCountBenchmark;
import io.millrace.runtime.execution.CheckpointStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Millrace, local execution: every workload, each run a new job on a new local environment,
 * built by the workload's benchmark class ({@code W1StatelessChainBenchmark.runJob} …). W3 gets a
 * fresh RocksDB directory per run and W7 a fresh checkpoint directory, both deleted afterwards.
 */
public final class MillraceEngine implements WorkloadEngine {

  @Override
  public String name() {
    return "millrace";
  }

  @Override
  public boolean supports(Workload workload) {
    return true;
  }

  @Override
  public Outcome run(Workload workload, long events, int parallelism) throws Exception {
    switch (workload) {
      case W1: {
        long survivors = W1StatelessChainBenchmark.runJob(env(parallelism), events);
        return new Outcome(Long.toString(survivors), "");
      }
      case W2: {
        var figures = W2TumblingCountBenchmark.runJob(env(parallelism), events, "W2 tumbling count");
        return new Outcome(Long.toString(figures.sumOfCounts()), "windows=" + figures.windows());
      }
      case W3: {
        try (TrialBackend backend = TrialBackend.of(TrialBackend.ROCKSDB, "millrace-suite-w3-")) {
          var figures = W2TumblingCountBenchmark.runJob(
              env(parallelism).setStateBackend(backend.config()), events, "W3 tumbling count on RocksDB");
          return new Outcome(Long.toString(figures.sumOfCounts()), "windows=" + figures.windows());
        }
      }
      case W4: {
        var figures = W4SlidingSumBenchmark.runJob(env(parallelism), events);
        return new Outcome(Checks.decimal(figures.sumOfSums()), "windows=" + figures.windows());
      }
      case W5: {
        var figures = W5SessionCountBenchmark.runJob(env(parallelism), events);
        return new Outcome(Long.toString(figures.sumOfCounts()), "sessions=" + figures.sessions());
      }
      case W6: {
        var figures = W6CepBenchmark.runJob(env(parallelism), events);
        return new Outcome(Long.toString(figures.matches()), "sumOfGaps=" + figures.sumOfGaps());
      }
      case W7:
        return checkpointed(events, parallelism);
      case S:
        return new Outcome(Integer.toString(StartupJob.ELEMENTS), "sum=" + StartupJob.run(parallelism));
      default:
        throw new IllegalArgumentException("no Millrace job for workload " + workload);
    }
  }

  private static Outcome checkpointed(long events, int parallelism) throws Exception {
    Path storage = Files.createTempDirectory("millrace-suite-w7-");
    try {
      var run = W7CheckpointedTumblingCountBenchmark.runJob(parallelism, events, storage);
      List<CheckpointStats> checkpoints = run.checkpoints().stream().filter(s -> !s.savepoint()).toList();
      double meanMillis = checkpoints.stream().mapToLong(CheckpointStats::durationMillis).average().orElse(0);
      double meanMiB = checkpoints.stream().mapToLong(CheckpointStats::bytes).average().orElse(0) / (1 << 20);
      return new Outcome(Long.toString(run.figures().sumOfCounts()), String.format(Locale.ROOT,
          "windows=%d checkpoints=%d mean %.0f ms %.1f MiB",
          run.figures().windows(), checkpoints.size(), meanMillis, meanMiB));
    } finally {
      W7CheckpointedTumblingCountBenchmark.deleteTree(storage);
    }
  }

  private static StreamExecutionEnvironment env(int parallelism) {
    return StreamExecutionEnvironment.createLocalEnvironment(parallelism);
  }
}
