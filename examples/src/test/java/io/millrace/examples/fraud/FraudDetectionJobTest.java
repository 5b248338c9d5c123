package io.millrace.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.CloseableIterator;
import io.millrace.api.StreamExecutionEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fraud-detection job's alerts are exactly those computed from the generated input by plain
 * Java: a temporal join of transactions and account updates, sliding-window counts, consecutive
 * pairs of each card's transactions (the patterns use strict contiguity), and the merge of equal
 * alert ids in 5-minute buckets.
 */
class FraudDetectionJobTest {
  private static final long SEED = 42;
  private static final int COUNT = 20_000;
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void alertsMatchTheReferenceComputedFromTheInput(int parallelism) throws Exception {
    FraudData data = FraudData.generate(SEED, COUNT);
    List<Alert> expected = reference(data);
    assertThat(expected).as("the generated data raises every kind of alert")
        .anySatisfy(a -> assertThat(a.reasons()).contains("velocity"))
        .anySatisfy(a -> assertThat(a.reasons()).contains(FraudDetectionJob.SMALL_THEN_LARGE))
        .anySatisfy(a -> assertThat(a.reasons()).contains(FraudDetectionJob.TWO_COUNTRIES))
        .anySatisfy(a -> assertThat(a.raised()).isGreaterThan(1));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<Alert> actual = new ArrayList<>();
    try (CloseableIterator<Alert> alerts = FraudDetectionJob.alerts(env, data).executeAndCollect()) {
      alerts.forEachRemaining(actual::add);
    }
    assertThat(actual).as("seed %d, parallelism %d", SEED, parallelism).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The job's alerts, computed directly from the input. */
  static List<Alert> reference(FraudData data) {
    List<Alert> raw = new ArrayList<>();
    List<Transaction> txns = new ArrayList<>(data.transactions());
    txns.sort(Comparator.comparingLong(Transaction::timestamp));
    List<EnrichedTransaction> enriched = new ArrayList<>();
    for (Transaction txn : txns) {
      AccountUpdate account = null;
      for (AccountUpdate update : data.accountUpdates()) {   // in timestamp order
        if (update.accountId().equals(txn.accountId()) && update.timestamp() <= txn.timestamp()) {
          account = update;
        }
      }
      enriched.add(new EnrichedTransaction(txn, account.holder(), account.homeCountry()));
    }
    // velocity: windows [start, start + 30 min) every 5 minutes, per account
    Map<String, Map<Long, List<EnrichedTransaction>>> windows = new HashMap<>();
    for (EnrichedTransaction txn : enriched) {
      long lastStart = Math.floorDiv(txn.getTimestamp(), 5 * MINUTE) * 5 * MINUTE;
      for (long start = lastStart; start > txn.getTimestamp() - 30 * MINUTE; start -= 5 * MINUTE) {
        windows.computeIfAbsent(txn.getAccountId(), a -> new HashMap<>())
            .computeIfAbsent(start, s -> new ArrayList<>()).add(txn);
      }
    }
    windows.forEach((account, byStart) -> byStart.forEach((start, inWindow) -> {
      List<EnrichedTransaction> large = inWindow.stream().filter(t -> t.getAmount() > 1000.0).toList();
      if (large.size() >= 3) {
        EnrichedTransaction first = large.get(0);   // inWindow is in timestamp order
        raw.add(Alert.of(account + " burst from txn " + first.getId(), first.holder(), start + 30 * MINUTE - 1, "velocity"));
      }
    }));
    // the patterns: strict contiguity, so consecutive transactions of a card
    Map<String, List<EnrichedTransaction>> byCard = new HashMap<>();
    enriched.forEach(t -> byCard.computeIfAbsent(t.getCardId(), c -> new ArrayList<>()).add(t));
    for (List<EnrichedTransaction> card : byCard.values()) {
      pairs(card, 5 * MINUTE, (a, b) -> a.getAmount() < 10.0 && b.getAmount() > 1000.0,
          FraudDetectionJob.SMALL_THEN_LARGE, raw);
      pairs(card, 10 * MINUTE, (a, b) -> !a.getCountry().equals(b.getCountry()), FraudDetectionJob.TWO_COUNTRIES, raw);
    }
    // deduplication: equal ids in the same 5-minute bucket are merged
    Map<String, List<Alert>> buckets = new TreeMap<>();
    for (Alert alert : raw) {
      buckets.computeIfAbsent(alert.alertId() + "@" + Math.floorDiv(alert.timestamp(), 5 * MINUTE), k -> new ArrayList<>())
          .add(alert);
    }
    List<Alert> alerts = new ArrayList<>();
    for (List<Alert> same : buckets.values()) {
      Alert earliest = same.stream().min(Comparator.comparingLong(Alert::timestamp)).orElseThrow();
      TreeSet<String> reasons = new TreeSet<>();
      same.forEach(a -> reasons.addAll(a.reasons()));
      alerts.add(new Alert(earliest.alertId(), earliest.holder(), earliest.timestamp(), List.copyOf(reasons), same.size()));
    }
    return alerts;
  }

  private static void pairs(List<EnrichedTransaction> card, long within, BiPredicate<EnrichedTransaction, EnrichedTransaction> match,
      String reason, List<Alert> out) {
    for (int i = 0; i + 1 < card.size(); i++) {
      EnrichedTransaction a = card.get(i);
      EnrichedTransaction b = card.get(i + 1);
      if (b.getTimestamp() - a.getTimestamp() < within && match.test(a, b)) {
        out.add(Alert.of(b.getCardId() + " txn " + b.getId(), b.holder(), b.getTimestamp(), reason));
      }
    }
  }
}
