package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RateLimiterStrategy;
import io.millrace.api.source.SourceFunction;
import io.millrace.examples.clicks.ClickEvent;
import java.util.List;

/** The sources of the DataStream API guide. */
public final class Sources {
  private Sources() {}

  /** The two streams of {@link #elements}. */
  record Elements(DataStream<String> words, DataStream<ClickEvent> clicks) {}

  /** Non-parallel sources of given elements. */
  static Elements elements(StreamExecutionEnvironment env) {
    // [START from-elements]
    DataStream<String> words = env.fromElements("to", "be", "or", "not", "to", "be");

    List<ClickEvent> recorded = List.of(new ClickEvent("alice", "ad-1"), new ClickEvent("bob", "ad-2"));
    DataStream<ClickEvent> clicks = env.fromCollection(recorded);
    // [END from-elements]
    return new Elements(words, clicks);
  }

  /** A parallel sequence of numbers, filtered down to the multiples of 250,000. */
  static DataStream<Long> sequence(StreamExecutionEnvironment env) {
    // [START from-sequence]
    DataStream<Long> numbers = env.fromSequence(1, 1_000_000);   // split among the subtasks
    // [END from-sequence]
    return numbers.filter(n -> n % 250_000 == 0);
  }

  /** A generated stream: element i is a function of the index i. */
  static DataStream<ClickEvent> generator(StreamExecutionEnvironment env) {
    // [START data-generator]
    DataGeneratorSource<ClickEvent> generator = new DataGeneratorSource<>(
        index -> new ClickEvent("user-" + (index * 7919 % 1000), "ad-" + (index % 50)),
        100_000,                                 // elements; Long.MAX_VALUE for an unbounded source
        RateLimiterStrategy.perSecond(500_000),  // or RateLimiterStrategy.noOp(): as fast as possible
        ClickEvent.class);

    DataStream<ClickEvent> clicks = env.fromSource(generator, WatermarkStrategy.noWatermarks(), "clicks");
    // [END data-generator]
    return clicks;
  }

  /** A source written as a loop. */
  static DataStream<Long> sourceFunction(StreamExecutionEnvironment env) {
    // [START add-source]
    DataStream<Long> ticks = env.addSource(new SourceFunction<Long>() {
      private static final long serialVersionUID = 1L;
      private volatile boolean running = true;

      @Override
      public void run(SourceContext<Long> ctx) {
        for (long i = 0; running && i < 5; i++) {
          ctx.collect(i);
        }
      }

      @Override
      public void cancel() {
        running = false;
      }
    }, "ticks");
    // [END add-source]
    return ticks;
  }

  /** Runs each source in a job of its own. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    Elements elements = elements(env);
    elements.words().print();
    elements.clicks().print();
    env.execute("elements");
    sequence(env).print();
    env.execute("sequence");
    System.out.println(generator(env).executeAndCollect(3));
    sourceFunction(env).print();
    env.execute("source function");
  }
}
