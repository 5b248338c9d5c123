package io.millrace.examples.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.CloseableIterator;
import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The anomaly-detection job's anomalies and cascades are exactly those computed from the
 * generated metrics by plain Java: 5-minute windows every minute, the baseline of each metric
 * replayed window by window, and for each dependency every error-rate anomaly of the callee paired
 * with the first later latency anomaly of the caller less than 2 minutes after it.
 */
class AnomalyDetectionJobTest {
  private static final long SEED = 7;
  private static final int MINUTES = 1440;
  private static final long MINUTE = 60_000;

  record Expected(List<Anomaly> anomalies, List<Cascade> cascades) {}

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void anomaliesAndCascadesMatchTheReferenceComputedFromTheInput(int parallelism) throws Exception {
    MetricData data = MetricData.generate(SEED, MINUTES);
    Expected expected = reference(data);
    assertThat(expected.anomalies()).as("anomalies in the generated data").hasSizeGreaterThan(50);
    assertThat(expected.cascades()).as("cascades in the generated data").hasSizeGreaterThan(20);

    assertThat(run(parallelism, data, AnomalyDetectionJob.Findings::anomalies))
        .as("anomalies at parallelism %d", parallelism).containsExactlyInAnyOrderElementsOf(expected.anomalies());
    assertThat(run(parallelism, data, AnomalyDetectionJob.Findings::cascades))
        .as("cascades at parallelism %d", parallelism).containsExactlyInAnyOrderElementsOf(expected.cascades());
  }

  private static <T> List<T> run(int parallelism, MetricData data, Function<AnomalyDetectionJob.Findings, DataStream<T>> output)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<T> out = new ArrayList<>();
    try (CloseableIterator<T> it = output.apply(AnomalyDetectionJob.findings(env, data)).executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  static Expected reference(MetricData data) {
    // windows [start, start + 5 min) every minute, per service and metric: {count, sum}
    Map<String, TreeMap<Long, long[]>> windows = new TreeMap<>();
    for (MetricEvent event : data.events()) {
      long lastStart = Math.floorDiv(event.timestamp(), MINUTE) * MINUTE;
      for (long start = lastStart; start > event.timestamp() - 5 * MINUTE; start -= MINUTE) {
        long[] sums = windows.computeIfAbsent(event.serviceId() + ":" + event.metricName(), k -> new TreeMap<>())
            .computeIfAbsent(start, s -> new long[2]);
        sums[0]++;
        sums[1] += event.value();
      }
    }
    List<Anomaly> anomalies = new ArrayList<>();
    windows.forEach((key, byStart) -> {
      String[] serviceAndMetric = key.split(":");
      List<Double> baseline = new ArrayList<>();
      byStart.forEach((start, sums) -> {
        double mean = (double) sums[1] / sums[0];
        double z = 0;
        if (baseline.size() >= 10) {
          double sum = 0;
          double sumOfSquares = 0;
          for (double m : baseline) {
            sum += m;
            sumOfSquares += m * m;
          }
          double baselineMean = sum / baseline.size();
          double stddev = Math.sqrt(Math.max(0, sumOfSquares / baseline.size() - baselineMean * baselineMean));
          z = stddev == 0 ? 0 : (mean - baselineMean) / stddev;
        }
        if (Math.abs(z) > 3.0) {
          anomalies.add(new Anomaly(serviceAndMetric[0], serviceAndMetric[1], start + 5 * MINUTE - 1, mean, z));
        } else {
          baseline.add(mean);
          if (baseline.size() > 60) {
            baseline.remove(0);
          }
        }
      });
    });
    List<Cascade> cascades = new ArrayList<>();
    anomalies.sort(Comparator.comparingLong(Anomaly::timestamp));
    for (String[] dependency : AnomalyDetectionJob.DEPENDENCIES) {
      List<Anomaly> errors = anomalies.stream()
          .filter(a -> a.serviceId().equals(dependency[1]) && a.metric().equals("error_rate")).toList();
      List<Anomaly> latencies = anomalies.stream()
          .filter(a -> a.serviceId().equals(dependency[0]) && a.metric().equals("latency_p99")).toList();
      for (Anomaly error : errors) {
        latencies.stream()
            .filter(l -> l.timestamp() > error.timestamp())
            .findFirst()
            .filter(l -> l.timestamp() - error.timestamp() < 2 * MINUTE)
            .ifPresent(l -> cascades.add(new Cascade(dependency[0], dependency[1], error.timestamp(), l.timestamp())));
      }
    }
    return new Expected(anomalies, cascades);
  }
}
