package io.millrace.benchmarks.suite;

import io.millrace.api.CloseableIterator;
import io.millrace.api.StreamExecutionEnvironment;

/**
 * Workload S: ten elements → {@code map} → collected by the caller, one whole job. Its
 * {@link #main} runs one such job in a fresh JVM and prints its wall time, for the suite's
 * "first job in a fresh JVM" figure.
 */
public final class StartupJob {
  /** The elements of S. */
  static final int ELEMENTS = 10;
  /** The line {@link #main} prints, followed by the job's wall time in nanoseconds. */
  static final String FIRST_JOB_PREFIX = "first-job-nanos=";

  private StartupJob() {}

  /**
   * Runs S at {@code parallelism} (the map's; the elements come from a non-parallel source) and
   * returns the sum of the collected elements, {@code 2 × (1 + … + 10) = 110}, after checking
   * that all ten arrived.
   */
  public static long run(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    long sum = 0;
    int collected = 0;
    try (CloseableIterator<Long> results = env.fromElements(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)
        .map(x -> x * 2)
        .executeAndCollect()) {
      while (results.hasNext()) {
        sum += results.next();
        collected++;
      }
    }
    if (collected != ELEMENTS) {
      throw new IllegalStateException("S collected " + collected + " elements, expected " + ELEMENTS);
    }
    return sum;
  }

  /**
   * Runs one S job at parallelism {@code args[0]} (default 2) in this (fresh) JVM and prints
   * {@value #FIRST_JOB_PREFIX} and its wall time in nanoseconds: environment, graph,
   * {@code execute} and collecting the results, with every class loaded on the way.
   */
  public static void main(String[] args) throws Exception {
    int parallelism = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    long start = System.nanoTime();
    run(parallelism);
    long nanos = System.nanoTime() - start;
    System.out.println(FIRST_JOB_PREFIX + nanos);
  }
}
