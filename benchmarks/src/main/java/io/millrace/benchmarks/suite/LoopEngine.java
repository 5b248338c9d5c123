package io.millrace.benchmarks.suite;

import io.millrace.benchmarks.W1StatelessChainBenchmark;
import io.millrace.benchmarks.W2TumblingCountBenchmark;
import io.millrace.benchmarks.W4SlidingSumBenchmark;
import io.millrace.benchmarks.W5SessionCountBenchmark;
import io.millrace.benchmarks.W6CepBenchmark;

/**
 * The hand-written single-threaded loops of the benchmark classes: the practical limit of each
 * workload on one core, whatever {@code parallelism} says (the suite runs them once, as
 * parallelism 1).
 *
 * <p>Runs the workloads that have a loop of their own: W1, W2, W4, W5, W6. Not W3 and W7: they
 * are W2 with another state backend or with checkpoints, which a loop does not have (their
 * benchmarks check against W2's loop, and so does the suite's test). Not S: a loop over ten
 * elements takes well under a microsecond, and what S measures is a job's start-up, which a
 * loop has none of.
 */
public final class LoopEngine implements WorkloadEngine {

  @Override
  public String name() {
    return "loop";
  }

  @Override
  public boolean supports(Workload workload) {
    switch (workload) {
      case W1:
      case W2:
      case W4:
      case W5:
      case W6:
        return true;
      default:
        return false;
    }
  }

  @Override
  public Outcome run(Workload workload, long events, int parallelism) {
    switch (workload) {
      case W1:
        return new Outcome(Long.toString(W1StatelessChainBenchmark.loop(events)), "");
      case W2: {
        var figures = W2TumblingCountBenchmark.loop(events);
        return new Outcome(Long.toString(figures.sumOfCounts()), "windows=" + figures.windows());
      }
      case W4: {
        var figures = W4SlidingSumBenchmark.loop(events);
        return new Outcome(Checks.decimal(figures.sumOfSums()), "windows=" + figures.windows());
      }
      case W5: {
        var figures = W5SessionCountBenchmark.loop(events);
        return new Outcome(Long.toString(figures.sumOfCounts()), "sessions=" + figures.sessions());
      }
      case W6: {
        var figures = W6CepBenchmark.loop(events);
        return new Outcome(Long.toString(figures.matches()), "sumOfGaps=" + figures.sumOfGaps());
      }
      default:
        throw new IllegalArgumentException("the loop does not run workload " + workload + " (see LoopEngine)");
    }
  }
}
