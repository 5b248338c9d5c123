package io.millrace.windows;

import static io.millrace.windows.Scripts.ev;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.assigners.EventTimeSessionWindows;
import io.millrace.api.windowing.assigners.GlobalWindows;
import io.millrace.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.millrace.api.windowing.evictors.CountEvictor;
import io.millrace.api.windowing.evictors.TimeEvictor;
import io.millrace.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.millrace.api.windowing.triggers.CountTrigger;
import io.millrace.api.windowing.triggers.PurgingTrigger;
import io.millrace.state.StateBackend;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.windows.Scripts.Describe;
import io.millrace.windows.Scripts.Ev;
import io.millrace.windows.Scripts.NoSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The window operator alone, fed by a harness: exact outputs (value@record timestamp), side
 * outputs and state sizes after each step. On each state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class WindowOperatorTest {
  private static final OutputTag<Ev> LATE = new OutputTag<>("late", Ev.class);
  private static final OutputTag<String> CLEARED = new OutputTag<>("cleared", String.class);

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
  void outOfOrderElementsCountWhileTheirWindowIsOpenAndTheWindowFiresWhenTheWatermarkReachesEndMinusOne() throws Exception {
    try (var h = harness(keyed().window(TumblingEventTimeWindows.of(ms(10))).process(new Describe<>()))) {
      h.element(ev("a", 1), 5).element(ev("a", 2), 12).watermark(3).element(ev("a", 3), 1).element(ev("a", 4), 9).watermark(8);
      assertThat(h.take()).isEmpty();
      h.watermark(9);
      assertThat(h.take()).containsExactly("a[0,10) 1 3 4 wm=9@9");
      h.watermark(Long.MAX_VALUE);
      assertThat(h.take()).containsExactly("a[10,20) 2 wm=MAX@19");
      assertThat(h.numStateEntries()).isZero();
      assertThat(h.watermarks()).containsExactly(3L, 8L, 9L, Long.MAX_VALUE);
    }
  }

  @Test
  void anElementAtExactlyTheWatermarkIsLateAndIsDroppedWithoutLateness() throws Exception {
    try (var h = harness(keyed().window(TumblingEventTimeWindows.of(ms(10))).process(new Describe<>()))) {
      h.element(ev("a", 1), 5).watermark(9);
      assertThat(h.take()).containsExactly("a[0,10) 1 wm=9@9");
      h.element(ev("a", 2), 9).element(ev("b", 3), 0);
      assertThat(h.take()).isEmpty();
      assertThat(h.numLateRecordsDropped()).isEqualTo(2);
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void lateElementWithinAllowedLatenessRefiresTheWindowAtOnceWithAllContentsAndLaterOnesGoToTheSideOutput() throws Exception {
    try (var h = harness(keyed().window(TumblingEventTimeWindows.of(ms(10)))
        .allowedLateness(ms(5)).sideOutputLateData(LATE).process(new Describe<>()))) {
      h.element(ev("a", 1), 1).element(ev("a", 2), 4).watermark(9);
      assertThat(h.take()).containsExactly("a[0,10) 1 2 wm=9@9");
      h.element(ev("a", 3), 5);
      assertThat(h.take()).containsExactly("a[0,10) 1 2 3 wm=9@9");
      h.watermark(13).element(ev("a", 4), 0);
      assertThat(h.take()).containsExactly("a[0,10) 1 2 3 4 wm=13@9");
      assertThat(h.numStateEntries()).isPositive();
      h.watermark(14);
      assertThat(h.numStateEntries()).as("cleaned at end - 1 + lateness").isZero();
      h.element(ev("a", 5), 6);
      assertThat(h.take()).containsExactly("late:a5@6");
    }
  }

  @Test
  void aWindowFirstSeenAfterItsEndFiresAtOnceWhenItIsWithinTheLateness() throws Exception {
    try (var h = harness(keyed().window(TumblingEventTimeWindows.of(ms(10)))
        .allowedLateness(ms(5)).sideOutputLateData(LATE).process(new Describe<>()))) {
      h.watermark(20).element(ev("c", 1), 16).element(ev("c", 2), 8);
      assertThat(h.take()).containsExactly("c[10,20) 1 wm=20@19", "late:c2@8");
      h.watermark(Long.MAX_VALUE);
      assertThat(h.take()).as("no second on-time firing").isEmpty();
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void slidingWindowsHoldAnEventSeveralTimesAndAPartlyLateEventOnlyJoinsItsOpenWindows() throws Exception {
    try (var h = harness(keyed().window(SlidingEventTimeWindows.of(ms(10), ms(3)))
        .sideOutputLateData(LATE).process(new Describe<>()))) {
      h.element(ev("a", 1), 5);
      h.watermark(6);
      assertThat(h.take()).containsExactly("a[-3,7) 1 wm=6@6");
      h.element(ev("a", 2), 4);
      assertThat(h.take()).as("partly late: no side output").isEmpty();
      h.watermark(Long.MAX_VALUE);
      assertThat(h.take()).containsExactly("a[0,10) 1 2 wm=MAX@9", "a[3,13) 1 2 wm=MAX@12");
      h.element(ev("a", 3), 4);
      assertThat(h.take()).containsExactly("late:a3@4");
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void sessionsThatTouchMergeAndAnElementBridgingTwoSessionsMakesOne() throws Exception {
    try (var h = harness(keyed().window(EventTimeSessionWindows.withGap(ms(5))).process(new Describe<>()))) {
      h.element(ev("t", 1), 10).element(ev("t", 2), 15).element(ev("b", 1), 10).element(ev("b", 2), 20).element(ev("b", 3), 15);
      h.watermark(100);
      assertThat(h.take()).containsExactlyInAnyOrder("t[10,20) 1 2 wm=100@19", "b[10,25) 1 2 3 wm=100@24");
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void aLateElementBridgingTwoFiredSessionsMergesThemAndFiresAtOnceWithinTheLateness() throws Exception {
    try (var h = harness(keyed().window(EventTimeSessionWindows.withGap(ms(5)))
        .allowedLateness(ms(100)).sideOutputLateData(LATE).process(new Describe<>()))) {
      h.element(ev("l", 1), 0).element(ev("l", 2), 10).watermark(20);
      assertThat(h.take()).containsExactly("l[0,5) 1 wm=20@4", "l[10,15) 2 wm=20@14");
      h.element(ev("l", 3), 5);
      assertThat(h.take()).containsExactly("l[0,15) 1 2 3 wm=20@14");
      h.element(ev("l", 4), 15);
      assertThat(h.take()).containsExactly("l[0,20) 1 2 3 4 wm=20@19");
      h.element(ev("l", 5), 18);
      assertThat(h.take()).as("re-opened past the watermark: waits for it").isEmpty();
      h.watermark(22);
      assertThat(h.take()).containsExactly("l[0,23) 1 2 3 4 5 wm=22@22");
      h.watermark(121);
      assertThat(h.numStateEntries()).isPositive();
      h.watermark(122);
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void withoutLatenessAFiredSessionIsGoneAndALateElementOnItsOwnGoesToTheSideOutput() throws Exception {
    try (var h = harness(keyed().window(EventTimeSessionWindows.withGap(ms(5)))
        .sideOutputLateData(LATE).process(new Describe<>()))) {
      h.element(ev("l", 1), 0).watermark(20).element(ev("l", 2), 3).element(ev("l", 3), 18);
      assertThat(h.take()).containsExactly("l[0,5) 1 wm=20@4", "late:l2@3");
      h.watermark(Long.MAX_VALUE);
      assertThat(h.take()).containsExactly("l[18,23) 3 wm=MAX@22");
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void countWindowWithSlideFiresPartialWindowsFirstStampsLongMaxAndNeverFiresLeftovers() throws Exception {
    try (var h = harness(keyed().countWindow(3, 2).process(new Describe<>()))) {
      for (int i = 1; i <= 6; i++) {
        h.element(ev("a", i), 1000 - i);
      }
      h.element(ev("b", 1), 0).watermark(Long.MAX_VALUE);
      assertThat(h.take()).containsExactly(
          "a[global] 1 2 wm=MIN@9223372036854775807",
          "a[global] 2 3 4 wm=MIN@9223372036854775807",
          "a[global] 4 5 6 wm=MIN@9223372036854775807");
    }
  }

  @Test
  void tumblingCountWindowPurgesAfterEachFiringSoNoStateRemainsAfterAFullWindow() throws Exception {
    try (var h = harness(keyed().countWindow(2).process(new Describe<>()))) {
      h.element(ev("a", 1), 1).element(ev("a", 2), 2).element(ev("a", 3), 3);
      assertThat(h.take()).containsExactly("a[global] 1 2 wm=MIN@9223372036854775807");
      assertThat(h.numStateEntries()).as("the leftover and its count").isEqualTo(2);
      h.element(ev("a", 4), 4);
      assertThat(h.take()).containsExactly("a[global] 3 4 wm=MIN@9223372036854775807");
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void countEvictorBeforeAndAfterTheFunctionAndTimeEvictorKeepTheRightElements() throws Exception {
    try (var before = harness(keyed().window(GlobalWindows.create())
        .trigger(CountTrigger.of(2)).evictor(CountEvictor.of(3)).process(new Describe<>()))) {
      for (int i = 1; i <= 6; i++) {
        before.element(ev("a", i), i);
      }
      assertThat(before.take()).containsExactly("a[global] 1 2 wm=MIN@9223372036854775807",
          "a[global] 2 3 4 wm=MIN@9223372036854775807", "a[global] 4 5 6 wm=MIN@9223372036854775807");
    }

    try (var after = harness(keyed().window(GlobalWindows.create())
        .trigger(CountTrigger.of(2)).evictor(CountEvictor.of(1, true)).process(new Describe<>()))) {
      for (int i = 1; i <= 4; i++) {
        after.element(ev("a", i), i);
      }
      assertThat(after.take()).containsExactly("a[global] 1 2 wm=MIN@9223372036854775807",
          "a[global] 2 3 4 wm=MIN@9223372036854775807");
    }

    try (var time = harness(keyed().window(TumblingEventTimeWindows.of(ms(100)))
        .evictor(TimeEvictor.of(ms(10))).process(new Describe<>()))) {
      time.element(ev("a", 1), 50).element(ev("a", 2), 85).element(ev("a", 3), 90).element(ev("a", 4), 80).watermark(99);
      assertThat(time.take()).as("kept: timestamps > 90 - 10").containsExactly("a[0,100) 2 3 wm=99@99");
      assertThat(time.numStateEntries()).isZero();
    }
  }

  @Test
  void reduceWithAnEvictorReducesOnlyTheKeptElements() throws Exception {
    try (var h = harness(keyed().window(TumblingEventTimeWindows.of(ms(100)))
        .evictor(CountEvictor.of(2)).reduce((a, b) -> ev(a.key(), a.value() + b.value())))) {
      h.element(ev("a", 1), 1).element(ev("a", 10), 2).element(ev("a", 100), 3).watermark(99);
      assertThat(h.take()).containsExactly("a110@99");
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void purgingTriggerEmptiesTheWindowAfterEachFiringAndContinuousTriggerFiresEarly() throws Exception {
    try (var purging = harness(keyed().window(TumblingEventTimeWindows.of(ms(100)))
        .trigger(PurgingTrigger.of(CountTrigger.of(2))).process(new Describe<>()))) {
      purging.element(ev("a", 1), 1).element(ev("a", 2), 2).element(ev("a", 3), 3).watermark(Long.MAX_VALUE);
      assertThat(purging.take()).containsExactly("a[0,100) 1 2 wm=MIN@99");
      assertThat(purging.numStateEntries()).as("cleanup at the window's end").isZero();
    }

    try (var continuous = harness(keyed().window(TumblingEventTimeWindows.of(ms(100)))
        .trigger(ContinuousEventTimeTrigger.of(ms(30))).process(new Describe<>()))) {
      continuous.element(ev("a", 1), 5).watermark(29).element(ev("a", 2), 40).watermark(30).watermark(65).watermark(99);
      assertThat(continuous.take()).containsExactly(
          "a[0,100) 1 wm=29@99", "a[0,100) 1 2 wm=30@99", "a[0,100) 1 2 wm=65@99",
          "a[0,100) 1 2 wm=99@99", "a[0,100) 1 2 wm=99@99");
      assertThat(continuous.numStateEntries()).isZero();
    }
  }

  @Test
  void windowStateIsPerWindowGlobalStateIsPerKeyAndClearRunsAtCleanup() throws Exception {
    try (var h = harness(keyed().window(TumblingEventTimeWindows.of(ms(10)))
        .allowedLateness(ms(10)).process(new FiringCounter()))) {
      h.element(ev("a", 1), 1).element(ev("a", 2), 11).watermark(9).element(ev("a", 3), 2);
      assertThat(h.take()).containsExactly(
          "a[0,10) firing 1 of this window, 1 of the key@9",
          "a[0,10) firing 2 of this window, 2 of the key@9");
      h.watermark(19);
      assertThat(h.take()).as("both timers are at 19").containsExactlyInAnyOrder(
          "a[10,20) firing 1 of this window, 3 of the key@19",
          "cleared:a[0,10)@9");
      assertThat(h.numStateEntries()).as("the window [10,20), its state and the global count").isEqualTo(3);
      h.watermark(29);
      assertThat(h.take()).containsExactly("cleared:a[10,20)@19");
      assertThat(h.numStateEntries()).as("only the global count").isEqualTo(1);
    }
  }

  @Test
  void aggregateWithAProcessWindowFunctionSeesTheOneResultUpdatedByEachLateElement() throws Exception {
    try (var h = harness(keyed().window(TumblingEventTimeWindows.of(ms(10)))
        .allowedLateness(ms(10)).aggregate(new SumValues(), new ProcessWindowFunction<Long, String, String, TimeWindow>() {
          private static final long serialVersionUID = 1L;

          @Override
          public void process(String key, Context context, Iterable<Long> sums, Collector<String> out) {
            out.collect(key + " " + sums);
          }
        }))) {
      h.element(ev("a", 1), 1).element(ev("a", 2), 2).watermark(9).element(ev("a", 4), 3);
      assertThat(h.take()).containsExactly("a [3]@9", "a [7]@9");
      h.watermark(19);
      assertThat(h.numStateEntries()).isZero();
    }
  }

  @Test
  void processingTimeWindowsUseTheClockAtArrivalAndFireWhenItReachesTheirEnd() throws Exception {
    try (var tumbling = harness(keyed().window(TumblingProcessingTimeWindows.of(ms(10)))
        .process(new Describe<>()))) {
      tumbling.processingTime(3).element(ev("a", 1), Long.MIN_VALUE).processingTime(8).element(ev("a", 2), 500);
      tumbling.processingTime(10).element(ev("a", 3), 1);
      assertThat(tumbling.take()).containsExactly("a[0,10) 1 2 wm=MIN@9");
      tumbling.watermark(1000);
      assertThat(tumbling.take()).as("watermarks do not fire processing-time windows").isEmpty();
      tumbling.processingTime(25);
      assertThat(tumbling.take()).containsExactly("a[10,20) 3 wm=1000@19");
      assertThat(tumbling.numStateEntries()).isZero();
    }

    try (var sliding = harness(keyed().window(SlidingProcessingTimeWindows.of(ms(10), ms(5)))
        .process(new Describe<>()))) {
      sliding.processingTime(7).element(ev("a", 1), 0).processingTime(100);
      assertThat(sliding.take()).containsExactly("a[0,10) 1 wm=MIN@9", "a[5,15) 1 wm=MIN@14");
      assertThat(sliding.numStateEntries()).isZero();
    }

    try (var sessions = harness(keyed().window(ProcessingTimeSessionWindows.withGap(ms(10)))
        .process(new Describe<>()))) {
      sessions.processingTime(0).element(ev("a", 1), 0).processingTime(8).element(ev("a", 2), 0).processingTime(16);
      assertThat(sessions.take()).as("the first window's end has moved to the merged one's").isEmpty();
      sessions.processingTime(17);
      assertThat(sessions.take()).containsExactly("a[0,18) 1 2 wm=MIN@17");
      assertThat(sessions.numStateEntries()).isZero();
    }
  }

  @Test
  void windowStateReturnsToZeroEntriesForEveryWindowTypeOnceTheWatermarkPassesEndPlusLateness() throws Exception {
    for (long lateness : new long[] {0, 7}) {
      var windowsOfEachType = java.util.List.of(
          keyed().window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(lateness)).process(new Describe<>()),
          keyed().window(SlidingEventTimeWindows.of(ms(10), ms(3))).allowedLateness(ms(lateness)).process(new Describe<>()),
          keyed().window(EventTimeSessionWindows.withGap(ms(4))).allowedLateness(ms(lateness)).process(new Describe<>()),
          keyed().window(EventTimeSessionWindows.withGap(ms(4))).allowedLateness(ms(lateness))
              .trigger(CountTrigger.of(2)).process(new Describe<>()),
          keyed().window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(lateness))
              .evictor(CountEvictor.of(1)).process(new Describe<>()),
          keyed().window(SlidingEventTimeWindows.of(ms(10), ms(5))).allowedLateness(ms(lateness))
              .reduce((a, b) -> ev(a.key(), a.value() + b.value()), new Describe<>()));
      for (var windowed : windowsOfEachType) {
        try (var h = harness(windowed)) {
          for (int i = 0; i < 200; i++) {
            h.element(ev("k" + (i % 7), i), (i * 37L) % 100);
            if (i % 20 == 19) {
              h.watermark(i / 4);
            }
          }
          assertThat(h.numStateEntries()).isPositive();
          h.watermark(200);
          assertThat(h.numStateEntries()).as(windowed + " with lateness " + lateness).isZero();
        }
      }
    }
  }

  /** Counts firings per window (window state) and per key (global state); reports clear(). */
  private static final class FiringCounter extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final ValueStateDescriptor<Integer> perWindow = new ValueStateDescriptor<>("per-window", Integer.class);
    private final ValueStateDescriptor<Integer> perKey = new ValueStateDescriptor<>("per-key", Integer.class);

    @Override
    public void process(String key, Context context, Iterable<Ev> elements, Collector<String> out) throws Exception {
      int window = increment(context.windowState().getState(perWindow));
      int total = increment(context.globalState().getState(perKey));
      TimeWindow w = context.window();
      out.collect(key + "[" + w.getStart() + "," + w.getEnd() + ") firing " + window + " of this window, " + total + " of the key");
    }

    @Override
    public void clear(Context context) throws Exception {
      context.windowState().getState(perWindow).clear();
      TimeWindow w = context.window();
      context.output(CLEARED, context.currentWatermark() >= 0 ? "a[" + w.getStart() + "," + w.getEnd() + ")" : "?");
    }

    private static int increment(ValueState<Integer> state) throws Exception {
      int next = state.value() == null ? 1 : state.value() + 1;
      state.update(next);
      return next;
    }
  }

  private static final class SumValues implements AggregateFunction<Ev, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Ev value, Long accumulator) {
      return accumulator + value.value();
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }
}
