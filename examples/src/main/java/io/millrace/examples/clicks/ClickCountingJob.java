package io.millrace.examples.clicks;

import io.millrace.api.CloseableIterator;
import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.DataGeneratorSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts clicks per user: a generated stream of clicks, keyed by user, counted by
 * {@link ClickCounter} in keyed state. Prints a sample of the running counts and the
 * throughput.
 *
 * <p>Run it with {@code mvn -q -pl examples -am compile exec:java} (2,000,000 clicks), or pass
 * the number of clicks: {@code -Dexec.args=10000000}.
 */
public final class ClickCountingJob {
  /** Clicks generated when no argument is given. */
  static final long DEFAULT_CLICKS = 2_000_000;

  /** Number of distinct users; the generator spreads clicks evenly over them. */
  static final int USERS = 1_000;

  /** A running count is sampled when it reaches a multiple of this. */
  static final long MILESTONE = 1_000;

  private static final int PRINTED_SAMPLES = 5;

  private ClickCountingJob() {}

  /** The click with index {@code i}: a deterministic function of the index, so runs repeat. */
  static ClickEvent click(long i) {
    return new ClickEvent("user-" + (i * 7919 % USERS), "ad-" + (i % 50));
  }

  /** Runs the job: {@code args[0]} is the number of clicks (default 2,000,000). */
  public static void main(String[] args) throws Exception {
    long clicks = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : DEFAULT_CLICKS;
    if (clicks <= 0) {
      throw new IllegalArgumentException("the number of clicks must be positive, got " + clicks);
    }

    // [START job]
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    DataStream<ClickEvent> events = env.fromSource(
        new DataGeneratorSource<>(ClickCountingJob::click, clicks, ClickEvent.class),
        WatermarkStrategy.noWatermarks(),
        "clicks");

    DataStream<ClickCount> milestones = events
        .keyBy(ClickEvent::getUserId)
        .process(new ClickCounter())
        .filter(count -> count.getCount() % MILESTONE == 0);
    // [END job]

    System.out.printf("Counting %,d clicks of %,d users at parallelism %d%n", clicks, USERS, env.getParallelism());
    Map<String, Long> latest = new HashMap<>();
    long sampled = 0;
    long start = System.nanoTime();
    try (CloseableIterator<ClickCount> results = milestones.executeAndCollect()) {
      while (results.hasNext()) {
        ClickCount count = results.next();
        if (sampled++ < PRINTED_SAMPLES) {
          System.out.printf("  %s reached %,d clicks%n", count.getUserId(), count.getCount());
        }
        latest.merge(count.getUserId(), count.getCount(), Math::max);
      }
    }
    long nanos = System.nanoTime() - start;

    System.out.printf("  ... %,d milestones (every %,d clicks of a user) from %,d users%n", sampled, MILESTONE, latest.size());
    latest.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3)
        .forEach(top -> System.out.printf("  top: %s with at least %,d clicks%n", top.getKey(), top.getValue()));
    System.out.printf("Processed %,d clicks in %,d ms: %,.0f clicks/s%n",
        clicks, nanos / 1_000_000, clicks / (nanos / 1e9));
  }
}
