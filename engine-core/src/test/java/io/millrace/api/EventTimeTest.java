package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.eventtime.Watermark;
import io.millrace.api.eventtime.WatermarkGenerator;
import io.millrace.api.eventtime.WatermarkOutput;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.SourceFunction;
import io.millrace.state.StateBackend;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

class EventTimeTest {

  /** An event: a key and an event timestamp. */
  record Event(String key, long ts) {}

  /** A step of a {@link ScriptedSource}. */
  sealed interface Step {}

  record Emit(String key, long ts) implements Step {}

  record EmitWatermark(long watermark) implements Step {}

  record Idle() implements Step {}

  /** Marks the source idle (which hands its partial batch downstream), then waits. */
  record Await(CountDownLatch latch) implements Step {}

  /**
   * Waits while staying active, so the source keeps holding the watermark back. Use it right
   * after a watermark, which already handed everything before it downstream.
   */
  record Block(CountDownLatch latch) implements Step {}

  /**
   * A non-parallel source playing a fixed script; shared by reference (not a rich function), so
   * the latches in its script are the test's own.
   */
  static final class ScriptedSource implements SourceFunction<Event> {
    private static final long serialVersionUID = 1L;
    private final transient List<Step> script;
    private volatile boolean running = true;

    ScriptedSource(Step... script) {
      this.script = List.of(script);
    }

    @Override
    public void run(SourceContext<Event> ctx) throws InterruptedException {
      for (Step step : script) {
        if (!running) {
          return;
        }
        if (step instanceof Emit emit) {
          ctx.collectWithTimestamp(new Event(emit.key(), emit.ts()), emit.ts());
        } else if (step instanceof EmitWatermark watermark) {
          ctx.emitWatermark(new Watermark(watermark.watermark()));
        } else if (step instanceof Idle) {
          ctx.markAsTemporarilyIdle();
        } else if (step instanceof Await await) {
          ctx.markAsTemporarilyIdle(); // hand everything emitted so far downstream first
          assertThat(await.latch().await(10, TimeUnit.SECONDS)).as("awaited latch").isTrue();
        } else if (step instanceof Block block) {
          assertThat(block.latch().await(10, TimeUnit.SECONDS)).as("awaited latch").isTrue();
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  /** Registers the given event-time timers for a key on its first element; reports firings. */
  static final class TimerReporter extends KeyedProcessFunction<String, Event, String> {
    private static final long serialVersionUID = 1L;
    private final transient java.util.Map<String, long[]> timersPerKey;
    private final transient java.util.Map<Long, CountDownLatch> onFired;

    TimerReporter(java.util.Map<String, long[]> timersPerKey, java.util.Map<Long, CountDownLatch> onFired) {
      this.timersPerKey = timersPerKey;
      this.onFired = onFired;
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<String> out) {
      for (long timer : timersPerKey.getOrDefault(event.key(), new long[0])) {
        ctx.timerService().registerEventTimeTimer(timer);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + " timer " + timestamp + " at wm " + ctx.timerService().currentWatermark());
      CountDownLatch latch = onFired.get(timestamp);
      if (latch != null) {
        latch.countDown();
      }
    }
  }

  /** Emits a watermark one below each event's timestamp (a punctuated generator). */
  static final class EveryEvent implements WatermarkGenerator<Event> {
    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /** Emits, per element, the watermark the keyed operator had when the element arrived. */
  static final class WatermarkTrace extends KeyedProcessFunction<String, Event, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Event event, Context ctx, Collector<String> out) {
      out.collect(event.ts() + "@" + ctx.timestamp() + " wm " + ctx.timerService().currentWatermark());
    }
  }

  /** Event time through keyed operators, whose timers are scoped to keys: on each state backend. */
  @Nested
  @ParameterizedClass(name = "on {0}")
  @MethodSource("io.millrace.api.StateBackendsUnderTest#all")
  class Keyed {
    @Parameter
    StateBackend backend;

    @Test
    void operatorWatermarkIsTheMinimumOfItsInputsAndAnIdleInputStopsHoldingItBack() throws Exception {
      CountDownLatch timer40Fired = new CountDownLatch(1);
      CountDownLatch timer60Fired = new CountDownLatch(1);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1).setStateBackend(backend);
      // Both sources stay active while they wait (Block), so neither stops holding the other back
      // until the slow one says it is idle: the order in which they run does not matter.
      DataStream<Event> fast = env.addSource(new ScriptedSource(
          new Emit("a", 10), new EmitWatermark(100), new Block(timer60Fired)));
      DataStream<Event> slow = env.addSource(new ScriptedSource(
          new Emit("b", 10), new EmitWatermark(50), new Block(timer40Fired), new Idle(), new Block(timer60Fired)));
      ConcurrentLinkedQueue<String> fired = new ConcurrentLinkedQueue<>();
      fast.union(slow)
          .keyBy(Event::key)
          .process(new TimerReporter(
              java.util.Map.of("a", new long[] {40, 60}, "b", new long[] {120}),
              java.util.Map.of(40L, timer40Fired, 60L, timer60Fired)))
          .addSink(fired::add);

      env.execute("min watermark");

      assertThat(fired).containsExactly(
          "a timer 40 at wm 50",
          "a timer 60 at wm 100",
          "b timer 120 at wm " + Long.MAX_VALUE);
    }

    @Test
    void eventTimeTimersOfDifferentKeysFireInTimestampOrder() throws Exception {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1).setStateBackend(backend);
      ConcurrentLinkedQueue<String> fired = new ConcurrentLinkedQueue<>();
      env.addSource(new ScriptedSource(new Emit("x", 1), new Emit("y", 1), new Emit("z", 1), new EmitWatermark(1_000)))
          .keyBy(Event::key)
          .process(new TimerReporter(
              java.util.Map.of("x", new long[] {500, 30}, "y", new long[] {400, 999}, "z", new long[] {20, 1_000, 5_000}),
              java.util.Map.of()))
          .addSink(fired::add);

      env.execute("timer order");

      assertThat(fired).containsExactly(
          "z timer 20 at wm 1000",
          "x timer 30 at wm 1000",
          "y timer 400 at wm 1000",
          "x timer 500 at wm 1000",
          "y timer 999 at wm 1000",
          "z timer 1000 at wm 1000",
          "z timer 5000 at wm " + Long.MAX_VALUE);
    }

    @Test
    void splitSourceWatermarksFollowTheirRecordsThroughTheJob() throws Exception {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1).setStateBackend(backend);
      env.getConfig().setAutoWatermarkInterval(0);
      List<String> trace = env.fromSource(
              new DataGeneratorSource<>(i -> new Event("k", i * 10), 4, Event.class),
              WatermarkStrategy.<Event>forGenerator(EveryEvent::new).withTimestampAssigner((e, previous) -> e.ts()),
              "events")
          .keyBy(Event::key)
          .process(new WatermarkTrace())
          .executeAndCollect(10);

      assertThat(trace).containsExactly(
          "0@0 wm " + Long.MIN_VALUE, "10@10 wm -1", "20@20 wm 9", "30@30 wm 19");
    }

    @Test
    void assignTimestampsAndWatermarksRestampsRecordsAndReplacesUpstreamWatermarks() throws Exception {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1).setStateBackend(backend);
      env.getConfig().setAutoWatermarkInterval(0);
      List<String> trace = env.addSource(new ScriptedSource(
              new Emit("k", 5), new EmitWatermark(1_000), new Emit("k", 7), new Emit("k", 9)))
          .assignTimestampsAndWatermarks(
              WatermarkStrategy.<Event>forGenerator(EveryEvent::new).withTimestampAssigner((e, previous) -> e.ts() * 100))
          .keyBy(Event::key)
          .process(new WatermarkTrace())
          .executeAndCollect(10);

      // The source's watermark 1000 is dropped; the new strategy's watermarks (ts*100 - 1) rule.
      assertThat(trace).containsExactly(
          "5@500 wm " + Long.MIN_VALUE, "7@700 wm 499", "9@900 wm 699");
    }
  }

  @Test
  void aNegativeTimestampFailsTheJobNamingTheRecord() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements(new Event("k", 5), new Event("k", -3))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Event>forMonotonousTimestamps().withTimestampAssigner((e, previous) -> e.ts()))
        .addSink(value -> {});

    assertThatThrownBy(() -> env.execute("negative"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("timestamps@2 (watermarks)")
        .hasMessageContaining("returned -3 for Event[key=k, ts=-3]")
        .hasMessageContaining("must not be negative");
  }
}
