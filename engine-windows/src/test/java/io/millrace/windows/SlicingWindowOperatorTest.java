package io.millrace.windows;

import static io.millrace.windows.Scripts.ev;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ProcessFunction;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.TriggerResult;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.WindowFunction;
import io.millrace.api.windowing.WindowedStream;
import io.millrace.api.windowing.assigners.EventTimeSessionWindows;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.api.windowing.evictors.CountEvictor;
import io.millrace.api.windowing.triggers.CountTrigger;
import io.millrace.api.windowing.triggers.EventTimeTrigger;
import io.millrace.state.StateBackend;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.windows.Scripts.Describe;
import io.millrace.windows.Scripts.Ev;
import io.millrace.windows.Scripts.NoSource;
import io.millrace.windows.Scripts.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The slicing path of aligned event-time windows: which configurations take it, that an element
 * updates one slice, and that its output (main and late side output, firing times, watermarks
 * seen, record timestamps, per-window state and clear calls) equals the general operator's on
 * random inputs with lateness, negative timestamps and offsets. The general operator is forced
 * with {@link SameAsEventTimeTrigger}, which behaves as the default trigger but is not it. On
 * each state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class SlicingWindowOperatorTest {
  private static final OutputTag<Ev> LATE = new OutputTag<>("late", Ev.class);
  private static final OutputTag<String> CLEARED = new OutputTag<>("cleared", String.class);
  private static final AtomicLong ADDS = new AtomicLong();

  @Parameter
  StateBackend backend;

  private static KeyedStream<Ev, String> keyed() {
    return Scripts.unusedEnvironment().addSource(new NoSource()).keyBy(Ev::key);
  }

  /** A harness for the operator {@code windowed} recorded, on this run's state backend; close it. */
  private <OUT> WindowOperatorHarness<Ev, OUT> harness(SingleOutputStreamOperator<OUT> windowed) throws Exception {
    return new WindowOperatorHarness<>(windowed, backend);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void anElementOfSixSlidingWindowsUpdatesOneSliceAndEachWindowStillCountsIt() throws Exception {
    try (var h = harness(keyed().window(SlidingEventTimeWindows.of(ms(60), ms(10)))
        .aggregate(new CountingSum(), new Report()))) {
      assertThat(h.isSlicing()).isTrue();
      ADDS.set(0);
      SplittableRandom random = new SplittableRandom(7);
      long totalValue = 0;
      for (int i = 0; i < 1000; i++) {
        int value = 1 + random.nextInt(9);
        totalValue += value;
        h.element(ev("k" + random.nextInt(10), value), i * 3L - random.nextInt(20));
        if (i % 50 == 49) {
          h.watermark(i * 3L - 100);
        }
      }
      assertThat(ADDS.get()).as("one add per element, not one per window").isEqualTo(1000);
      h.watermark(Long.MAX_VALUE);
      long counted = 0;
      long summed = 0;
      for (String line : h.take()) {
        if (line.startsWith("cleared:")) {
          continue;
        }
        String[] parts = line.split(" ");
        counted += Long.parseLong(parts[3].substring("count=".length()));
        summed += Long.parseLong(parts[4].substring("sum=".length()));
      }
      assertThat(counted).as("every element is in six windows").isEqualTo(6000);
      assertThat(summed).isEqualTo(6 * totalValue);
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void onlyAlignedEventTimeWindowsWithTheDefaultTriggerNoEvictorAndAnIncrementalFunctionSlice() throws Exception {
    ReduceFunction<Ev> sum = (a, b) -> ev(a.key(), a.value() + b.value());
    var tumbling = TumblingEventTimeWindows.of(ms(10));
    var sliding = SlidingEventTimeWindows.of(ms(10), ms(5));
    assertThat(slicing(keyed().window(tumbling).reduce(sum))).isTrue();
    assertThat(slicing(keyed().window(tumbling).reduce(sum, new Describe<>()))).isTrue();
    assertThat(slicing(keyed().window(sliding).aggregate(new CountingSum()))).isTrue();
    assertThat(slicing(keyed().window(sliding).reduce(sum)))
        .as("a reduce runs in arrival order, which merging slices would not keep").isFalse();
    assertThat(slicing(keyed().window(sliding).reduce(sum, new Describe<>()))).isFalse();
    assertThat(slicing(keyed().window(sliding).trigger(EventTimeTrigger.create()).allowedLateness(ms(5))
        .sideOutputLateData(LATE).aggregate(new CountingSum(), new Report()))).isTrue();
    assertThat(slicing(keyed().window(tumbling).sum("value"))).as("one slice per window keeps the order").isTrue();
    assertThat(slicing(keyed().window(SlidingEventTimeWindows.of(ms(10), ms(10))).sum("value"))).isTrue();

    assertThat(slicing(keyed().window(sliding).sum("value"))).as("keeps the first element's fields").isFalse();
    assertThat(slicing(keyed().window(sliding).maxBy("value"))).isFalse();
    assertThat(slicing(keyed().window(sliding).process(new Describe<>()))).isFalse();
    assertThat(slicing(keyed().window(sliding).evictor(CountEvictor.of(2)).reduce(sum))).isFalse();
    assertThat(slicing(keyed().window(sliding).trigger(CountTrigger.of(2)).reduce(sum))).isFalse();
    assertThat(slicing(keyed().window(sliding).trigger(new SameAsEventTimeTrigger()).reduce(sum))).isFalse();
    assertThat(slicing(keyed().window(SlidingProcessingTimeWindows.of(ms(10), ms(5))).reduce(sum))).isFalse();
    assertThat(slicing(keyed().window(EventTimeSessionWindows.withGap(ms(5))).reduce(sum))).isFalse();
  }

  private boolean slicing(SingleOutputStreamOperator<?> windowed) throws Exception {
    try (var h = harness(windowed)) {
      return h.isSlicing();
    }
  }

  @Test
  void aLateElementWithinTheLatenessRefiresEachOfItsPassedWindowsLatestFirst() throws Exception {
    try (var h = harness(keyed().window(SlidingEventTimeWindows.of(ms(10), ms(5)))
        .allowedLateness(ms(10)).sideOutputLateData(LATE).aggregate(new SumAsEv(), new Describe<>()))) {
      assertThat(h.isSlicing()).isTrue();
      h.element(ev("a", 1), -3).element(ev("a", 2), 7).watermark(14);
      assertThat(h.take()).containsExactly("a[-10,0) 1 wm=14@-1", "a[-5,5) 1 wm=14@4", "a[0,10) 2 wm=14@9", "a[5,15) 2 wm=14@14");
      h.element(ev("a", 4), 6);
      assertThat(h.take()).as("[5,15) then [0,10), as the assigner lists them")
          .containsExactly("a[5,15) 6 wm=14@14", "a[0,10) 6 wm=14@9");
      h.watermark(15).element(ev("a", 8), 4);
      assertThat(h.take()).as("[0,10) is not late yet, [-5,5) is").containsExactly("a[0,10) 14 wm=15@9");
      h.element(ev("a", 16), -1);
      assertThat(h.take()).containsExactly("late:a16@-1");
      h.watermark(Long.MAX_VALUE);
      assertThat(h.take()).isEmpty();
      assertThat(h.numStateEntries()).isZero();
    }
  }

  // ------------------------------------------------------------------------------- general vs slicing

  /** A window geometry and lateness. */
  record Geometry(long size, long slide, long offset, long lateness) {
    WindowAssigner<Object, TimeWindow> assigner() {
      return size == slide && offset % 2 == 0
          ? TumblingEventTimeWindows.of(ms(size), ms(offset))
          : SlidingEventTimeWindows.of(ms(size), ms(slide), ms(offset));
    }
  }

  private static final List<Geometry> GEOMETRIES = List.of(
      new Geometry(10, 10, 0, 0), new Geometry(10, 10, 4, 6), new Geometry(10, 10, -3, 0),
      new Geometry(10, 3, 0, 0), new Geometry(10, 3, -2, 7), new Geometry(100, 25, 5, 50),
      new Geometry(60, 40, 7, 25), new Geometry(60, 40, -13, 0), new Geometry(30, 30, 0, 45), new Geometry(12, 8, 3, 8));

  /** The window functions compared: each names its windowed stream given a windowed stream. */
  private static final List<Function<WindowedStream<Ev, String, TimeWindow>, SingleOutputStreamOperator<String>>> FUNCTIONS = List.of(
      w -> w.aggregate(new CountingSum(), new Report()),
      w -> w.aggregate(new CountSumText()),
      w -> w.reduce((a, b) -> ev(a.key(), a.value() + b.value()), new Describe<>()),
      w -> asStrings(w.reduce((a, b) -> ev(a.key(), a.value() + b.value()))),
      w -> w.reduce((a, b) -> ev(a.key(), Math.max(a.value(), b.value())), new ReduceApply()));

  @Test
  void generalAndSlicingOperatorsEmitTheSameAfterEveryStepOfRandomInputs() throws Exception {
    for (Geometry geometry : GEOMETRIES) {
      for (int f = 0; f < FUNCTIONS.size(); f++) {
        for (boolean sideOutput : new boolean[] {false, true}) {
          boolean reduce = f >= 2;
          if (reduce && geometry.size() != geometry.slide()) {
            continue; // reduces on windows of several slices take the general path (arrival order)
          }
          long seed = geometry.hashCode() * 31L + f * 2 + (sideOutput ? 1 : 0);
          compareStepByStep(geometry, FUNCTIONS.get(f), sideOutput, seed);
        }
      }
    }
  }

  private void compareStepByStep(Geometry geometry,
      Function<WindowedStream<Ev, String, TimeWindow>, SingleOutputStreamOperator<String>> function,
      boolean sideOutput, long seed) throws Exception {
    try (var general = harness(function.apply(windowed(keyed(), geometry, sideOutput, true)));
        var slicing = harness(function.apply(windowed(keyed(), geometry, sideOutput, false)))) {
      String what = geometry + " function " + FUNCTIONS.indexOf(function) + " side output " + sideOutput + " seed " + seed;
      assertThat(general.isSlicing()).isFalse();
      assertThat(slicing.isSlicing()).as(what).isTrue();
      steps(seed, 3000, geometry.size(), new Steps() {
        @Override
        public void element(Ev ev, long timestamp) throws Exception {
          general.element(ev, timestamp);
          slicing.element(ev, timestamp);
          compare();
        }

        @Override
        public void watermark(long watermark) throws Exception {
          general.watermark(watermark);
          slicing.watermark(watermark);
          compare();
        }

        private void compare() {
          // Timers of equal time fire in no defined order (in either operator): compare as multisets.
          List<String> expected = sorted(general.take());
          assertThat(sorted(slicing.take())).as(what).isEqualTo(expected);
          assertThat(slicing.numLateRecordsDropped()).as(what).isEqualTo(general.numLateRecordsDropped());
        }
      });
      general.watermark(Long.MAX_VALUE);
      slicing.watermark(Long.MAX_VALUE);
      assertThat(sorted(slicing.take())).as(what).isEqualTo(sorted(general.take()));
      assertThat(slicing.watermarks()).isEqualTo(general.watermarks());
      assertThat(slicing.numStateEntries()).as(what + ": state back to zero").isZero();
    }
  }

  /** The harness only prints what it emits: an {@code Ev} output can pass for a string output. */
  @SuppressWarnings("unchecked")
  private static SingleOutputStreamOperator<String> asStrings(SingleOutputStreamOperator<?> windowed) {
    return (SingleOutputStreamOperator<String>) windowed;
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }

  private static WindowedStream<Ev, String, TimeWindow> windowed(
      KeyedStream<Ev, String> keyed, Geometry geometry, boolean sideOutput, boolean general) {
    WindowedStream<Ev, String, TimeWindow> windowed = keyed.window(geometry.assigner()).allowedLateness(ms(geometry.lateness()));
    if (general) {
      windowed.trigger(new SameAsEventTimeTrigger());
    }
    if (sideOutput) {
      windowed.sideOutputLateData(LATE);
    }
    return windowed;
  }

  /** The steps of a random input. */
  interface Steps {
    void element(Ev ev, long timestamp) throws Exception;

    void watermark(long watermark) throws Exception;
  }

  /**
   * Random input from timestamp {@code -3 * size} on: disorder up to a window, some elements far
   * behind the watermark, watermarks that sometimes jump and sometimes land exactly on
   * timestamps, a few keys.
   */
  static void steps(long seed, int elements, long size, Steps steps) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    long clock = -3 * size;
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < elements; i++) {
      clock += random.nextInt(3);
      int dice = random.nextInt(100);
      long timestamp = dice < 5 ? clock - size - random.nextLong(3 * size) : clock - random.nextLong(size + 1);
      steps.element(ev("k" + random.nextInt(4), 1 + random.nextInt(50)), timestamp);
      if (random.nextInt(10) == 0) {
        long next = dice < 50 ? timestamp : clock - random.nextLong(size / 2 + 1);
        if (next > watermark) {
          watermark = next;
          steps.watermark(watermark);
        }
      }
    }
  }

  @Tag("slow")
  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void generalAndSlicingJobsEmitTheSameAtEveryParallelism(int parallelism) throws Exception {
    Script script = new Script();
    steps(0xA11CE + parallelism, 60_000, 100, new Steps() {
      @Override
      public void element(Ev ev, long timestamp) {
        script.element(ev.key(), ev.value(), timestamp);
      }

      @Override
      public void watermark(long watermark) {
        script.watermark(watermark);
      }
    });
    Map<String, Map<String, Integer>> out = new ConcurrentHashMap<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    KeyedStream<Ev, String> keyed = env.addSource(script).keyBy(Ev::key);
    List<Geometry> geometries = List.of(new Geometry(100, 100, 0, 0), new Geometry(100, 25, -5, 60), new Geometry(90, 60, 0, 30));
    for (Geometry geometry : geometries) {
      for (boolean general : new boolean[] {true, false}) {
        String name = geometry + (general ? " general" : " slicing");
        Map<String, Integer> lines = out.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        OutputTag<Ev> late = new OutputTag<>("late-" + name, Ev.class);
        SingleOutputStreamOperator<String> results = keyed.window(geometry.assigner()).allowedLateness(ms(geometry.lateness()))
            .trigger(general ? new SameAsEventTimeTrigger() : EventTimeTrigger.create())
            .sideOutputLateData(late).aggregate(new CountingSum(), new Report());
        results.process(new WithTimestamp()).addSink(line -> lines.merge(line, 1, Integer::sum));
        results.getSideOutput(late).addSink(ev -> lines.merge("late " + ev, 1, Integer::sum));
      }
    }
    env.execute("general vs slicing");
    for (Geometry geometry : geometries) {
      Map<String, Integer> general = out.get(geometry + " general");
      assertThat(general).as("%s is not trivial", geometry).hasSizeGreaterThan(500);
      assertThat(out.get(geometry + " slicing")).as("%s at parallelism %d", geometry, parallelism).isEqualTo(general);
    }
  }

  // ------------------------------------------------------------------------------- functions

  /** The default trigger's behaviour in another class: keeps a windowed stream on the general operator. */
  static final class SameAsEventTimeTrigger extends Trigger<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final EventTimeTrigger delegate = EventTimeTrigger.create();

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
      return delegate.onElement(element, timestamp, window, ctx);
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
      return delegate.onProcessingTime(time, window, ctx);
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
      return delegate.onEventTime(time, window, ctx);
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) {
      delegate.clear(window, ctx);
    }
  }

  /** Count and sum of the values, in a {@code long[]} updated in place; counts its {@code add} calls. */
  static final class CountingSum implements AggregateFunction<Ev, long[], long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Ev value, long[] accumulator) {
      ADDS.incrementAndGet();
      accumulator[0]++;
      accumulator[1] += value.value();
      return accumulator;
    }

    @Override
    public long[] getResult(long[] accumulator) {
      return accumulator;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }

  /** Count and sum of the values as a text: an aggregate without a window function. */
  static final class CountSumText implements AggregateFunction<Ev, long[], String> {
    private static final long serialVersionUID = 1L;
    private final CountingSum counting = new CountingSum();

    @Override
    public long[] createAccumulator() {
      return counting.createAccumulator();
    }

    @Override
    public long[] add(Ev value, long[] accumulator) {
      return counting.add(value, accumulator);
    }

    @Override
    public String getResult(long[] accumulator) {
      return "count=" + accumulator[0] + " sum=" + accumulator[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return counting.merge(a, b);
    }
  }

  /**
   * Reports a window: key, bounds, watermark, count, sum and the how-manieth firing of the
   * window this is (per-window state, cleared in {@code clear}, which a side output reports).
   */
  static final class Report extends ProcessWindowFunction<long[], String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final ValueStateDescriptor<Integer> firings = new ValueStateDescriptor<>("firings", Integer.class);

    @Override
    public void process(String key, Context context, Iterable<long[]> results, Collector<String> out) throws Exception {
      long[] result = results.iterator().next();
      ValueState<Integer> state = context.windowState().getState(firings);
      int firing = state.value() == null ? 1 : state.value() + 1;
      state.update(firing);
      TimeWindow w = context.window();
      out.collect(key + " [" + w.getStart() + "," + w.getEnd() + ") wm=" + Scripts.wm(context.currentWatermark())
          + " count=" + result[0] + " sum=" + result[1] + " firing=" + firing);
    }

    @Override
    public void clear(Context context) throws Exception {
      context.windowState().getState(firings).clear();
      TimeWindow w = context.window();
      context.output(CLEARED, context.currentWatermark() + " cleared [" + w.getStart() + "," + w.getEnd() + ")");
    }
  }

  /** A {@link WindowFunction} over the reduced element. */
  static final class ReduceApply implements WindowFunction<Ev, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void apply(String key, TimeWindow window, Iterable<Ev> input, Collector<String> out) {
      out.collect(key + " [" + window.getStart() + "," + window.getEnd() + ") max=" + input.iterator().next().value());
    }
  }

  private static final class WithTimestamp extends ProcessFunction<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(String value, Context ctx, Collector<String> collector) {
      collector.collect(value + " @" + ctx.timestamp());
    }
  }

  /** Sums values into an element (the key of the first element added), as an AggregateFunction. */
  private static final class SumAsEv implements AggregateFunction<Ev, Ev, Ev> {
    private static final long serialVersionUID = 1L;

    @Override
    public Ev createAccumulator() {
      return ev("", 0);
    }

    @Override
    public Ev add(Ev value, Ev accumulator) {
      return ev(value.key(), accumulator.value() + value.value());
    }

    @Override
    public Ev getResult(Ev accumulator) {
      return accumulator;
    }

    @Override
    public Ev merge(Ev a, Ev b) {
      return ev(a.key().isEmpty() ? b.key() : a.key(), a.value() + b.value());
    }
  }
}
