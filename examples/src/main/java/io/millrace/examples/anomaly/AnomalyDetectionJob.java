package io.millrace.examples.anomaly;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.Time;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.FlatMapFunction;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.cep.CEP;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import java.time.Duration;
import java.util.List;

/**
 * The anomaly-detection job of the Flink notes on generated service metrics: sliding statistics
 * per service and metric, a z-score against a baseline kept in keyed state with a time-to-live,
 * and a CEP pattern for cascades (a called service's error rate, then its caller's latency, within
 * 2 minutes). Prints the anomalies and the cascades.
 *
 * <pre>mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.millrace.examples.anomaly.AnomalyDetectionJob</pre>
 *
 * <p>Arguments: the minutes of metrics to generate (default 1440, one day), the seed (default 7),
 * the parallelism (default 2).
 */
public final class AnomalyDetectionJob {
  /** The services. */
  public static final List<String> SERVICES = List.of("gateway", "orders", "payments", "search", "inventory");
  /** Who calls whom: {@code {caller, callee}}. */
  public static final List<String[]> DEPENDENCIES = List.of(
      new String[] {"gateway", "orders"}, new String[] {"gateway", "search"},
      new String[] {"orders", "payments"}, new String[] {"orders", "inventory"});

  private AnomalyDetectionJob() {}

  /** What the job finds: anomalous windows, and cascades of them along dependencies. */
  public record Findings(DataStream<Anomaly> anomalies, DataStream<Cascade> cascades) {}

  /** The anomalies and cascades of {@code data}. */
  public static Findings findings(StreamExecutionEnvironment env, MetricData data) {
    DataStream<MetricEvent> metrics = env
        .fromCollection(data.events())
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<MetricEvent>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                .withTimestampAssigner((event, timestamp) -> event.timestamp()));

    // Per-service, per-metric sliding window statistics
    DataStream<MetricStats> stats = metrics
        .keyBy(m -> m.getServiceId() + ":" + m.getMetricName())
        .window(SlidingEventTimeWindows.of(Time.minutes(5), Time.minutes(1)))
        .aggregate(new StatsAggregator(), new WindowStats()); // mean, stddev, max, count

    // Compare current window against historical baseline
    DataStream<Anomaly> anomalies = stats
        .keyBy(s -> s.getServiceKey())
        .process(new AnomalyDetector()); // Z-score > 3 from baseline

    // CEP: correlated anomalies across dependent services
    Pattern<DependencyAnomaly, ?> cascadePattern = Pattern.<DependencyAnomaly>begin("upstream")
        .where(a -> a.getMetric().equals("error_rate"))
        .followedBy("downstream")
        .where(a -> a.getMetric().equals("latency_p99"))
        // strictly later: windows end on the same minutes, and events of equal timestamps are
        // matched in arrival order, which differs from run to run
        .where((DependencyAnomaly a, IterativeCondition.Context<DependencyAnomaly> ctx) ->
            a.getTimestamp() > ctx.getEventsForPattern("upstream").iterator().next().getTimestamp())
        .within(Time.minutes(2));

    DataStream<Cascade> cascades = CEP.pattern(
        anomalies.flatMap(new ByDependency()).keyBy(DependencyAnomaly::getDependency), cascadePattern)
        .select(match -> {
          DependencyAnomaly upstream = match.get("upstream").get(0);
          DependencyAnomaly downstream = match.get("downstream").get(0);
          return new Cascade(upstream.caller(), upstream.callee(), upstream.getTimestamp(), downstream.getTimestamp());
        });
    return new Findings(anomalies, cascades);
  }

  /** Labels a window's sums with its service, metric and end. */
  static final class WindowStats extends ProcessWindowFunction<StatsAggregator.Sums, MetricStats, String, TimeWindow> {
    @Override
    public void process(String serviceKey, Context ctx, Iterable<StatsAggregator.Sums> sums, Collector<MetricStats> out) {
      String[] parts = serviceKey.split(":");
      StatsAggregator.Sums s = sums.iterator().next();
      out.collect(new MetricStats(parts[0], parts[1], ctx.window().getEnd(), s.count(), s.sum(), s.sumOfSquares(), s.max()));
    }
  }

  /**
   * Sends an anomaly to the dependencies it concerns: a service's error rate to those that call
   * it, its latency to those it calls.
   */
  static final class ByDependency implements FlatMapFunction<Anomaly, DependencyAnomaly> {
    @Override
    public void flatMap(Anomaly anomaly, Collector<DependencyAnomaly> out) {
      for (String[] dependency : DEPENDENCIES) {
        boolean errorsOfCallee = anomaly.metric().equals("error_rate") && dependency[1].equals(anomaly.serviceId());
        boolean latencyOfCaller = anomaly.metric().equals("latency_p99") && dependency[0].equals(anomaly.serviceId());
        if (errorsOfCallee || latencyOfCaller) {
          out.collect(new DependencyAnomaly(dependency[0], dependency[1], anomaly));
        }
      }
    }
  }

  /** Runs the job on generated metrics and prints the anomalies and cascades. */
  public static void main(String[] args) throws Exception {
    int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 1440;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
    int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    Findings findings = findings(env, MetricData.generate(seed, minutes));
    findings.anomalies().map(anomaly -> "ANOMALY " + anomaly).print();
    findings.cascades().map(cascade -> "CASCADE " + cascade).print();
    env.execute("anomaly detection");
  }
}
