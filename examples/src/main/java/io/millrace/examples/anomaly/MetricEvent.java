package io.millrace.examples.anomaly;

/**
 * One sample of a service metric, as a metrics agent reports it.
 *
 * @param serviceId the service
 * @param metricName {@code error_rate} (in basis points) or {@code latency_p99} (in milliseconds)
 * @param timestamp when it was measured, in epoch milliseconds
 * @param value the measured value
 */
public record MetricEvent(String serviceId, String metricName, long timestamp, long value) {

  /** The service (the notes' getter). */
  public String getServiceId() {
    return serviceId;
  }

  /** The metric (the notes' getter). */
  public String getMetricName() {
    return metricName;
  }
}
