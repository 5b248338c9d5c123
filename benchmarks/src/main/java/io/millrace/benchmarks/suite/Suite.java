package io.millrace.benchmarks.suite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * The workload suite: every workload of {@code WORKLOADS.md} on Millrace, on the hand-written
 * loop and on the peers of the build ({@code -Ppeers}: Flink, Hazelcast Jet, Esper), in one
 * invocation, then one table of records/s, check figures and Millrace/engine ratios, and the
 * latency figures of L.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.millrace.benchmarks.suite.Suite \
 *     [--workloads W1,W2,...,S,L] [--scale 1] [--runs 3] [--parallelism 2] [--latency-seconds 5]
 * </pre>
 *
 * <p>Each workload × engine × parallelism: one warm-up run, then {@code --runs} measured runs;
 * the figure is the median wall time (records/s = N / that). W1 and W2 also run at parallelism
 * 1; the loop runs once per workload (it is single-threaded). S also runs its first job in fresh
 * JVMs (child processes on this class path). L runs on Millrace only.
 */
public final class Suite {
  /** The peers, by class name; absent from the default build. */
  static final List<String> PEERS = List.of(
      "io.millrace.benchmarks.peers.FlinkEngine",
      "io.millrace.benchmarks.peers.JetEngine",
      "io.millrace.benchmarks.peers.EsperEngine");

  private final Options options;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> latencyLines = new ArrayList<>();

  private Suite(Options options) {
    this.options = options;
  }

  /** Runs the suite; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    new Suite(Options.parse(args)).run();
  }

  /** One measured figure of the table. */
  record Row(Workload workload, String engine, long events, String parallelism, long medianNanos,
      String check, String detail, String error) {
    double recordsPerSecond() {
      return events * 1e9 / medianNanos;
    }
  }

  private void run() throws Exception {
    List<WorkloadEngine> engines = engines();
    System.out.printf(Locale.ROOT, "Workload suite: workloads %s%s, scale %s, %d runs after 1 warm-up,"
            + " parallelism %d, engines %s%n",
        options.workloads, options.latency ? " and L" : "", options.scale, options.runs, options.parallelism,
        engines.stream().map(WorkloadEngine::name).toList());
    for (Workload workload : options.workloads) {
      for (WorkloadEngine engine : engines) {
        if (!engine.supports(workload)) {
          continue;
        }
        for (int parallelism : parallelisms(workload, engine)) {
          measure(engine, workload, parallelism);
        }
        String note = engine.semanticsNote(workload);
        if (note != null && !note.isEmpty()) {
          notes.add(workload + " " + engine.name() + ": " + note);
        }
      }
      if (workload == Workload.S) {
        firstJobsInFreshJvms();
      }
    }
    for (WorkloadEngine engine : engines) {
      try {
        engine.shutDown();
      } catch (Exception e) {
        System.out.println(engine.name() + ": shutting down failed: " + e);
      }
    }
    if (options.latency) {
      latency();
    }
    printTable();
  }

  private List<WorkloadEngine> engines() {
    List<WorkloadEngine> engines = new ArrayList<>(List.of(new MillraceEngine(), new LoopEngine()));
    for (String className : PEERS) {
      String simpleName = className.substring(className.lastIndexOf('.') + 1);
      try {
        Class<?> type = Class.forName(className);
        engines.add((WorkloadEngine) type.getConstructor().newInstance());
      } catch (ClassNotFoundException e) {
        System.out.println(simpleName + " skipped: not in this build (build with -Ppeers)");
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        System.out.println(simpleName + " skipped: cannot start it: " + e);
      }
    }
    return engines;
  }

  /** W1 and W2 at 1 and at the suite's parallelism; the loop at 1; the rest at the suite's. */
  private int[] parallelisms(Workload workload, WorkloadEngine engine) {
    if (engine instanceof LoopEngine) {
      return new int[] {1};
    }
    if ((workload == Workload.W1 || workload == Workload.W2) && options.parallelism != 1) {
      return new int[] {1, options.parallelism};
    }
    return new int[] {options.parallelism};
  }

  private long events(Workload workload) {
    if (workload == Workload.S) {
      return workload.defaultEvents();
    }
    return Math.max(1, Math.round(workload.defaultEvents() * options.scale));
  }

  private void measure(WorkloadEngine engine, Workload workload, int parallelism) {
    long events = events(workload);
    String what = String.format(Locale.ROOT, "%s %s p=%d N=%,d", workload, engine.name(), parallelism, events);
    long[] nanos = new long[options.runs];
    WorkloadEngine.Outcome outcome = null;
    try {
      for (int run = 0; run <= options.runs; run++) {
        System.gc();
        long start = System.nanoTime();
        outcome = engine.run(workload, events, parallelism);
        long elapsed = System.nanoTime() - start;
        if (run > 0) {
          nanos[run - 1] = elapsed;
        }
        System.out.printf(Locale.ROOT, "%s %s: %,.1f ms, %,.0f records/s, check %s %s%n", what,
            run == 0 ? "warm-up" : "run " + run + "/" + options.runs, elapsed / 1e6, events * 1e9 / elapsed,
            outcome.check(), outcome.detail());
      }
      rows.add(new Row(workload, engine.name(), events, parallelismLabel(engine, parallelism), median(nanos),
          outcome.check(), outcome.detail(), null));
    } catch (Exception | OutOfMemoryError e) {
      System.out.println(what + " FAILED: " + e);
      rows.add(new Row(workload, engine.name(), events, parallelismLabel(engine, parallelism), 0, "", "",
          "FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  private static String parallelismLabel(WorkloadEngine engine, int parallelism) {
    return engine instanceof LoopEngine ? "1 (loop)" : Integer.toString(parallelism);
  }

  /** S: the first job in a fresh JVM, {@code --runs} child JVMs, the median. */
  private void firstJobsInFreshJvms() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
        StartupJob.class.getName(), Integer.toString(options.parallelism));
    long[] jobNanos = new long[options.runs];
    long[] processNanos = new long[options.runs];
    try {
      for (int run = 0; run < options.runs; run++) {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long nanos = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = reader.readLine()) != null; ) {
            if (line.startsWith(StartupJob.FIRST_JOB_PREFIX)) {
              nanos = Long.parseLong(line.substring(StartupJob.FIRST_JOB_PREFIX.length()).trim());
            } else {
              output.append(line).append('\n');
            }
          }
        }
        int exit = process.waitFor();
        processNanos[run] = System.nanoTime() - start;
        if (exit != 0 || nanos < 0) {
          throw new IllegalStateException("the fresh JVM exited with " + exit + ":\n" + output);
        }
        jobNanos[run] = nanos;
        System.out.printf(Locale.ROOT, "S millrace first job in a fresh JVM, run %d/%d: %.1f ms (JVM start to exit %.0f ms)%n",
            run + 1, options.runs, nanos / 1e6, processNanos[run] / 1e6);
      }
      rows.add(new Row(Workload.S, "millrace (fresh JVM)", StartupJob.ELEMENTS, Integer.toString(options.parallelism),
          median(jobNanos), Integer.toString(StartupJob.ELEMENTS),
          String.format(Locale.ROOT, "first job; JVM start to exit %.0f ms", median(processNanos) / 1e6), null));
    } catch (Exception e) {
      System.out.println("S first job in a fresh JVM FAILED: " + e);
      rows.add(new Row(Workload.S, "millrace (fresh JVM)", StartupJob.ELEMENTS, Integer.toString(options.parallelism),
          0, "", "", "FAILED: " + e));
    }
  }

  /** L: the maximum throughput, then paced runs at 10% and 50% of it, and buffer timeouts at 50%. */
  private void latency() throws Exception {
    int p = options.parallelism;
    long events = Math.max(100_000, Math.round(5_000_000 * options.scale));
    Latency.maxThroughput(p, events); // warm-up
    double max = Latency.maxThroughput(p, events);
    System.out.printf(Locale.ROOT, "L millrace p=%d: maximum throughput %,.0f records/s (N=%,d, unpaced)%n", p, max, events);
    Duration warmUp = Duration.ofSeconds(2);
    Duration measured = Duration.ofSeconds(options.latencySeconds);
    latencyLines.add(String.format(Locale.ROOT, "L (Millrace, p=%d): maximum throughput %,.0f records/s;"
        + " %d s measured per row after a %d s warm-up; latencies in microseconds", p, max,
        options.latencySeconds, warmUp.toSeconds()));
    latencyLines.add(String.format(Locale.ROOT, "%-5s %-15s %13s %13s %9s %9s %9s %9s", "load", "buffer timeout",
        "target/s", "achieved/s", "p50", "p99", "p99.9", "max"));
    Object[][] runs = {
        {0.10, null}, {0.50, null}, {0.50, Duration.ofMillis(1)}, {0.50, Duration.ZERO}};
    for (Object[] run : runs) {
      double load = (Double) run[0];
      Duration timeout = (Duration) run[1];
      Latency.Result result = Latency.paced(p, load * max, warmUp, measured, timeout);
      Histogram h = result.latencies();
      String line = String.format(Locale.ROOT, "%-5s %-15s %,13.0f %,13.0f %9.1f %9.1f %9.1f %9.1f",
          Math.round(load * 100) + "%", timeout == null ? "10 ms (default)" : timeout.toMillis() + " ms",
          result.targetRate(), result.achievedRate(), h.getValueAtPercentile(50) / 1e3,
          h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
      System.out.println("L " + line.strip());
      latencyLines.add(line);
    }
  }

  private void printTable() {
    System.out.println();
    System.out.printf(Locale.ROOT, "%-3s %-21s %12s %-8s %14s %11s %-20s %-44s %s%n", "id", "engine", "N", "p",
        "records/s", "wall ms", "check", "detail", "millrace/engine");
    for (Row row : rows) {
      if (row.error() != null) {
        System.out.printf(Locale.ROOT, "%-3s %-21s %,12d %-8s %s%n", row.workload(), row.engine(), row.events(),
            row.parallelism(), row.error());
        continue;
      }
      Row millrace = millraceRow(row);
      String ratio = millrace == null || millrace == row ? "" : String.format(Locale.ROOT, "%.3g",
          (double) row.medianNanos() / millrace.medianNanos());
      String differs = millrace != null && millrace != row && !Checks.agree(millrace.check(), row.check())
          ? "  CHECK DIFFERS (millrace " + millrace.check() + ")" : "";
      System.out.printf(Locale.ROOT, "%-3s %-21s %,12d %-8s %,14.0f %,11.1f %-20s %-44s %s%s%n", row.workload(),
          row.engine(), row.events(), row.parallelism(), row.recordsPerSecond(), row.medianNanos() / 1e6, row.check(),
          row.detail(), ratio, differs);
    }
    System.out.println("records/s = N / median wall time; millrace/engine = the engine's wall time / Millrace's at"
        + " the same parallelism (the loop's: Millrace at p=" + options.parallelism + "); above 1 = Millrace faster.");
    for (String note : notes) {
      System.out.println("note: " + note);
    }
    if (!latencyLines.isEmpty()) {
      System.out.println();
      latencyLines.forEach(System.out::println);
    }
  }

  /** Millrace's row to compare {@code row} with: same workload, same parallelism (the loop: the suite's). */
  private Row millraceRow(Row row) {
    if (row.engine().equals("millrace (fresh JVM)")) {
      return null;
    }
    String parallelism = row.parallelism().equals("1 (loop)") ? Integer.toString(options.parallelism) : row.parallelism();
    for (Row candidate : rows) {
      if (candidate.workload() == row.workload() && candidate.engine().equals("millrace")
          && candidate.parallelism().equals(parallelism) && candidate.error() == null) {
        return candidate;
      }
    }
    return null;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The command line. */
  record Options(Set<Workload> workloads, boolean latency, double scale, int runs, int parallelism,
      int latencySeconds) {
    static Options parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 == args.length) {
          throw new IllegalArgumentException("expected --option value pairs (--workloads W1,W2 --scale 0.1 --runs 3"
              + " --parallelism 2 --latency-seconds 5), got '" + args[i] + "'");
        }
        values.put(args[i], args[++i]);
      }
      Set<Workload> workloads = EnumSet.allOf(Workload.class);
      boolean latency = true;
      String list = values.remove("--workloads");
      if (list != null) {
        workloads = EnumSet.noneOf(Workload.class);
        latency = false;
        for (String id : list.split(",")) {
          String name = id.trim().toUpperCase(Locale.ROOT);
          if (name.equals("L")) {
            latency = true;
          } else {
            try {
              workloads.add(Workload.valueOf(name));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("--workloads: unknown workload '" + id + "'; known: "
                  + Arrays.toString(Workload.values()) + " and L", e);
            }
          }
        }
      }
      double scale = Double.parseDouble(values.getOrDefault("--scale", "1").trim());
      int runs = Integer.parseInt(values.getOrDefault("--runs", "3").trim());
      int parallelism = Integer.parseInt(values.getOrDefault("--parallelism", "2").trim());
      int latencySeconds = Integer.parseInt(values.getOrDefault("--latency-seconds", "5").trim());
      values.keySet().removeAll(List.of("--scale", "--runs", "--parallelism", "--latency-seconds"));
      if (!values.isEmpty()) {
        throw new IllegalArgumentException("unknown options " + values.keySet()
            + "; known: --workloads, --scale, --runs, --parallelism, --latency-seconds");
      }
      if (!(scale > 0) || runs < 1 || parallelism < 1 || latencySeconds < 1) {
        throw new IllegalArgumentException("--scale must be positive and --runs, --parallelism, --latency-seconds"
            + " at least 1, got " + scale + ", " + runs + ", " + parallelism + ", " + latencySeconds);
      }
      return new Options(workloads, latency, scale, runs, parallelism, latencySeconds);
    }
  }
}
