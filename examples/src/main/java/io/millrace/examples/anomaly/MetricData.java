package io.millrace.examples.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated metrics of the anomaly-detection job, in arrival order: every service reports
 * {@code error_rate} (about 50 basis points) and {@code latency_p99} (about 200 ms) every 10
 * seconds, up to {@link #MAX_DISORDER_MS} out of order. Incidents come about every 40 minutes: a
 * called service's error rate rises sixfold for 3 minutes, and most of the time its caller's latency
 * triples 1 to 2 minutes later; some latency spikes come alone. The same seed gives the same data.
 *
 * @param events the samples, in arrival order
 */
public record MetricData(List<MetricEvent> events) {
  /** How far out of timestamp order samples arrive, at most (exclusive). */
  public static final long MAX_DISORDER_MS = 5_000;
  /** The start of the generated time: 2024-01-01T00:00:00Z. */
  public static final long START = 1_704_067_200_000L;

  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;

  private record Spike(String service, String metric, long from, long to, int factor) {}

  /** {@code minutes} minutes of samples of the services of {@link AnomalyDetectionJob#DEPENDENCIES}, generated from {@code seed}. */
  public static MetricData generate(long seed, int minutes) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Spike> spikes = new ArrayList<>();
    long end = START + minutes * MINUTE;
    for (long t = START + 90 * MINUTE; t < end; t += random.nextLong(20 * MINUTE, 60 * MINUTE)) {
      String[] dependency = AnomalyDetectionJob.DEPENDENCIES.get(random.nextInt(AnomalyDetectionJob.DEPENDENCIES.size()));
      if (random.nextInt(5) == 0) {          // a latency spike alone
        spikes.add(new Spike(dependency[0], "latency_p99", t, t + 3 * MINUTE, 3));
        continue;
      }
      spikes.add(new Spike(dependency[1], "error_rate", t, t + 3 * MINUTE, 6));
      if (random.nextInt(10) < 7) {          // the caller slows down
        long from = t + random.nextLong(MINUTE, 2 * MINUTE);
        spikes.add(new Spike(dependency[0], "latency_p99", from, from + 3 * MINUTE, 3));
      }
    }
    record Arrival(MetricEvent event, long arrivesAt) {}
    List<Arrival> arrivals = new ArrayList<>();
    for (long t = START; t < end; t += 10 * SECOND) {
      for (String service : AnomalyDetectionJob.SERVICES) {
        for (String metric : List.of("error_rate", "latency_p99")) {
          long at = t + random.nextLong(10 * SECOND);
          long base = metric.equals("error_rate") ? 50 : 200;
          long value = base - base / 5 + random.nextLong(base / 5) + random.nextLong(base / 5);
          for (Spike spike : spikes) {
            if (spike.service().equals(service) && spike.metric().equals(metric) && spike.from() <= at && at < spike.to()) {
              value *= spike.factor();
            }
          }
          arrivals.add(new Arrival(new MetricEvent(service, metric, at, value), at + random.nextLong(MAX_DISORDER_MS)));
        }
      }
    }
    arrivals.sort(Comparator.comparingLong(Arrival::arrivesAt));
    return new MetricData(arrivals.stream().map(Arrival::event).toList());
  }
}
