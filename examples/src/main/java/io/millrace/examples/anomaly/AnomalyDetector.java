package io.millrace.examples.anomaly;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares each window of a service metric against the metric's baseline: the means of its last
 * {@link #BASELINE_WINDOWS} normal windows, kept in keyed state with a time-to-live, so the
 * baselines of decommissioned services expire. A window whose mean is more than
 * {@link #Z_THRESHOLD} baseline standard deviations away is an anomaly and stays out of the
 * baseline; scoring starts once the baseline holds {@link #MIN_BASELINE} windows.
 */
public class AnomalyDetector extends KeyedProcessFunction<String, MetricStats, Anomaly> {
  /** How many normal windows the baseline keeps. */
  public static final int BASELINE_WINDOWS = 60;
  /** How many windows the baseline needs before windows are scored. */
  public static final int MIN_BASELINE = 10;
  /** The z-score beyond which a window is an anomaly. */
  public static final double Z_THRESHOLD = 3.0;

  /** The means of a metric's last normal windows, oldest first. */
  public record Baseline(List<Double> means) {}

  private transient ValueState<Baseline> baseline;

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Baseline> descriptor = new ValueStateDescriptor<>("baseline", Baseline.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(48)).build());
    baseline = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(MetricStats stats, Context ctx, Collector<Anomaly> out) throws Exception {
    List<Double> means = baseline.value() == null ? new ArrayList<>() : new ArrayList<>(baseline.value().means());
    double mean = stats.mean();
    double z = zScore(means, mean);
    if (Math.abs(z) > Z_THRESHOLD) {
      out.collect(new Anomaly(stats.serviceId(), stats.metricName(), stats.windowEnd() - 1, mean, z));
      return;
    }
    means.add(mean);
    if (means.size() > BASELINE_WINDOWS) {
      means.remove(0);
    }
    baseline.update(new Baseline(means));
  }

  /** How many standard deviations of {@code baseline} {@code mean} is from its mean; 0 while the baseline is short or flat. */
  public static double zScore(List<Double> baseline, double mean) {
    if (baseline.size() < MIN_BASELINE) {
      return 0;
    }
    double sum = 0;
    double sumOfSquares = 0;
    for (double m : baseline) {
      sum += m;
      sumOfSquares += m * m;
    }
    double baselineMean = sum / baseline.size();
    double stddev = Math.sqrt(Math.max(0, sumOfSquares / baseline.size() - baselineMean * baselineMean));
    return stddev == 0 ? 0 : (mean - baselineMean) / stddev;
  }
}
