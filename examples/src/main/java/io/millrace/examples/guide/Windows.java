package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.Time;
import io.millrace.api.eventtime.Watermark;
import io.millrace.api.eventtime.WatermarkGenerator;
import io.millrace.api.eventtime.WatermarkOutput;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ProcessJoinFunction;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.assigners.EventTimeSessionWindows;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Windows and joins on a small, fixed stream of page views. */
public final class Windows {
  private Windows() {}

  /** A page view at an event time (epoch milliseconds). */
  public record View(String page, String user, long time) {}

  /** Views over three minutes: eve's arrives 20 s behind the watermark, dan's 85 s behind. */
  static List<View> views() {
    return List.of(
        new View("home", "ann", 5_000), new View("home", "bob", 20_000), new View("cart", "ann", 30_000),
        new View("home", "ann", 70_000), new View("cart", "eve", 40_000), new View("cart", "bob", 95_000),
        new View("home", "cid", 150_000), new View("home", "dan", 55_000));
  }

  // [START punctuated]
  /** Bounded out-of-orderness, but emitted after every event instead of periodically. */
  public static class PerEventWatermarks implements WatermarkGenerator<View> {
    private long maxTime = Long.MIN_VALUE + 10_001;

    @Override
    public void onEvent(View view, long timestamp, WatermarkOutput output) {
      maxTime = Math.max(maxTime, timestamp);
      output.emitWatermark(new Watermark(maxTime - 10_000 - 1));   // 10 s of out-of-orderness
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  static DataStream<View> timed(StreamExecutionEnvironment env) {
    return env.fromCollection(views())
        .assignTimestampsAndWatermarks(WatermarkStrategy.forGenerator(PerEventWatermarks::new)
            .withTimestampAssigner((view, previous) -> view.time()))
        .setParallelism(1);   // one generator sees every view in order (as the source emits them)
  }
  // [END punctuated]

  // [START count-function]
  /** Counts the elements of a window. */
  public static class CountViews implements AggregateFunction<View, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(View view, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Labels a window's count with its page and start. */
  public static class Label extends ProcessWindowFunction<Long, String, String, TimeWindow> {
    @Override
    public void process(String page, Context ctx, Iterable<Long> counts, Collector<String> out) {
      out.collect(page + " @" + ctx.window().getStart() / 1000 + "s: " + counts.iterator().next());
    }
  }
  // [END count-function]

  /** Tumbling one-minute counts per page, with lateness and a side output. */
  static List<String> tumbling(StreamExecutionEnvironment env, List<View> late) throws Exception {
    // [START tumbling]
    OutputTag<View> tooLate = new OutputTag<>("too-late", View.class);
    SingleOutputStreamOperator<String> perMinute = timed(env)
        .keyBy(View::page)
        .window(TumblingEventTimeWindows.of(Time.minutes(1)))
        .allowedLateness(Time.seconds(30))       // a late view within 30 s re-fires its window
        .sideOutputLateData(tooLate)             // later ones go here instead of being dropped
        .aggregate(new CountViews(), new Label());
    perMinute.getSideOutput(tooLate).addSink(late::add);
    // [END tumbling]
    return perMinute.executeAndCollect(100);
  }

  /** Sliding and session windows. */
  static List<String> slidingAndSessions(StreamExecutionEnvironment env) throws Exception {
    // [START sliding-session]
    DataStream<String> everyThirtySeconds = timed(env)
        .keyBy(View::page)
        .window(SlidingEventTimeWindows.of(Time.minutes(1), Time.seconds(30)))   // each view in 2 windows
        .aggregate(new CountViews(), new Label());

    DataStream<String> sessions = timed(env)
        .keyBy(View::user)
        .window(EventTimeSessionWindows.withGap(Time.seconds(45)))               // 45 s of silence ends a session
        .process(new ProcessWindowFunction<View, String, String, TimeWindow>() {
          @Override
          public void process(String user, Context ctx, Iterable<View> views, Collector<String> out) {
            List<String> pages = new ArrayList<>();
            views.forEach(view -> pages.add(view.page()));
            out.collect(user + " session " + ctx.window().getStart() / 1000 + "-" + ctx.window().getEnd() / 1000 + "s " + pages);
          }
        });
    // [END sliding-session]
    return everyThirtySeconds.union(sessions).executeAndCollect(100);
  }

  /** Joins views with purchases. */
  static List<String> joins(StreamExecutionEnvironment env) throws Exception {
    DataStream<View> views = timed(env);
    DataStream<View> purchases = env.fromElements(new View("cart", "ann", 40_000), new View("cart", "bob", 200_000))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<View>forMonotonousTimestamps()
            .withTimestampAssigner((view, previous) -> view.time()));
    // [START joins]
    DataStream<String> sameMinute = views.join(purchases)
        .where(View::user).equalTo(View::user)
        .window(TumblingEventTimeWindows.of(Time.minutes(1)))
        .apply((view, purchase) -> purchase.user() + " bought after viewing " + view.page());

    DataStream<String> withinAMinuteBefore = views.keyBy(View::user)
        .intervalJoin(purchases.keyBy(View::user))
        .between(Duration.ZERO, Duration.ofMinutes(1))          // purchase 0..60 s after the view
        .process(new ProcessJoinFunction<View, View, String>() {
          @Override
          public void processElement(View view, View purchase, Context ctx, Collector<String> out) {
            out.collect(view.user() + " viewed " + view.page() + " " + (purchase.time() - view.time()) / 1000 + "s before buying");
          }
        });
    // [END joins]
    return sameMinute.union(withinAMinuteBefore).executeAndCollect(100);
  }

  public static void main(String[] args) throws Exception {
    List<View> late = new ArrayList<>();
    tumbling(StreamExecutionEnvironment.createLocalEnvironment(2), late).forEach(System.out::println);
    System.out.println("too late: " + late);
    slidingAndSessions(StreamExecutionEnvironment.createLocalEnvironment(2)).forEach(System.out::println);
    joins(StreamExecutionEnvironment.createLocalEnvironment(2)).forEach(System.out::println);
  }
}
