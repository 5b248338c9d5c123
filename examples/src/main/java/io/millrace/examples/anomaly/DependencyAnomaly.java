package io.millrace.examples.anomaly;

/**
 * An anomaly seen on one dependency: a {@code caller} service calls {@code callee}. An error-rate
 * anomaly of the callee and a latency anomaly of the caller are both anomalies of the dependency.
 *
 * @param caller the calling service
 * @param callee the called service
 * @param anomaly the anomaly, of the callee (error rate) or the caller (latency)
 */
public record DependencyAnomaly(String caller, String callee, Anomaly anomaly) {

  /** {@code caller->callee}, the key the cascade pattern is matched on. */
  public String getDependency() {
    return caller + "->" + callee;
  }

  /** The anomaly's metric. */
  public String getMetric() {
    return anomaly.metric();
  }

  /** The anomaly's event time. */
  public long getTimestamp() {
    return anomaly.timestamp();
  }
}
