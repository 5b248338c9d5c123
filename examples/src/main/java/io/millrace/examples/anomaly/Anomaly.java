package io.millrace.examples.anomaly;

/**
 * A window whose mean is more than 3 standard deviations away from its metric's baseline.
 *
 * @param serviceId the service
 * @param metric the metric
 * @param timestamp the window's last millisecond (its end minus 1), the anomaly's event time
 * @param mean the window's mean
 * @param zScore how many baseline standard deviations the mean is from the baseline mean
 */
public record Anomaly(String serviceId, String metric, long timestamp, double mean, double zScore) {

  /** The metric (the notes' getter). */
  public String getMetric() {
    return metric;
  }

  @Override
  public String toString() {
    return String.format("%s %s at %d: mean %.1f, z %.1f", serviceId, metric, timestamp, mean, zScore);
  }
}
