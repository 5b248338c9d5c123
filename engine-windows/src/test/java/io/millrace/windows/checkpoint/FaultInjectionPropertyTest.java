package io.millrace.windows.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.RestartStrategies;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.Watermark;
import io.millrace.api.eventtime.WatermarkGenerator;
import io.millrace.api.eventtime.WatermarkOutput;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.CheckpointListener;
import io.millrace.api.functions.CheckpointedFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.FunctionInitializationContext;
import io.millrace.api.functions.FunctionSnapshotContext;
import io.millrace.api.functions.KeyedBroadcastProcessFunction;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.RichMapFunction;
import io.millrace.api.sink.FileSink;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RateLimiterStrategy;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.runtime.execution.LocalJob;
import io.millrace.runtime.execution.LocalJobClient;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateBackend;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A checkpointed job with keyed event-time windows with allowed lateness (and late events), a
 * keyed process function with event-time timers and a keyed broadcast function over a stream of
 * rules, writing into an exactly-once {@link FileSink}, fails at points a seeded random picks —
 * in the source's generator, in the process function, right before the sink, in a snapshot —
 * restarts from its latest checkpoint, and still writes exactly the lines of a failure-free run,
 * whose final keyed results equal a sequential reference. At parallelism 1, 2 and 4, on heap and
 * on full and incremental RocksDB. The seed is printed on failure; rerun with
 * {@code -Dmillrace.seed=<seed>}.
 *
 * <p>Why the output is deterministic although failures restore state mid-stream: the events come
 * from one source subtask with a watermark after every event that is a function of the event's
 * position alone (strictly increasing), so every keyed operator sees the same per-key sequence of
 * events and watermarks in every run. A restored operator starts at watermark
 * {@code Long.MIN_VALUE} (watermarks are not checkpointed, as in Flink), so the first replayed
 * event is judged against it instead of the watermark before it; the input therefore has late
 * events that a window still accepts (which refire it) but none beyond the allowed lateness,
 * whose dropping would depend on that watermark. The broadcast rules arrive in any order relative
 * to the events, so the broadcast function applies them only at the end of input, when all of
 * them are in broadcast state.
 *
 * <p>The windows use a {@link ProcessWindowFunction}, i.e. the general window operator. With
 * {@code aggregate(...)} (the slicing window operator) a late element that is the first after a
 * restore is lost: the operator registers a window's timers only when the element creates its
 * slice and fires at once only if the element is behind the watermark, which is
 * {@code Long.MIN_VALUE} right after the restore; the general operator's trigger registers the
 * end-of-window timer again and fires at the next watermark, as Flink does.
 */
class FaultInjectionPropertyTest {
  private static final long DATA_SEED = 0xFA_017L;
  private static final int EVENTS = 6_000;
  private static final int EVENTS_PER_SECOND = 5_000;
  private static final int RULES = 50;
  /** The rules outlast the events a little: checkpoints stop once any source finished. */
  private static final double RULES_PER_SECOND = RULES * EVENTS_PER_SECOND / (EVENTS * 1.3);
  private static final int KEYS = 8;
  private static final int KEY_CLASSES = 3;
  private static final long BASE_TS = 1_000;
  private static final long BOUND = 20;
  private static final long WINDOW = 100;
  private static final long LATENESS = 300;
  /** Late events are at most this far behind the watermark: late, but never beyond the lateness. */
  private static final long MAX_DELAY = LATENESS - WINDOW - 10;
  private static final long BUCKET = 250;

  /** Where a failure is injected. */
  enum FailurePoint { SOURCE, OPERATOR, SINK, SNAPSHOT }

  // Static: the engine copies functions per subtask; reset by each run.
  static final AtomicLong completedCheckpoints = new AtomicLong();
  static final AtomicLong sinkLines = new AtomicLong();
  static final Map<FailurePoint, AtomicLong> failAt = new java.util.EnumMap<>(FailurePoint.class);
  static final Map<FailurePoint, AtomicBoolean> injected = new java.util.EnumMap<>(FailurePoint.class);

  static {
    for (FailurePoint point : FailurePoint.values()) {
      failAt.put(point, new AtomicLong(Long.MAX_VALUE));
      injected.put(point, new AtomicBoolean());
    }
  }

  private static List<String> failureFreeOutput;

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (int parallelism : new int[] {1, 2, 4}) {
      runs.add(Arguments.of(Named.of("heap", new HashMapStateBackend()), parallelism));
      runs.add(Arguments.of(Named.of("RocksDB full", new EmbeddedRocksDBStateBackend(false)), parallelism));
      runs.add(Arguments.of(Named.of("RocksDB incremental", new EmbeddedRocksDBStateBackend(true)), parallelism));
    }
    return runs.stream();
  }

  @BeforeAll
  static void runWithoutFailures(@TempDir Path dir) throws Exception {
    resetInjection();
    LocalJob job = run(new HashMapStateBackend(), 2, dir);
    assertThat(job.restarts()).as("the failure-free run did not restart").isZero();
    failureFreeOutput = committedLines(dir.resolve("out"));
    assertFinalResultsEqualTheReference(failureFreeOutput, "failure-free run");
  }

  @ParameterizedTest(name = "{0}, parallelism {1}")
  @MethodSource("runs")
  void outputIsExactlyOnceAndEqualsAFailureFreeRunDespiteInjectedFailures(StateBackend backend, int parallelism, @TempDir Path dir)
      throws Exception {
    long seed = Long.getLong("millrace.seed", DATA_SEED * 31 + parallelism * 7L + backend.toString().length());
    SplittableRandom random = new SplittableRandom(seed);
    resetInjection();
    Set<FailurePoint> points = EnumSet.noneOf(FailurePoint.class);
    int kinds = 1 + random.nextInt(2);
    while (points.size() < kinds) {
      points.add(FailurePoint.values()[random.nextInt(FailurePoint.values().length)]);
    }
    for (FailurePoint point : points) {
      failAt.get(point).set(switch (point) {
        case SOURCE, OPERATOR -> EVENTS / 10 + random.nextInt(EVENTS / 2);
        case SINK -> 20 + random.nextInt(200);
        case SNAPSHOT -> 2 + random.nextInt(4);
      });
    }
    String context = "seed " + seed + " (rerun with -Dmillrace.seed=" + seed + "), failures " + describeInjection() + ", " + backend
        + ", parallelism " + parallelism;

    LocalJob job = run(backend, parallelism, dir);
    context += ", checkpoints completed " + job.checkpointStats() + ", " + job.restarts() + " restarts";

    for (FailurePoint point : points) {
      assertThat(injected.get(point)).as("the %s failure was injected; %s", point, context).isTrue();
    }
    // Two failures may fall into one attempt (the second while the first one's restart cancels the tasks).
    assertThat(job.restarts()).as("restarts; %s", context).isBetween(1, points.size());
    List<String> output = committedLines(dir.resolve("out"));
    assertThat(output).as("the committed output equals the failure-free run's; %s", context).isEqualTo(failureFreeOutput);
    assertFinalResultsEqualTheReference(output, context);
  }

  private static void resetInjection() {
    completedCheckpoints.set(0);
    sinkLines.set(0);
    for (FailurePoint point : FailurePoint.values()) {
      failAt.get(point).set(Long.MAX_VALUE);
      injected.get(point).set(false);
    }
  }

  private static String describeInjection() {
    Map<FailurePoint, Long> at = new TreeMap<>();
    failAt.forEach((point, value) -> {
      if (value.get() != Long.MAX_VALUE) {
        at.put(point, value.get());
      }
    });
    return at.toString();
  }

  /** Whether the failure at {@code point} is due at {@code position}: once, after a checkpoint completed. */
  static boolean due(FailurePoint point, long position) {
    return position >= failAt.get(point).get() && completedCheckpoints.get() > 0 && injected.get(point).compareAndSet(false, true);
  }

  // ---------------------------------------------------------------- the job

  private static LocalJob run(StateBackend backend, int parallelism, Path dir) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    env.enableCheckpointing(Duration.ofMillis(20));
    env.getCheckpointConfig().setCheckpointStorage(Files.createDirectories(dir.resolve("checkpoints")));
    env.setRestartStrategy(RestartStrategies.fixedDelay(3, Duration.ZERO));

    var events = env.fromSource(
            new DataGeneratorSource<>(FaultInjectionPropertyTest::event, EVENTS, RateLimiterStrategy.perSecond(EVENTS_PER_SECOND), Event.class),
            WatermarkStrategy.<Event>forGenerator(() -> new WatermarkAfterEachEvent()).withTimestampAssigner((event, previous) -> event.ts()),
            "events")
        .setParallelism(1);
    MapStateDescriptor<Integer, Long> weights = new MapStateDescriptor<>("weights", Integer.class, Long.class);
    var rules = env.fromSource(
            new DataGeneratorSource<>(FaultInjectionPropertyTest::rule, RULES, RateLimiterStrategy.perSecond(RULES_PER_SECOND), Rule.class),
            WatermarkStrategy.noWatermarks(), "rules")
        .setParallelism(1)
        .broadcast(weights);

    var windows = events.keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
        .allowedLateness(Duration.ofMillis(LATENESS))
        .process(new DescribeWindow());
    var buckets = events.keyBy(Event::key).process(new CumulativeAtBucketEnds());
    var weighted = events.keyBy(Event::key).connect(rules).process(new WeightedTotals(weights));

    windows.union(buckets, weighted)
        .map(new FailBeforeTheSink())
        .map(new FailInASnapshot())
        .sinkTo(FileSink.forRowFormat(dir.resolve("out"), line -> line));

    LocalJob job = ((LocalJobClient) env.executeAsync("fault injection")).job();
    job.result().get(60, TimeUnit.SECONDS);
    return job;
  }

  /** An input event; {@code seq} is its position in the input. */
  record Event(long seq, String key, long value, long ts) {}

  /** Sets the weight of the keys of class {@code keyClass}. */
  record Rule(int keyClass, long weight) {}

  /** Event {@code index}: about one in twenty is late, the others at most {@link #BOUND} out of order. */
  static Event event(long index) {
    if (index >= failAt.get(FailurePoint.SOURCE).get() && due(FailurePoint.SOURCE, index)) {
      throw new IllegalStateException("injected failure in the source at event " + index);
    }
    SplittableRandom random = new SplittableRandom(DATA_SEED ^ (index * 0x9E3779B97F4A7C15L));
    long position = BASE_TS + index;
    long ts = random.nextInt(20) == 0
        ? watermarkAfter(index) - 1 - random.nextLong(MAX_DELAY)
        : position - random.nextLong(BOUND + 1);
    return new Event(index, "k" + random.nextInt(KEYS), 1 + random.nextInt(100), ts);
  }

  /** The watermark emitted right after event {@code index}: strictly increasing, a function of the position only. */
  static long watermarkAfter(long index) {
    return BASE_TS + index - BOUND - 1;
  }

  static Rule rule(long index) {
    SplittableRandom random = new SplittableRandom(~DATA_SEED ^ (index * 0x9E3779B97F4A7C15L));
    return new Rule((int) (index % KEY_CLASSES), 1 + random.nextInt(9));
  }

  static int keyClass(String key) {
    return Integer.parseInt(key.substring(1)) % KEY_CLASSES;
  }

  /** Emits {@link #watermarkAfter} after each event, so watermarks do not depend on processing time. */
  static final class WatermarkAfterEachEvent implements WatermarkGenerator<Event> {
    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(watermarkAfter(event.seq())));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /**
   * {@code W <key> <window start> <count> <sum>}, once per firing (late events refire). A
   * process function, so the general window operator runs it: the slicing operator that
   * {@code aggregate} and {@code reduce} use loses late elements after a restore (see the class
   * comment).
   */
  static final class DescribeWindow extends ProcessWindowFunction<Event, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String key, Context context, Iterable<Event> events, Collector<String> out) {
      long count = 0;
      long sum = 0;
      for (Event event : events) {
        count++;
        sum += event.value();
      }
      out.collect("W " + key + " " + context.window().getStart() + " " + count + " " + sum);
    }
  }

  /**
   * Counts and sums each key's events and registers an event-time timer at the end of each
   * event's bucket; a timer emits {@code T <key> <time> <count so far> <sum so far>}.
   */
  static final class CumulativeAtBucketEnds extends KeyedProcessFunction<String, Event, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<String> out) throws Exception {
      if (event.seq() >= failAt.get(FailurePoint.OPERATOR).get() && due(FailurePoint.OPERATOR, event.seq())) {
        throw new IllegalStateException("injected failure in the process function at event " + event.seq());
      }
      count.update(valueOrZero(count) + 1);
      sum.update(valueOrZero(sum) + event.value());
      ctx.timerService().registerEventTimeTimer(event.ts() / BUCKET * BUCKET + BUCKET - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect("T " + ctx.getCurrentKey() + " " + timestamp + " " + count.value() + " " + sum.value());
    }
  }

  /**
   * Totals each key's values; at the end of input emits {@code B <key> <total> <weight>
   * <total * weight>} with the weight the last rule for the key's class set (1 without one).
   */
  static final class WeightedTotals extends KeyedBroadcastProcessFunction<String, Event, Rule, String> {
    private static final long serialVersionUID = 1L;
    private final MapStateDescriptor<Integer, Long> weights;
    private transient ValueState<Long> total;

    WeightedTotals(MapStateDescriptor<Integer, Long> weights) {
      this.weights = weights;
    }

    @Override
    public void open(OpenContext context) {
      total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", Long.class));
    }

    @Override
    public void processElement(Event event, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      if (total.value() == null) {
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      }
      total.update(valueOrZero(total) + event.value());
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(weights).put(rule.keyClass(), rule.weight());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      Long weight = ctx.getBroadcastState(weights).get(keyClass(ctx.getCurrentKey()));
      long w = weight == null ? 1 : weight;
      out.collect("B " + ctx.getCurrentKey() + " " + total.value() + " " + w + " " + total.value() * w);
    }
  }

  /** Passes lines to the sink; throws once at its planned line. */
  static final class FailBeforeTheSink extends RichMapFunction<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String map(String line) {
      long position = sinkLines.getAndIncrement();
      if (position >= failAt.get(FailurePoint.SINK).get() && due(FailurePoint.SINK, position)) {
        throw new IllegalStateException("injected failure before the sink at line " + position + ": " + line);
      }
      return line;
    }
  }

  /**
   * Passes lines through and keeps how many it passed in operator state; its snapshot throws
   * once, at its planned checkpoint. Counts completed checkpoints for the other failure points.
   */
  static final class FailInASnapshot extends RichMapFunction<String, String> implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private transient ListState<Long> passedState;
    private long passed;

    @Override
    public String map(String line) {
      passed++;
      return line;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      passedState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("passed", Long.class));
      for (Long value : passedState.get()) {
        passed += value;
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      if (context.getCheckpointId() >= failAt.get(FailurePoint.SNAPSHOT).get() && due(FailurePoint.SNAPSHOT, context.getCheckpointId())) {
        throw new IllegalStateException("injected failure in the snapshot of checkpoint " + context.getCheckpointId());
      }
      passedState.update(List.of(passed));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      completedCheckpoints.incrementAndGet();
    }
  }

  private static long valueOrZero(ValueState<Long> state) throws Exception {
    Long value = state.value();
    return value == null ? 0 : value;
  }

  // ---------------------------------------------------------------- output and reference

  /** The lines of every committed (visible) part file, sorted. */
  static List<String> committedLines(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(file -> file.getFileName().toString().startsWith("part-")).forEach(file -> {
        try {
          lines.addAll(Files.readAllLines(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    lines.sort(null);
    return lines;
  }

  /**
   * The final results in {@code lines} equal a sequential computation over the input: each
   * window's last firing has all its events, each key's last bucket timer has all its events,
   * and each key's weighted total uses the last rule of its class.
   */
  static void assertFinalResultsEqualTheReference(List<String> lines, String context) {
    Map<String, long[]> windows = new TreeMap<>();
    Map<String, long[]> totals = new TreeMap<>();
    for (long i = 0; i < EVENTS; i++) {
      Event event = event(i);
      long[] window = windows.computeIfAbsent(event.key() + " " + Math.floorDiv(event.ts(), WINDOW) * WINDOW, w -> new long[2]);
      window[0]++;
      window[1] += event.value();
      long[] total = totals.computeIfAbsent(event.key(), k -> new long[2]);
      total[0]++;
      total[1] += event.value();
    }
    Map<Integer, Long> weights = new TreeMap<>();
    for (long j = 0; j < RULES; j++) {
      weights.put(rule(j).keyClass(), rule(j).weight());
    }
    Map<String, String> expectedWindows = new TreeMap<>();
    windows.forEach((window, result) -> expectedWindows.put(window, result[0] + " " + result[1]));
    Map<String, String> expectedBuckets = new TreeMap<>();
    Map<String, String> expectedWeighted = new TreeMap<>();
    totals.forEach((key, total) -> {
      expectedBuckets.put(key, total[0] + " " + total[1]);
      long weight = weights.getOrDefault(keyClass(key), 1L);
      expectedWeighted.put(key, total[1] + " " + weight + " " + total[1] * weight);
    });

    Map<String, long[]> lastWindowFiring = new TreeMap<>();
    Map<String, long[]> lastBucketTimer = new TreeMap<>();
    Map<String, String> weighted = new TreeMap<>();
    for (String line : lines) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "W" -> lastWindowFiring.merge(f[1] + " " + f[2], new long[] {Long.parseLong(f[3]), Long.parseLong(f[4])},
            (a, b) -> a[0] >= b[0] ? a : b);
        case "T" -> lastBucketTimer.merge(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])},
            (a, b) -> a[1] >= b[1] ? a : b);
        case "B" -> assertThat(weighted.put(f[1], f[2] + " " + f[3] + " " + f[4])).as("one weighted total for %s; %s", f[1], context).isNull();
        default -> throw new AssertionError("unexpected line " + line + "; " + context);
      }
    }
    Map<String, String> actualWindows = new TreeMap<>();
    lastWindowFiring.forEach((window, result) -> actualWindows.put(window, result[0] + " " + result[1]));
    Map<String, String> actualBuckets = new TreeMap<>();
    lastBucketTimer.forEach((key, timer) -> actualBuckets.put(key, timer[1] + " " + timer[2]));
    assertThat(actualWindows).as("each window's last firing; %s", context).isEqualTo(expectedWindows);
    assertThat(actualBuckets).as("each key's last bucket timer; %s", context).isEqualTo(expectedBuckets);
    assertThat(weighted).as("weighted totals; %s", context).isEqualTo(expectedWeighted);
  }
}
