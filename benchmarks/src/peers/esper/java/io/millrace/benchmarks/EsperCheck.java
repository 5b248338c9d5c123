package io.millrace.benchmarks;

import io.millrace.benchmarks.peers.EsperEngine;
import io.millrace.benchmarks.suite.Workload;
import io.millrace.benchmarks.suite.WorkloadEngine.Outcome;

/**
 * Checks the Esper peer against W6's hand loop and times it once (compiled only with
 * {@code -Ppeers}; in this package to reach {@link W6CepBenchmark}'s loop):
 * {@code java -cp benchmarks/target/benchmarks.jar io.millrace.benchmarks.EsperCheck [checkN [timedN]]}.
 * Prints both figures for {@code checkN} (default 200,000) and fails if they differ; then runs
 * {@code timedN} (default 2,000,000) once untimed (the warm-up, which generates and sorts the
 * input) and once timed, and prints events per second of the timed run.
 */
public final class EsperCheck {
  private EsperCheck() {}

  public static void main(String[] args) throws Exception {
    long checkN = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
    long timedN = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
    EsperEngine esper = new EsperEngine();
    try {
      compare(esper, checkN);
      compare(esper, timedN); // also the warm-up of the timed run: generates and sorts its input
      long start = System.nanoTime();
      Outcome outcome = esper.run(Workload.W6, timedN, 1);
      long nanos = System.nanoTime() - start;
      System.out.printf("esper W6 n=%d: %d matches in %.3f s = %.0f events/s (sort excluded)%n",
          timedN, Long.parseLong(outcome.check()), nanos / 1e9, timedN * 1e9 / nanos);
    } finally {
      esper.shutDown();
    }
  }

  private static void compare(EsperEngine esper, long n) throws Exception {
    W6CepBenchmark.Figures loop = W6CepBenchmark.loop(n);
    Outcome outcome = esper.run(Workload.W6, n, 1);
    System.out.printf("n=%d: hand loop %d matches, sum of gaps %d ms; esper %s matches, %s%n",
        n, loop.matches(), loop.sumOfGaps(), outcome.check(), outcome.detail());
    if (!outcome.check().equals(Long.toString(loop.matches()))
        || !outcome.detail().equals("sum of gaps " + loop.sumOfGaps() + " ms")) {
      throw new IllegalStateException("Esper's W6 figures differ from the hand loop's for n=" + n);
    }
  }
}
