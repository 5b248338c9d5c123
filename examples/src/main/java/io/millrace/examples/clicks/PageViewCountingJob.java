package io.millrace.examples.clicks;

import io.millrace.api.CloseableIterator;
import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.Time;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts page views per page in 1-minute tumbling event-time windows: the windowed form of the
 * click counting in the Flink notes. Views carry their own timestamps and arrive up to 10 s out
 * of order (the watermark's bound); a view later than that but within the 1-minute allowed
 * lateness is still counted and fires its window again with the updated count; later views are
 * dropped. Prints a sample of the window results and the throughput.
 *
 * <p>Run it with
 * {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.millrace.examples.clicks.PageViewCountingJob}
 * (2,000,000 views), or pass the number of views: {@code -Dexec.args=10000000}.
 */
public final class PageViewCountingJob {
  /** Views generated when no argument is given. */
  static final long DEFAULT_VIEWS = 2_000_000;

  /** Window length. */
  static final Duration WINDOW = Time.minutes(1);
  /** How far out of order views may arrive before they count as late. */
  static final Duration OUT_OF_ORDERNESS = Time.seconds(10);
  /** How long after the watermark passed a window late views still update it. */
  static final Duration ALLOWED_LATENESS = Time.minutes(1);

  /** Number of distinct pages in the generated stream. */
  static final int PAGES = 20;
  /** Number of distinct users in the generated stream. */
  static final int USERS = 10_000;
  /** Event time of the first generated view: 2026-11-25T00:00:00Z. */
  static final long START = 1_795_564_800_000L;
  /** One view in this many is generated 30 s late: beyond the bound, within the lateness. */
  static final long LATE_EVERY = 10_000;

  private static final int PRINTED_SAMPLES = 8;

  private PageViewCountingJob() {}

  // [START job]
  /** Page views per page and 1-minute window, for views with timestamps and watermarks. */
  static DataStream<PageViewCount> countViews(DataStream<PageView> views) {
    return views
        .keyBy(PageView::page)
        .window(TumblingEventTimeWindows.of(WINDOW))
        .allowedLateness(ALLOWED_LATENESS)
        .aggregate(new CountViews(), new AddPageAndWindow());
  }

  /** Counts the views of a window incrementally: one {@code Long} per page and window. */
  static final class CountViews implements AggregateFunction<PageView, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(PageView view, Long count) {
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

  /** Labels a window's count with its page and bounds. */
  static final class AddPageAndWindow extends ProcessWindowFunction<Long, PageViewCount, String, TimeWindow> {
    @Override
    public void process(String page, Context context, Iterable<Long> counts, Collector<PageViewCount> out) {
      TimeWindow window = context.window();
      out.collect(new PageViewCount(page, window.getStart(), window.getEnd(), counts.iterator().next()));
    }
  }
  // [END job]

  /**
   * The view with index {@code i}: a deterministic function of the index, so runs repeat. One
   * view per millisecond of event time, up to 8 s out of order, and every
   * {@value #LATE_EVERY}th view 30 s late.
   */
  static PageView view(long i) {
    long h = mix(i);
    long delay = i % LATE_EVERY == LATE_EVERY - 1 ? 30_000 : (h >>> 40) % 8_000;
    return new PageView("/page-" + (h >>> 1) % PAGES, "user-" + (h >>> 20) % USERS, START + i - delay);
  }

  /** The splitmix64 finaliser: spreads consecutive indexes over pages, users and delays. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Runs the job: {@code args[0]} is the number of views (default 2,000,000). */
  public static void main(String[] args) throws Exception {
    long views = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : DEFAULT_VIEWS;
    if (views <= 0) {
      throw new IllegalArgumentException("the number of views must be positive, got " + views);
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<PageView> pageViews = env.fromSource(
        new DataGeneratorSource<>(PageViewCountingJob::view, views, PageView.class),
        WatermarkStrategy.<PageView>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
            .withTimestampAssigner((view, previous) -> view.timestamp()),
        "page views");
    DataStream<PageViewCount> counts = countViews(pageViews);

    System.out.printf("Counting %,d views of %d pages in %s windows at parallelism %d%n",
        views, PAGES, WINDOW, env.getParallelism());
    Map<String, Long> latest = new HashMap<>(); // page@windowStart -> the last count fired
    long results = 0;
    long start = System.nanoTime();
    try (CloseableIterator<PageViewCount> it = counts.executeAndCollect()) {
      while (it.hasNext()) {
        PageViewCount count = it.next();
        if (results++ < PRINTED_SAMPLES) {
          System.out.printf("  %-9s [%s, %s): %,d views%n", count.page(),
              Instant.ofEpochMilli(count.windowStart()), Instant.ofEpochMilli(count.windowEnd()), count.count());
        }
        latest.put(count.page() + "@" + count.windowStart(), count.count());
      }
    }
    long nanos = System.nanoTime() - start;

    long counted = latest.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("  ... %,d results for %,d (page, window) pairs; %,d more firings were late views updating a window%n",
        results, latest.size(), results - latest.size());
    System.out.printf("  the last result of each window counts %,d of the %,d views%n", counted, views);
    System.out.printf("Processed %,d views in %,d ms: %,.0f views/s%n",
        views, nanos / 1_000_000, views / (nanos / 1e9));
  }
}
