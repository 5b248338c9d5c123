package io.millrace.examples.anomaly;

/**
 * The statistics of one service metric in one sliding window. Sums are exact (integers), so the
 * mean and the standard deviation do not depend on the order the samples arrived in.
 *
 * @param serviceId the service
 * @param metricName the metric
 * @param windowEnd the end of the window (exclusive), in epoch milliseconds
 * @param count the number of samples
 * @param sum their sum
 * @param sumOfSquares the sum of their squares
 * @param max the largest sample
 */
public record MetricStats(String serviceId, String metricName, long windowEnd, long count, long sum, long sumOfSquares,
    long max) {

  /** {@code service:metric}, the key of the baseline. */
  public String getServiceKey() {
    return serviceId + ":" + metricName;
  }

  /** The mean of the samples. */
  public double mean() {
    return (double) sum / count;
  }

  /** The population standard deviation of the samples. */
  public double stddev() {
    double mean = mean();
    return Math.sqrt(Math.max(0, (double) sumOfSquares / count - mean * mean));
  }
}
