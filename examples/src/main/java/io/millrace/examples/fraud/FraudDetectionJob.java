package io.millrace.examples.fraud;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.Time;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.MapFunction;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.cep.CEP;
import io.millrace.cep.PatternSelectFunction;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import io.millrace.cep.pattern.conditions.SimpleCondition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fraud-detection job of the Flink notes, as one job on generated transactions and account
 * updates: enrichment by a temporal join, velocity detection on sliding windows, two CEP patterns
 * (a small transaction then a large one on the same card within 5 minutes; a card used in two
 * countries within 10 minutes), union, deduplication in tumbling windows, and the alerts printed
 * with a running summary.
 *
 * <pre>mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.millrace.examples.fraud.FraudDetectionJob</pre>
 *
 * <p>Arguments: the number of transactions (default 20000), the seed (default 42), the parallelism
 * (default 2).
 */
public final class FraudDetectionJob {
  /** The reason of the small-then-large pattern. */
  public static final String SMALL_THEN_LARGE = "small-then-large";
  /** The reason of the two-countries pattern. */
  public static final String TWO_COUNTRIES = "two-countries";

  private FraudDetectionJob() {}

  /** The deduplicated alerts of {@code data}'s transactions and updates. */
  public static DataStream<Alert> alerts(StreamExecutionEnvironment env, FraudData data) {
    DataStream<Transaction> transactions = env.fromCollection(data.transactions())
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Transaction>forBoundedOutOfOrderness(Duration.ofSeconds(10))
                .withTimestampAssigner((event, timestamp) -> event.getTimestamp()));
    DataStream<AccountUpdate> accountInfoStream = env.fromCollection(data.accountUpdates())
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<AccountUpdate>forMonotonousTimestamps()
                .withTimestampAssigner((update, timestamp) -> update.timestamp()));

    // Enrich with account information
    DataStream<EnrichedTransaction> enriched =
        transactions.keyBy(t -> t.getAccountId())
            .connect(accountInfoStream.keyBy(a -> a.getAccountId()))
            .process(new AccountEnrichmentFunction());

    // Velocity detection (3+ transactions over $1000 in 30 min)
    DataStream<Alert> velocityAlerts = enriched
        .keyBy(t -> t.getAccountId())
        .window(SlidingEventTimeWindows.of(Time.minutes(30), Time.minutes(5)))
        .process(new VelocityDetector(3, 1000.0));

    // Pattern detection: small tx followed by large tx within 5 min
    Pattern<EnrichedTransaction, ?> fraudPattern = Pattern.<EnrichedTransaction>begin("small-tx")
        .where(tx -> tx.getAmount() < 10.0)
        .next("large-tx")
        .where(tx -> tx.getAmount() > 1000.0)
        .within(Time.minutes(5));

    DataStream<Alert> patternAlerts = CEP.pattern(
        enriched.keyBy(t -> t.getCardId()), fraudPattern)
        .select(new PatternAlertSelector(SMALL_THEN_LARGE, "large-tx"));

    // Pattern: card used in two different countries within 10 minutes
    Pattern<EnrichedTransaction, ?> twoCountriesPattern = Pattern.<EnrichedTransaction>begin("first-tx")
        .where(new SimpleCondition<EnrichedTransaction>() {
          public boolean filter(EnrichedTransaction t) { return true; } // any transaction
        })
        .next("second-tx")
        .where(new IterativeCondition<EnrichedTransaction>() {
          public boolean filter(EnrichedTransaction current, Context<EnrichedTransaction> ctx) throws Exception {
            EnrichedTransaction first = ctx.getEventsForPattern("first-tx").iterator().next();
            return !current.getCountry().equals(first.getCountry());
          }
        })
        .within(Time.minutes(10));

    DataStream<Alert> countryAlerts = CEP.pattern(
        enriched.keyBy(t -> t.getCardId()), twoCountriesPattern)
        .select(new PatternAlertSelector(TWO_COUNTRIES, "second-tx"));

    // Union, deduplicate, and output
    DataStream<Alert> allAlerts = velocityAlerts.union(patternAlerts, countryAlerts)
        .keyBy(Alert::getAlertId)
        .window(TumblingEventTimeWindows.of(Time.minutes(5)))
        .aggregate(new AlertDeduplicator());
    return allAlerts;
  }

  /** Turns a match into an alert about the transaction that completed it. */
  static final class PatternAlertSelector implements PatternSelectFunction<EnrichedTransaction, Alert> {
    private final String reason;
    private final String lastStage;

    PatternAlertSelector(String reason, String lastStage) {
      this.reason = reason;
      this.lastStage = lastStage;
    }

    @Override
    public Alert select(Map<String, List<EnrichedTransaction>> match) {
      EnrichedTransaction last = match.get(lastStage).get(0);
      return Alert.of(last.getCardId() + " txn " + last.getId(), last.holder(), last.getTimestamp(), reason);
    }
  }

  /** Formats each alert with the counts so far; run it at parallelism 1 to see the whole job's totals. */
  static final class RunningSummary implements MapFunction<Alert, String> {
    private final Map<String, Integer> byReason = new TreeMap<>();
    private int alerts;

    @Override
    public String map(Alert alert) {
      alerts++;
      for (String reason : alert.reasons()) {
        byReason.merge(reason, 1, Integer::sum);
      }
      return "ALERT " + alert.alertId() + " (" + alert.holder() + ", " + String.join(" + ", alert.reasons())
          + ") | " + alerts + " alerts so far " + byReason;
    }
  }

  /** Runs the job on generated input and prints the alerts with a running summary. */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    alerts(env, FraudData.generate(seed, count))
        .map(new RunningSummary()).setParallelism(1)
        .print().setParallelism(1);
    env.execute("fraud detection");
  }
}
