package io.millrace.benchmarks.peers;

import io.millrace.benchmarks.RunCounters;
import io.millrace.benchmarks.suite.Workload;
import io.millrace.benchmarks.suite.WorkloadEngine;
import io.millrace.benchmarks.workload.Click;
import io.millrace.benchmarks.workload.ClickGenerator;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The workloads of WORKLOADS.md on Apache Flink 2.x local execution: a new
 * {@code StreamExecutionEnvironment.createLocalEnvironment(parallelism)} (and so a new
 * MiniCluster) per run, as a user embedding Flink would run a job. The clicks come from Flink's
 * {@link DataGeneratorSource} over {@link ClickGenerator#click} (each source subtask a contiguous
 * range of indexes), with watermarks of bounded out-of-orderness 2 s on {@code ts} wherever event
 * time is used; Flink's defaults otherwise (object reuse off, 200 ms watermark interval, heap
 * state unless RocksDB).
 *
 * <p>Check figures are Millrace's (the {@code W*Benchmark} classes): sinks count and sum per
 * subtask and report once, in {@code close()}, into {@link RunCounters} under the run's id. W4's
 * sum of sums is reported exactly in cents (every amount is a whole number of cents, and each
 * window's double sum is rounded to cents before it is added), as a fixed-decimal number with
 * two decimals.
 *
 * <p>W3 runs on Flink's {@code EmbeddedRocksDBStateBackend} (default memory settings, a fresh
 * local directory per run, deleted afterwards) with Flink's own RocksDB, the fork
 * {@code frocksdbjni}. That fork and Millrace's {@code rocksdbjni} share the package
 * {@code org.rocksdb} and the native library's name, so they cannot share a class loader: the
 * backend and the fork stay out of the shaded jar, and W3's job gets their jars as
 * {@code pipeline.jars}, which Flink loads child-first in the job's class loader (see
 * {@link #rocksDbJars}). Each W3 run loads the native library once more, in a new class loader.
 */
public final class FlinkEngine implements WorkloadEngine {
  private static final AtomicLong RUNS = new AtomicLong();

  /** The bound of the watermark strategy, milliseconds (WORKLOADS.md). */
  static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(2_000);
  /** W2/W3's tumbling window. */
  static final Duration TUMBLING = Duration.ofSeconds(60);
  /** W4's sliding window and its slide. */
  static final Duration SLIDING_SIZE = Duration.ofSeconds(60);
  static final Duration SLIDING_SLIDE = Duration.ofSeconds(10);
  /** W5's session gap. */
  static final Duration SESSION_GAP = Duration.ofSeconds(30);
  /** W6: a small amount ({@code < SMALL}), next a large one ({@code > LARGE}), within 5 min. */
  static final double SMALL = 10;
  static final double LARGE = 1000;
  static final Duration CEP_WITHIN = Duration.ofMinutes(5);

  /** The Flink version of benchmarks/pom.xml: that of the RocksDB backend's jar. */
  static final String FLINK_VERSION = "2.3.0";
  /** The {@code frocksdbjni} version flink-statebackend-rocksdb {@value #FLINK_VERSION} declares. */
  static final String FROCKSDB_VERSION = "8.10.0-ververica-1.0";
  /** A system property listing the RocksDB backend's jars instead (see {@link #rocksDbJars}). */
  static final String ROCKSDB_JARS_PROPERTY = "millrace.flink.rocksdb.jars";
  /** {@code RocksDBOptions.LOCAL_DIRECTORIES}: that class is not on the application class path. */
  private static final ConfigOption<String> ROCKSDB_LOCAL_DIRECTORIES =
      ConfigOptions.key("state.backend.rocksdb.localdir").stringType().noDefaultValue();

  /** A public no-arg constructor, as the suite requires: nothing is kept between runs. */
  public FlinkEngine() {}

  @Override
  public String name() {
    return "flink";
  }

  @Override
  public boolean supports(Workload workload) {
    return workload != Workload.W7;
  }

  @Override
  public Outcome run(Workload workload, long events, int parallelism) throws Exception {
    String id = "flink-" + workload + "-" + RUNS.incrementAndGet();
    switch (workload) {
      case W1:
        return w1(events, parallelism, id);
      case W2:
        return tumblingCount(StreamExecutionEnvironment.createLocalEnvironment(parallelism), events, id);
      case W3:
        return w3(events, parallelism, id);
      case W4:
        return w4(events, parallelism, id);
      case W5:
        return w5(events, parallelism, id);
      case W6:
        return w6(events, parallelism, id);
      case S:
        return startUp(events, parallelism);
      default:
        throw new IllegalArgumentException("the Flink peer does not run " + workload);
    }
  }

  /** {@code n} generated clicks, no timestamps or watermarks. */
  static DataStream<Click> clicks(StreamExecutionEnvironment env, long n) {
    return env.fromSource(source(n), WatermarkStrategy.noWatermarks(), "clicks");
  }

  /** {@code n} generated clicks in event time: timestamps {@code ts}, bounded out-of-orderness 2 s. */
  static DataStream<Click> eventTimeClicks(StreamExecutionEnvironment env, long n) {
    return env.fromSource(
        source(n),
        WatermarkStrategy.<Click>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
            .withTimestampAssigner((click, previous) -> click.ts()),
        "clicks");
  }

  private static DataGeneratorSource<Click> source(long n) {
    return new DataGeneratorSource<>(ClickGenerator::click, n, TypeInformation.of(Click.class));
  }

  private static Outcome w1(long n, int parallelism, String id) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    clicks(env, n)
        .map(c -> c.adId() * 31 + c.userId())
        .returns(Types.LONG)
        .filter(v -> v % 3 != 0)
        .sinkTo(new CountAndSum(id));
    env.execute("W1 stateless chain");
    long survivors = RunCounters.take(id + "/count");
    RunCounters.take(id + "/sum");
    return new Outcome(Long.toString(survivors), "");
  }

  /** W2's job (W3's on RocksDB): tumbling 60 s count per ad; check = sum of counts. */
  private static Outcome tumblingCount(StreamExecutionEnvironment env, long n, String id) throws Exception {
    byAd(eventTimeClicks(env, n))
        .window(TumblingEventTimeWindows.of(TUMBLING))
        .aggregate(new Count())
        .sinkTo(new CountAndSum(id));
    env.execute("tumbling count");
    return countFigures(id, "windows");
  }

  private static Outcome w3(long n, int parallelism, String id) throws Exception {
    Path localDirectory = Files.createTempDirectory("flink-w3-");
    try {
      Configuration config = new Configuration();
      config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
      config.set(ROCKSDB_LOCAL_DIRECTORIES, localDirectory.toString());
      config.set(PipelineOptions.JARS, rocksDbJars());
      return tumblingCount(StreamExecutionEnvironment.createLocalEnvironment(parallelism, config), n, id);
    } finally {
      deleteTree(localDirectory);
    }
  }

  /**
   * The jars of Flink's RocksDB backend and its RocksDB fork, as URLs for {@code pipeline.jars}:
   * those the system property {@value #ROCKSDB_JARS_PROPERTY} lists (separated by the path
   * separator), or else those in the local Maven repository ({@code maven.repo.local}, by default
   * {@code ~/.m2/repository}), where {@code mvn -Ppeers package} puts them.
   */
  static List<String> rocksDbJars() {
    String listed = System.getProperty(ROCKSDB_JARS_PROPERTY);
    List<Path> jars;
    if (listed != null) {
      jars = Stream.of(listed.split(File.pathSeparator)).map(Path::of).toList();
    } else {
      Path repository = Path.of(System.getProperty("maven.repo.local",
          Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
      jars = List.of(
          repository.resolve("org/apache/flink/flink-statebackend-rocksdb/" + FLINK_VERSION
              + "/flink-statebackend-rocksdb-" + FLINK_VERSION + ".jar"),
          repository.resolve("com/ververica/frocksdbjni/" + FROCKSDB_VERSION
              + "/frocksdbjni-" + FROCKSDB_VERSION + ".jar"));
    }
    List<String> urls = new ArrayList<>();
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("W3 on Flink needs " + jar + " (Flink's RocksDB backend and its"
            + " RocksDB fork run in the job's class loader): run 'mvn -Ppeers package' in benchmarks/,"
            + " or list the jars in -D" + ROCKSDB_JARS_PROPERTY + "=...");
      }
      urls.add(jar.toUri().toString());
    }
    return urls;
  }

  private static Outcome w4(long n, int parallelism, String id) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    byAd(eventTimeClicks(env, n))
        .window(SlidingEventTimeWindows.of(SLIDING_SIZE, SLIDING_SLIDE))
        .aggregate(new SumOfAmounts())
        .sinkTo(new CountAndSumCents(id));
    env.execute("W4 sliding sum");
    long windows = RunCounters.take(id + "/count");
    long cents = RunCounters.take(id + "/sum");
    return new Outcome(fixedDecimal(cents), "windows=" + windows);
  }

  private static Outcome w5(long n, int parallelism, String id) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    eventTimeClicks(env, n)
        .keyBy(Click::userId, Types.LONG)
        .window(EventTimeSessionWindows.withGap(SESSION_GAP))
        .aggregate(new Count())
        .sinkTo(new CountAndSum(id));
    env.execute("W5 session count");
    return countFigures(id, "sessions");
  }

  private static Outcome w6(long n, int parallelism, String id) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    Pattern<Click, Click> pattern = Pattern.<Click>begin("small")
        .where(SimpleCondition.of(c -> c.amount() < SMALL))
        .next("large")
        .where(SimpleCondition.of(c -> c.amount() > LARGE))
        .within(CEP_WITHIN);
    CEP.pattern(eventTimeClicks(env, n).keyBy(Click::userId, Types.LONG), pattern)
        .inEventTime()
        .select(match -> match.get("large").get(0).ts() - match.get("small").get(0).ts(), Types.LONG)
        .sinkTo(new CountAndSum(id)); // counts the matches and sums their gaps
    env.execute("W6 CEP");
    long matches = RunCounters.take(id + "/count");
    long gaps = RunCounters.take(id + "/sum");
    return new Outcome(Long.toString(matches), "sum of gaps=" + gaps);
  }

  /** S: {@code n} elements → map → collect; check = the number collected. */
  private static Outcome startUp(long n, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<Long> collected = env.fromSequence(1, n)
        .map(v -> v * 2)
        .returns(Types.LONG)
        .executeAndCollect("S start-up", (int) n + 1);
    return new Outcome(Integer.toString(collected.size()), "");
  }

  private static KeyedStream<Click, Long> byAd(DataStream<Click> clicks) {
    return clicks.keyBy(Click::adId, Types.LONG);
  }

  private static Outcome countFigures(String id, String what) {
    long results = RunCounters.take(id + "/count");
    long sum = RunCounters.take(id + "/sum");
    return new Outcome(Long.toString(sum), what + "=" + results);
  }

  /** {@code cents} as a decimal number with two decimals, e.g. {@code 1234.05}. */
  static String fixedDecimal(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Counts the clicks of a window in a one-element {@code long[]} mutated in place; mergeable. */
  static final class Count implements AggregateFunction<Click, long[], Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(Click click, long[] count) {
      count[0]++;
      return count;
    }

    @Override
    public Long getResult(long[] count) {
      return count[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      return a;
    }
  }

  /** Sums the amounts of a window in a one-element {@code double[]} mutated in place. */
  static final class SumOfAmounts implements AggregateFunction<Click, double[], Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public double[] createAccumulator() {
      return new double[1];
    }

    @Override
    public double[] add(Click click, double[] sum) {
      sum[0] += click.amount();
      return sum;
    }

    @Override
    public Double getResult(double[] sum) {
      return sum[0];
    }

    @Override
    public double[] merge(double[] a, double[] b) {
      a[0] += b[0];
      return a;
    }
  }

  /**
   * A sink counting its values and summing them per subtask, in plain fields; each writer adds
   * both to {@link RunCounters} ({@code id + "/count"}, {@code id + "/sum"}) once, when it closes.
   */
  static class CountAndSum implements Sink<Long> {
    private static final long serialVersionUID = 1L;

    final String id;

    CountAndSum(String id) {
      this.id = id;
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      return new Writer<>(id, v -> v);
    }
  }

  /** As {@link CountAndSum} for W4's window sums: each rounded to cents before it is added. */
  static final class CountAndSumCents implements Sink<Double> {
    private static final long serialVersionUID = 1L;

    private final String id;

    CountAndSumCents(String id) {
      this.id = id;
    }

    @Override
    public SinkWriter<Double> createWriter(WriterInitContext context) {
      return new Writer<>(id, sum -> Math.round(sum * 100));
    }
  }

  /** What a value adds to a writer's sum. */
  interface Term<T> {
    long of(T value);
  }

  /** One sink subtask's count and sum. */
  static final class Writer<T> implements SinkWriter<T> {
    private final String id;
    private final Term<T> term;
    private long count;
    private long sum;

    Writer(String id, Term<T> term) {
      this.id = id;
      this.term = term;
    }

    @Override
    public void write(T value, Context context) {
      count++;
      sum += term.of(value);
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {
      RunCounters.add(id + "/count", count);
      RunCounters.add(id + "/sum", sum);
      count = 0;
      sum = 0;
    }
  }
}
