package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.List;

/** Event time: timestamps, watermark strategies and event-time timers. */
public final class EventTime {
  private EventTime() {}

  /** A reading of a sensor at an event time. */
  public record Reading(String sensor, long timestamp, double value) {}

  /** Readings of three sensors, one per second, up to 1.5 s out of order. */
  static Reading reading(long index) {
    long disorder = (index * 7919) % 1500;
    return new Reading("sensor-" + index % 3, 1_700_000_000_000L + index * 1000 - disorder, index % 10);
  }

  /** Reads timestamped readings from a source with a watermark strategy. */
  static DataStream<Reading> readings(StreamExecutionEnvironment env, long count) {
    // [START source-strategy]
    WatermarkStrategy<Reading> strategy = WatermarkStrategy
        .<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(2))   // events up to 2 s late are on time
        .withTimestampAssigner((reading, previous) -> reading.timestamp())
        .withIdleness(Duration.ofMinutes(1));                        // a silent split stops holding others back

    DataStream<Reading> readings = env.fromSource(
        new DataGeneratorSource<>(EventTime::reading, count, Reading.class), strategy, "readings");
    // [END source-strategy]
    return readings;
  }

  /** Adds timestamps and watermarks in the middle of a pipeline. */
  static DataStream<Reading> restamped(DataStream<Reading> untimed) {
    // [START assign]
    DataStream<Reading> timed = untimed.assignTimestampsAndWatermarks(
        WatermarkStrategy.<Reading>forMonotonousTimestamps()
            .withTimestampAssigner((reading, previous) -> reading.timestamp()));
    // [END assign]
    return timed;
  }

  // [START event-timer]
  /** Emits a sensor's number of readings once it has been silent for 10 s of event time. */
  public static class SilenceDetector extends KeyedProcessFunction<String, Reading, String> {
    private ValueState<Long> count;
    private ValueState<Long> deadline;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Long.class));
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<String> out) throws Exception {
      Long previous = count.value();
      count.update(previous == null ? 1 : previous + 1);
      Long pending = deadline.value();
      if (pending != null) {
        ctx.timerService().deleteEventTimeTimer(pending);
      }
      long next = Math.max(ctx.timestamp(), pending == null ? Long.MIN_VALUE : pending - 10_000) + 10_000;
      ctx.timerService().registerEventTimeTimer(next);   // fires when the watermark passes it
      deadline.update(next);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + " went silent after " + count.value() + " readings");
      count.clear();
      deadline.clear();
    }
  }
  // [END event-timer]

  /** Runs the detector over 30 readings; the job's end fires the last timers. */
  static List<String> run() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    return readings(env, 30)
        .keyBy(Reading::sensor)
        .process(new SilenceDetector())
        .executeAndCollect(10);
  }

  public static void main(String[] args) throws Exception {
    run().stream().sorted().forEach(System.out::println);
  }
}
