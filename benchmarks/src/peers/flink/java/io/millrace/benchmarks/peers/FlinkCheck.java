package io.millrace.benchmarks.peers;

import io.millrace.benchmarks.suite.Workload;
import io.millrace.benchmarks.suite.WorkloadEngine.Outcome;
import io.millrace.benchmarks.workload.ClickGenerator;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every workload of the Flink peer and compares its check figures with the hand loops of
 * the {@code W*Benchmark} classes (their package-private static {@code loop(n)}, called by
 * reflection), then optionally times each workload once:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.millrace.benchmarks.peers.FlinkCheck [n [parallelism [timedN]]]
 * </pre>
 *
 * <p>Around Flink's W3 it runs W2's Millrace job on Millrace's RocksDB backend in the same JVM
 * (Millrace's rocksdbjni and Flink's frocksdbjni side by side) and prints its figures.
 *
 * <p>Defaults: n = 100,000, parallelism 2, no timing. With {@code timedN}, each workload runs
 * once more over {@code timedN} events (S over 10), and its records/s (N / wall time of the
 * run) are printed. Exits with status 1 if any figure disagrees.
 */
public final class FlinkCheck {
  private FlinkCheck() {}

  /** See the class comment. */
  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    long timedN = args.length > 2 ? Long.parseLong(args[2]) : 0;
    FlinkEngine flink = new FlinkEngine();
    List<String> failures = new ArrayList<>();
    System.out.printf("%-3s %-30s %-40s %s%n", "", "flink check / detail", "loop", "agree");
    for (Workload w : Workload.values()) {
      if (!flink.supports(w)) {
        continue;
      }
      long events = w == Workload.S ? w.defaultEvents() : n;
      if (w == Workload.W3) {
        System.out.println("    Millrace W3 on its RocksDB before Flink's: " + millraceOnRocksDb(events, parallelism));
      }
      Outcome outcome = flink.run(w, events, parallelism);
      if (w == Workload.W3) {
        System.out.println("    Millrace W3 on its RocksDB after Flink's:  " + millraceOnRocksDb(events, parallelism));
      }
      String[] loop = loopFigures(w, events);
      boolean agree = outcome.check().equals(loop[0]) && outcome.detail().equals(loop[1]);
      if (!agree) {
        failures.add(w.name());
      }
      System.out.printf("%-3s %-30s %-40s %s%n", w, outcome.check() + " / " + outcome.detail(),
          loop[0] + " / " + loop[1] + loop[2], agree ? "yes" : "NO");
    }
    if (timedN > 0) {
      System.out.printf("%ntimed once at p=%d:%n", parallelism);
      for (Workload w : Workload.values()) {
        if (!flink.supports(w)) {
          continue;
        }
        long events = w == Workload.S ? w.defaultEvents() : timedN;
        long start = System.nanoTime();
        Outcome outcome = flink.run(w, events, parallelism);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-3s n=%-10d %8.2f s %14.0f records/s   check %s %s%n",
            w, events, seconds, events / seconds, outcome.check(), outcome.detail());
      }
    }
    flink.shutDown();
    if (!failures.isEmpty()) {
      System.out.println("DISAGREE: " + failures);
      System.exit(1);
    }
    System.out.println("all check figures agree");
  }

  /** The loop's {check, detail, a note} in the Flink peer's format. */
  private static String[] loopFigures(Workload w, long n) throws Exception {
    switch (w) {
      case W1:
        return new String[] {String.valueOf(loop("W1StatelessChainBenchmark", n)), "", ""};
      case W2:
      case W3: {
        long[] f = components(loop("W2TumblingCountBenchmark", n));
        return new String[] {String.valueOf(f[1]), "windows=" + f[0], ""};
      }
      case W4: {
        Object figures = loop("W4SlidingSumBenchmark", n);
        long windows = components(figures)[0];
        long cents = 0;
        for (long i = 0; i < n; i++) {
          cents += Math.round(ClickGenerator.click(i).amount() * 100);
        }
        return new String[] {FlinkEngine.fixedDecimal(6 * cents), "windows=" + windows,
            " (6 x exact sum; the loop's double: " + figures + ")"};
      }
      case W5: {
        long[] f = components(loop("W5SessionCountBenchmark", n));
        return new String[] {String.valueOf(f[1]), "sessions=" + f[0], ""};
      }
      case W6: {
        long[] f = components(loop("W6CepBenchmark", n));
        return new String[] {String.valueOf(f[0]), "sum of gaps=" + f[1], ""};
      }
      case S:
        return new String[] {String.valueOf(n), "", ""};
      default:
        throw new IllegalArgumentException(w.name());
    }
  }

  /**
   * W2's Millrace job on Millrace's RocksDB backend (rocksdbjni, in the application class loader)
   * in this JVM, where Flink's W3 loads Flink's RocksDB fork (same package and library name) in
   * its job's class loader: both must keep working side by side.
   */
  private static Object millraceOnRocksDb(long n, int parallelism) throws Exception {
    Path directory = Files.createTempDirectory("millrace-w3-");
    try {
      io.millrace.api.StreamExecutionEnvironment env =
          io.millrace.api.StreamExecutionEnvironment.createLocalEnvironment(parallelism)
              .setStateBackend(new EmbeddedRocksDBStateBackend().setLocalDirectory(directory));
      Method runJob = Class.forName("io.millrace.benchmarks.W2TumblingCountBenchmark").getDeclaredMethod(
          "runJob", io.millrace.api.StreamExecutionEnvironment.class, long.class, String.class);
      runJob.setAccessible(true);
      return runJob.invoke(null, env, n, "W3 on Millrace's RocksDB");
    } finally {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** {@code io.millrace.benchmarks.<benchmark>.loop(n)}: package-private, hence reflection. */
  private static Object loop(String benchmark, long n) throws Exception {
    Method loop = Class.forName("io.millrace.benchmarks." + benchmark).getDeclaredMethod("loop", long.class);
    loop.setAccessible(true);
    return loop.invoke(null, n);
  }

  /** A loop's {@code Figures} record as numbers (a {@code double} component truncated). */
  private static long[] components(Object figures) throws Exception {
    RecordComponent[] rc = figures.getClass().getRecordComponents();
    long[] values = new long[rc.length];
    for (int i = 0; i < rc.length; i++) {
      Method accessor = rc[i].getAccessor();
      accessor.setAccessible(true);
      values[i] = ((Number) accessor.invoke(figures)).longValue();
    }
    return values;
  }
}
