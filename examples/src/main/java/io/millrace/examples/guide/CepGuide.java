package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.Watermark;
import io.millrace.api.eventtime.WatermarkGenerator;
import io.millrace.api.eventtime.WatermarkOutput;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.cep.CEP;
import io.millrace.cep.PatternStream;
import io.millrace.cep.functions.PatternProcessFunction;
import io.millrace.cep.functions.TimedOutPartialMatchHandler;
import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Complex event processing: patterns over the transactions of a card. */
public final class CepGuide {
  private CepGuide() {}

  /** A card transaction: {@code id} names it in the output, {@code minute} is its event time. */
  public record Txn(String id, String card, long minute, long amount, String country) implements Serializable {
    /** The event time in milliseconds. */
    public long time() {
      return Duration.ofMinutes(minute).toMillis();
    }
  }

  /** A transaction of card {@code c1} in {@code DE}. */
  static Txn txn(String id, long minute, long amount) {
    return new Txn(id, "c1", minute, amount, "DE");
  }

  /** A small, a medium and a large transaction, then a small and a large one, a minute apart. */
  static List<Txn> mixed() {
    return List.of(txn("s1", 0, 5), txn("m1", 1, 50), txn("l1", 2, 2000), txn("s2", 3, 3), txn("l2", 4, 1500));
  }

  /** Four small transactions in a row, then a large one. */
  static List<Txn> burst() {
    return List.of(txn("s1", 0, 5), txn("s2", 1, 3), txn("s3", 2, 7), txn("s4", 3, 2), txn("l1", 4, 3000));
  }

  /** Watermarks right behind every event: an event older than the newest one seen is late. */
  public static class PerEventWatermarks implements WatermarkGenerator<Txn> {
    @Override
    public void onEvent(Txn txn, long timestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(timestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /** {@code txns} with their event times, in the order given. */
  static DataStream<Txn> timed(StreamExecutionEnvironment env, List<Txn> txns) {
    return env.fromCollection(txns)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Txn>forGenerator(PerEventWatermarks::new)
            .withTimestampAssigner((txn, previous) -> txn.time()))
        .setParallelism(1);
  }

  /** The ids of the events of {@code stages}, as {@code "small[s1] large[l1]"}; stages without events are left out. */
  static String describe(Map<String, List<Txn>> match, String... stages) {
    return Arrays.stream(stages)
        .filter(match::containsKey)
        .map(stage -> stage + match.get(stage).stream().map(Txn::id).collect(Collectors.joining(",", "[", "]")))
        .collect(Collectors.joining(" "));
  }

  /** The matches of {@code pattern} on {@code txns} keyed by card, described by their stages. */
  static DataStream<String> matches(StreamExecutionEnvironment env, List<Txn> txns, Pattern<Txn, ?> pattern, String... stages) {
    return CEP.pattern(timed(env, txns).keyBy(Txn::card), pattern).select(match -> describe(match, stages));
  }

  static DataStream<String> firstPattern(StreamExecutionEnvironment env) {
    DataStream<Txn> transactions = timed(env, mixed());
    // [START first-pattern]
    Pattern<Txn, ?> smallThenLarge = Pattern.<Txn>begin("small")
        .where(txn -> txn.amount() < 10)
        .next("large")
        .where(txn -> txn.amount() > 1000)
        .within(Duration.ofMinutes(5));

    PatternStream<Txn> matches = CEP.pattern(transactions.keyBy(Txn::card), smallThenLarge);
    DataStream<String> alerts = matches.select(match ->
        "small " + match.get("small").get(0).id() + " then large " + match.get("large").get(0).id());
    // [END first-pattern]
    return alerts;
  }

  // [START contiguity]
  static Pattern<Txn, ?> strict() {
    return Pattern.<Txn>begin("small").where(txn -> txn.amount() < 10)
        .next("large").where(txn -> txn.amount() > 1000);            // the very next event
  }

  static Pattern<Txn, ?> relaxed() {
    return Pattern.<Txn>begin("small").where(txn -> txn.amount() < 10)
        .followedBy("large").where(txn -> txn.amount() > 1000);      // the first matching event later
  }

  static Pattern<Txn, ?> nonDeterministic() {
    return Pattern.<Txn>begin("small").where(txn -> txn.amount() < 10)
        .followedByAny("large").where(txn -> txn.amount() > 1000);   // every matching event later
  }
  // [END contiguity]

  // [START quantifiers]
  static Pattern<Txn, ?> threeSmallInARow() {
    return Pattern.<Txn>begin("small").where(txn -> txn.amount() < 10)
        .times(3).consecutive()                                        // exactly 3, no event between
        .followedBy("large").where(txn -> txn.amount() > 1000);
  }

  static Pattern<Txn, ?> largeMaybeAfterSmall() {
    return Pattern.<Txn>begin("small").where(txn -> txn.amount() < 10)
        .optional()                                                    // with or without it
        .next("large").where(txn -> txn.amount() > 1000);
  }
  // [END quantifiers]

  // [START iterative]
  static Pattern<Txn, ?> smallsUnderTenThenLarge() {
    return Pattern.<Txn>begin("smalls").where(txn -> txn.amount() < 10).oneOrMore().consecutive()
        .where((Txn txn, IterativeCondition.Context<Txn> ctx) -> {
          long total = txn.amount();
          for (Txn earlier : ctx.getEventsForPattern("smalls")) {     // taken so far by this match
            total += earlier.amount();
          }
          return total < 10;
        })
        .next("large").where(txn -> txn.amount() > 1000);
  }
  // [END iterative]

  // [START negation]
  static Pattern<Txn, ?> largeWithoutSmallAfter() {
    return Pattern.<Txn>begin("large").where(txn -> txn.amount() > 1000)
        .notFollowedBy("small").where(txn -> txn.amount() < 10)    // no small one ...
        .within(Duration.ofMinutes(5));                             // ... in the 5 minutes after it
  }
  // [END negation]

  // [START skip]
  static Pattern<Txn, ?> smallsThenLarge(AfterMatchSkipStrategy skip) {
    return Pattern.<Txn>begin("smalls", skip).where(txn -> txn.amount() < 10).oneOrMore().consecutive()
        .next("large").where(txn -> txn.amount() > 1000);
  }
  // [END skip]

  /** Small then large within 5 minutes; s1 and s3 find no large transaction in time. */
  static List<Txn> slow() {
    return List.of(txn("s1", 0, 5), txn("l1", 6, 2000), txn("s2", 7, 4), txn("l2", 9, 1200), txn("s3", 10, 8));
  }

  // [START timeouts]
  /** Alerts on matches; sends the partial matches that ran out of time to a side output. */
  static final class SmallThenLargeAlerts extends PatternProcessFunction<Txn, String>
      implements TimedOutPartialMatchHandler<Txn> {
    static final OutputTag<String> TIMED_OUT = new OutputTag<>("timed-out", String.class);

    @Override
    public void processMatch(Map<String, List<Txn>> match, Context ctx, Collector<String> out) {
      out.collect(describe(match, "small", "large") + " @" + ctx.timestamp() / 60_000 + "min");
    }

    @Override
    public void processTimedOutMatch(Map<String, List<Txn>> match, Context ctx) {
      ctx.output(TIMED_OUT, describe(match, "small", "large") + " timed out @" + ctx.timestamp() / 60_000 + "min");
    }
  }

  static void withTimeouts(StreamExecutionEnvironment env) {
    Pattern<Txn, ?> pattern = Pattern.<Txn>begin("small").where(txn -> txn.amount() < 10)
        .followedBy("large").where(txn -> txn.amount() > 1000)
        .within(Duration.ofMinutes(5));
    SingleOutputStreamOperator<String> alerts =
        CEP.pattern(timed(env, slow()).keyBy(Txn::card), pattern).process(new SmallThenLargeAlerts());
    DataStream<String> timedOut = alerts.getSideOutput(SmallThenLargeAlerts.TIMED_OUT);
    alerts.print();
    timedOut.print();
  }
  // [END timeouts]

  /** Small then large, but l1 arrives after l2 has moved the watermark past it. */
  static List<Txn> withLateEvent() {
    return List.of(txn("s1", 0, 5), txn("l2", 3, 1500), txn("l1", 1, 2000), txn("s2", 4, 2), txn("l3", 5, 1100));
  }

  // [START late]
  static final OutputTag<Txn> LATE = new OutputTag<>("late-transactions", Txn.class);

  static void lateData(StreamExecutionEnvironment env, Pattern<Txn, ?> pattern) {
    SingleOutputStreamOperator<String> matches = CEP.pattern(timed(env, withLateEvent()).keyBy(Txn::card), pattern)
        .sideOutputLateData(LATE)                    // instead of dropping them
        .select(match -> describe(match, "small", "large"));
    DataStream<Txn> late = matches.getSideOutput(LATE);
    matches.print();
    late.map(txn -> "late: " + txn.id()).print();
  }
  // [END late]

  static DataStream<String> inProcessingTime(StreamExecutionEnvironment env) {
    // [START processing-time]
    DataStream<String> matches = CEP.pattern(env.fromCollection(withLateEvent()).keyBy(Txn::card), strict())
        .inProcessingTime()                          // match in arrival order, no watermarks needed
        .select(match -> describe(match, "small", "large"));
    // [END processing-time]
    return matches;
  }

  /** An environment that keeps the partial matches in RocksDB under {@code directory}. */
  static StreamExecutionEnvironment onRocksDB(Path directory) {
    // [START rocksdb]
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(new EmbeddedRocksDBStateBackend().setLocalDirectory(directory));
    // [END rocksdb]
    return env;
  }

  /** Runs every example and prints what it finds. */
  public static void main(String[] args) throws Exception {
    Path directory = Files.createTempDirectory("millrace-cep-guide");
    try {
      StreamExecutionEnvironment env = onRocksDB(directory);
      firstPattern(env).print();
      env.execute("first pattern");
      for (String name : List.of("next", "followedBy", "followedByAny")) {
        Pattern<Txn, ?> pattern = name.equals("next") ? strict() : name.equals("followedBy") ? relaxed() : nonDeterministic();
        matches(env, mixed(), pattern, "small", "large").map(m -> name + ": " + m).print();
        env.execute(name);
      }
      withTimeouts(env);
      env.execute("timeouts");
      lateData(env, relaxed());
      env.execute("late data");
    } finally {
      try (var files = Files.walk(directory)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
