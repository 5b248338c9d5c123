package io.millrace.benchmarks.peers;

import io.millrace.benchmarks.suite.Workload;
import io.millrace.benchmarks.suite.WorkloadEngine.Outcome;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Runs each workload of {@link JetEngine} once at a small N and prints its figures beside the
 * hand loop's (the {@code loop(long)} of each W*Benchmark class), then, with a second argument,
 * times each once at that N. Not part of the suite: a check of the peer by hand.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.millrace.benchmarks.peers.JetCheck 100000 2000000</pre>
 */
public final class JetCheck {
  private static final List<Workload> WORKLOADS =
      List.of(Workload.W1, Workload.W2, Workload.W4, Workload.W5);

  private JetCheck() {}

  /** Arguments: the check's N (default 100000), optionally the timing's N, optionally the parallelism. */
  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    long timedN = args.length > 1 ? Long.parseLong(args[1]) : 0;
    int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;

    long startUp = System.nanoTime();
    JetEngine jet = new JetEngine();
    System.out.printf("member start-up: %.0f ms%n", (System.nanoTime() - startUp) / 1e6);
    try {
      for (Workload w : WORKLOADS) {
        Outcome outcome = jet.run(w, n, parallelism);
        System.out.printf("%s n=%d p=%d jet: check=%s %s | loop: %s%n",
            w, n, parallelism, outcome.check(), outcome.detail(), loopFigures(w, n));
      }
      for (int i = 0; i < 5; i++) {
        long t = System.nanoTime();
        Outcome s = jet.run(Workload.S, 10, parallelism);
        System.out.printf("S run %d: %.1f ms, collected %s%n", i, (System.nanoTime() - t) / 1e6, s.check());
      }
      if (timedN > 0) {
        for (Workload w : WORKLOADS) {
          jet.run(w, timedN / 10, parallelism); // warm-up
          long t = System.nanoTime();
          Outcome outcome = jet.run(w, timedN, parallelism);
          double seconds = (System.nanoTime() - t) / 1e9;
          System.out.printf("%s n=%d p=%d jet: %.2f s, %.0f records/s, check=%s %s%n",
              w, timedN, parallelism, seconds, timedN / seconds, outcome.check(), outcome.detail());
        }
      }
    } finally {
      jet.shutDown();
    }
  }

  /**
   * The hand loop's figures: {@code W*Benchmark.loop(n)}, package-private in
   * {@code io.millrace.benchmarks}, so called reflectively.
   */
  private static String loopFigures(Workload w, long n) throws ReflectiveOperationException {
    String className = switch (w) {
      case W1 -> "W1StatelessChainBenchmark";
      case W2 -> "W2TumblingCountBenchmark";
      case W4 -> "W4SlidingSumBenchmark";
      case W5 -> "W5SessionCountBenchmark";
      default -> throw new IllegalArgumentException(w.toString());
    };
    Method loop = Class.forName("io.millrace.benchmarks." + className).getDeclaredMethod("loop", long.class);
    loop.setAccessible(true);
    Object figures = loop.invoke(null, n);
    if (w == Workload.W4) {
      double amounts = 0;
      for (long i = 0; i < n; i++) {
        amounts += io.millrace.benchmarks.workload.ClickGenerator.click(i).amount();
      }
      return figures + String.format(java.util.Locale.ROOT, " 6*sum(amount)=%.2f", 6 * amounts);
    }
    return figures.toString();
  }
}
