package io.millrace.examples.fraud;

import java.util.List;

/**
 * A suspected fraud. Alerts about the same incident share an {@code alertId}: the same
 * transaction completing both patterns, or the same burst of large transactions seen by
 * overlapping windows. Deduplication merges them, keeping their reasons.
 *
 * @param alertId what the alert is about: {@code "card-7 txn 1234"} or {@code "acct-3 burst from txn 99"}
 * @param holder the account holder
 * @param timestamp the alert's event time: the transaction that completed a pattern, or the end of
 *     the velocity window (minus 1 ms); after deduplication the earliest of the merged alerts
 * @param reasons why, sorted: {@code small-then-large}, {@code two-countries}, {@code velocity}
 * @param raised how many raw alerts were merged into this one
 */
public record Alert(String alertId, String holder, long timestamp, List<String> reasons, int raised) {

  /** A raw alert, raised once for one reason. */
  public static Alert of(String alertId, String holder, long timestamp, String reason) {
    return new Alert(alertId, holder, timestamp, List.of(reason), 1);
  }

  /** What the alert is about (the notes' getter). */
  public String getAlertId() {
    return alertId;
  }
}
