package io.millrace.windows.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ProcessJoinFunction;
import io.millrace.runtime.operators.Output;
import io.millrace.state.StateBackend;
import io.millrace.windows.internal.join.IntervalJoinOperator;
import io.millrace.windows.join.TwoInputHarness.Emitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interval join operator fed by hand, input by input: exact pairs, timestamps, late data and
 * the release of its buffers, with Apache Flink's {@code IntervalJoinOperator} as the spec. On
 * each state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class IntervalJoinOperatorTest {
  private static final OutputTag<Event> LEFT_LATE = new OutputTag<>("left-late", Event.class);
  private static final OutputTag<Event> RIGHT_LATE = new OutputTag<>("right-late", Event.class);

  @Parameter
  StateBackend backend;

  /** Emits "left-right" for every pair. */
  static final class PairIds extends ProcessJoinFunction<Event, Event, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Event left, Event right, Context ctx, Collector<String> out) {
      out.collect(left.id() + "-" + right.id());
    }
  }

  private TwoInputHarness<Event, Event, String> harness(
      long lower, boolean lowerInclusive, long upper, boolean upperInclusive, boolean sideOutputs) throws Exception {
    return harness(new PairIds(), lower, lowerInclusive, upper, upperInclusive, sideOutputs);
  }

  private <OUT> TwoInputHarness<Event, Event, OUT> harness(ProcessJoinFunction<Event, Event, OUT> function,
      long lower, boolean lowerInclusive, long upper, boolean upperInclusive, boolean sideOutputs) throws Exception {
    return new TwoInputHarness<>(new IntervalJoinOperator<String, Event, Event, OUT>(function,
        lower, lowerInclusive, upper, upperInclusive, Event::key, Event::key,
        sideOutputs ? LEFT_LATE : null, sideOutputs ? RIGHT_LATE : null), backend);
  }

  private static Emitted pair(String ids, long ts) {
    return new Emitted(ids, ts, null);
  }

  /** The interval_join_bounds conformance input, in its arrival order. */
  private static void feedBoundsScenario(TwoInputHarness<Event, Event, String> h) throws Exception {
    h.left(new Event(1, "a", 9000), 9000)
        .right(new Event(14, "a", 10000), 10000)
        .left(new Event(2, "a", 10000), 10000)
        .right(new Event(11, "a", 7999), 7999)
        .right(new Event(12, "a", 8000), 8000)
        .right(new Event(13, "a", 8001), 8001)
        .right(new Event(16, "a", 10999), 10999)
        .right(new Event(15, "a", 11000), 11000)
        .right(new Event(17, "a", 11001), 11001)
        .right(new Event(20, "c", 10500), 10500)
        .left(new Event(3, "b", 20000), 20000)
        .right(new Event(19, "b", 18500), 18500)
        .right(new Event(18, "b", 20500), 20500)
        .watermark(Long.MAX_VALUE);
  }

  @Test
  void inclusiveBoundsPairEventsExactlyOnEitherBound() throws Exception {
    try (TwoInputHarness<Event, Event, String> h = harness(-2000, true, 1000, true, false)) {
      feedBoundsScenario(h);
      assertThat(h.output()).containsExactlyInAnyOrder(
          pair("1-11", 9000), pair("1-12", 9000), pair("1-13", 9000), pair("1-14", 10000),
          pair("2-12", 10000), pair("2-13", 10000), pair("2-14", 10000), pair("2-15", 11000),
          pair("2-16", 10999), pair("3-18", 20500), pair("3-19", 20000));
    }
  }

  @Test
  void exclusiveBoundsMoveEachBoundInByOneMillisecond() throws Exception {
    try (TwoInputHarness<Event, Event, String> h = harness(-2000, false, 1000, false, false)) {
      feedBoundsScenario(h);
      assertThat(h.output()).containsExactlyInAnyOrder(
          pair("1-11", 9000), pair("1-12", 9000), pair("1-13", 9000),
          pair("2-13", 10000), pair("2-14", 10000), pair("2-16", 10999),
          pair("3-18", 20500), pair("3-19", 20000));
    }
  }

  @Test
  void pairsDoNotDependOnArrivalOrder() throws Exception {
    List<Event> lefts = List.of(new Event(1, "a", 9000), new Event(2, "a", 10000), new Event(3, "b", 20000));
    List<Event> rights = List.of(new Event(11, "a", 7999), new Event(12, "a", 8000), new Event(13, "a", 8001),
        new Event(14, "a", 10000), new Event(15, "a", 11000), new Event(16, "a", 10999), new Event(17, "a", 11001),
        new Event(18, "b", 20500), new Event(19, "b", 18500), new Event(20, "c", 10500));
    for (long seed = 0; seed < 20; seed++) {
      List<Event> all = new ArrayList<>(lefts);
      all.addAll(rights);
      Collections.shuffle(all, new Random(seed));
      try (TwoInputHarness<Event, Event, String> h = harness(-2000, true, 1000, true, false)) {
        for (Event e : all) {
          if (e.id() < 10) {
            h.left(e, e.ts());
          } else {
            h.right(e, e.ts());
          }
        }
        assertThat(h.output()).as("arrival order of seed %d: %s", seed, all).containsExactlyInAnyOrder(
            pair("1-11", 9000), pair("1-12", 9000), pair("1-13", 9000), pair("1-14", 10000),
            pair("2-12", 10000), pair("2-13", 10000), pair("2-14", 10000), pair("2-15", 11000),
            pair("2-16", 10999), pair("3-18", 20500), pair("3-19", 20000));
      }
    }
  }

  @Test
  void contextReportsBothTimestampsAndThePairsTimestampIsTheLaterOne() throws Exception {
    ProcessJoinFunction<Event, Event, String> describe = new ProcessJoinFunction<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public void processElement(Event left, Event right, Context ctx, Collector<String> out) {
        out.collect(ctx.getLeftTimestamp() + "/" + ctx.getRightTimestamp() + "/" + ctx.getTimestamp());
        ctx.output(new OutputTag<>("side", String.class), "side " + left.id());
      }
    };
    try (TwoInputHarness<Event, Event, String> h = harness(describe, -5000, true, 5000, true, false)) {
      h.left(new Event(1, "a", 3000), 3000).right(new Event(11, "a", 1000), 1000).right(new Event(12, "a", 4000), 4000);
      assertThat(h.output()).containsExactly(pair("3000/1000/3000", 3000), pair("3000/4000/4000", 4000));
      assertThat(h.sideOutput("side")).containsExactly(
          new Emitted("side 1", 3000, "side"), new Emitted("side 1", 4000, "side"));
    }
  }

  @Test
  void elementAtTheWatermarkIsJoinedButOneBelowItIsLateAndGoesToItsSideOutput() throws Exception {
    try (TwoInputHarness<Event, Event, String> h = harness(-1000, true, 1000, true, true)) {
      h.watermark(5000)
          .left(new Event(1, "a", 5000), 5000)      // == watermark: kept
          .left(new Event(2, "a", 4999), 4999)      // < watermark: late
          .right(new Event(11, "a", 5500), 5500)    // joins 1
          .right(new Event(12, "a", 4999), 4999);   // late, although 1 would pair with it
      assertThat(h.output()).containsExactly(pair("1-11", 5500));
      assertThat(h.sideOutput("left-late")).containsExactly(new Emitted(new Event(2, "a", 4999), 4999, "left-late"));
      assertThat(h.sideOutput("right-late")).containsExactly(new Emitted(new Event(12, "a", 4999), 4999, "right-late"));
    }
  }

  @Test
  void lateElementsWithoutSideOutputAreDroppedAndNotBuffered() throws Exception {
    try (TwoInputHarness<Event, Event, String> h = harness(-1000, true, 1000, true, false)) {
      h.watermark(5000).left(new Event(1, "a", 4000), 4000).right(new Event(11, "a", 4000), 4000);
      assertThat(h.output()).isEmpty();
      assertThat(h.stateEntries()).isZero();
    }
  }

  @Test
  void eachSideIsReleasedOnceTheWatermarkMakesAMatchImpossible() throws Exception {
    // between(-2000, 1000): a left element waits until l.ts + 1000, a right one until r.ts + 2000.
    try (TwoInputHarness<Event, Event, String> h = harness(-2000, true, 1000, true, false)) {
      h.left(new Event(1, "a", 10000), 10000).right(new Event(11, "b", 10000), 10000);
      assertThat(h.stateEntries()).as("left buffer of a, right buffer of b").isEqualTo(2);
      h.watermark(10999);
      assertThat(h.stateEntries()).isEqualTo(2);
      h.watermark(11000);
      assertThat(h.stateEntries()).as("left element released at l.ts + upper").isEqualTo(1);
      h.watermark(11999);
      assertThat(h.stateEntries()).isEqualTo(1);
      h.watermark(12000);
      assertThat(h.stateEntries()).as("right element released at r.ts - lower").isZero();
    }
  }

  @Test
  void boundsOnOneSideOfZeroReleaseAtTheElementsOwnTimestamp() throws Exception {
    // between(1000, 3000): right elements can only match earlier left ones, so they are released at r.ts.
    try (TwoInputHarness<Event, Event, String> h = harness(1000, true, 3000, true, false)) {
      h.left(new Event(1, "a", 10000), 10000).right(new Event(11, "a", 12000), 12000)
          .right(new Event(12, "a", 10500), 10500);
      assertThat(h.output()).containsExactly(pair("1-11", 12000));
      h.watermark(12000);
      assertThat(h.stateEntries()).as("left waits until 13000").isEqualTo(1);
      h.watermark(13000);
      assertThat(h.stateEntries()).isZero();
    }
    // between(-3000, -1000): left elements can only match earlier right ones, so they are released at l.ts.
    try (TwoInputHarness<Event, Event, String> h = harness(-3000, true, -1000, true, false)) {
      h.right(new Event(11, "a", 8000), 8000).left(new Event(1, "a", 10000), 10000);
      assertThat(h.output()).containsExactly(pair("1-11", 10000));
      h.watermark(10000);
      assertThat(h.stateEntries()).as("right waits until 11000").isEqualTo(1);
      h.watermark(11000);
      assertThat(h.stateEntries()).isZero();
    }
  }

  @Test
  void stateReturnsToZeroBehindTheWatermarkAfterManyKeysAndTimestamps() throws Exception {
    Random random = new Random(42);
    try (TwoInputHarness<Event, Event, String> h = harness(-700, false, 300, true, false)) {
      long wm = Long.MIN_VALUE;
      for (int i = 0; i < 2_000; i++) {
        long ts = i * 10L + random.nextInt(500);
        Event e = new Event(i, "k" + random.nextInt(17), ts);
        if (random.nextBoolean()) {
          h.left(e, ts);
        } else {
          h.right(e, ts);
        }
        if (i % 50 == 0) {
          wm = Math.max(wm, i * 10L - 1000);
          h.watermark(wm);
        }
      }
      assertThat(h.stateEntries()).isPositive();
      h.watermark(Long.MAX_VALUE);
      assertThat(h.stateEntries()).isZero();
      assertThat(h.watermarks()).last().isEqualTo(Long.MAX_VALUE);
    }
  }

  @Test
  void elementsWithoutTimestampsFailNamingTheFix() throws Exception {
    try (TwoInputHarness<Event, Event, String> h = harness(-1000, true, 1000, true, false)) {
      assertThatThrownBy(() -> h.left(new Event(1, "a", 0), Output.NO_TIMESTAMP))
          .hasMessageContaining("intervalJoin@0 (test)")
          .hasMessageContaining("assignTimestampsAndWatermarks");
    }
  }

  @Test
  void lowerBoundAboveUpperBoundIsRejectedNamingBoth() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KeyedStream<Event, String> left = env.fromElements(new Event(1, "a", 0)).keyBy(Event::key);
    KeyedStream<Event, String> right = env.fromElements(new Event(2, "a", 0)).keyBy(Event::key);
    assertThatThrownBy(() -> left.intervalJoin(right).between(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower bound PT2S")
        .hasMessageContaining("upper bound PT1S");
  }
}
