package io.millrace.examples.fraud;

import io.millrace.api.functions.AggregateFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Merges the alerts of one id in one window: the earliest timestamp, all reasons, the count. */
public class AlertDeduplicator implements AggregateFunction<Alert, Alert, Alert> {

  @Override
  public Alert createAccumulator() {
    return new Alert("", "", Long.MAX_VALUE, List.of(), 0);   // nothing merged yet
  }

  @Override
  public Alert add(Alert alert, Alert merged) {
    return merge(alert, merged);
  }

  @Override
  public Alert getResult(Alert merged) {
    return merged;
  }

  @Override
  public Alert merge(Alert a, Alert b) {
    if (a.raised() == 0) {
      return b;
    }
    if (b.raised() == 0) {
      return a;
    }
    TreeSet<String> reasons = new TreeSet<>(a.reasons());
    reasons.addAll(b.reasons());
    Alert earlier = a.timestamp() <= b.timestamp() ? a : b;
    return new Alert(a.alertId(), earlier.holder(), earlier.timestamp(), List.copyOf(new ArrayList<>(reasons)),
        a.raised() + b.raised());
  }
}
