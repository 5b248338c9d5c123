package io.millrace.examples.fraud;

import io.millrace.api.functions.Collector;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;

/**
 * Raises an alert when an account's window holds at least {@code minCount} transactions above
 * {@code threshold}. The alert is about the burst that starts with the window's first large
 * transaction, so overlapping windows that see the same burst raise alerts with the same id.
 */
public class VelocityDetector extends ProcessWindowFunction<EnrichedTransaction, Alert, String, TimeWindow> {
  private final int minCount;
  private final double threshold;

  /** Alerts on {@code minCount} or more transactions above {@code threshold} in one window. */
  public VelocityDetector(int minCount, double threshold) {
    this.minCount = minCount;
    this.threshold = threshold;
  }

  @Override
  public void process(String accountId, Context ctx, Iterable<EnrichedTransaction> txns, Collector<Alert> out) {
    int large = 0;
    EnrichedTransaction first = null;
    for (EnrichedTransaction txn : txns) {
      if (txn.getAmount() > threshold) {
        large++;
        if (first == null || txn.getTimestamp() < first.getTimestamp()) {
          first = txn;
        }
      }
    }
    if (large >= minCount) {
      out.collect(Alert.of(accountId + " burst from txn " + first.getId(), first.holder(),
          ctx.window().maxTimestamp(), "velocity"));
    }
  }
}
