package io.millrace.examples.fraud;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated input of the fraud-detection job: card transactions, in arrival order, and the
 * account updates, in time order. The same seed gives the same data.
 *
 * <p>Transaction timestamps are unique and rise by 1 ms to 6 s each; transactions arrive up to
 * {@link #MAX_DISORDER_MS} out of order. A quarter of the amounts are below 10, 4% above 1000. A
 * card is used abroad 2% of the time. Every account has an update before the first transaction;
 * later updates (holder moved to another country, effective 1 ms before the next
 * transaction) come every 150 transactions or so.
 *
 * @param transactions the transactions, in arrival order
 * @param accountUpdates the account updates, in timestamp order
 */
public record FraudData(List<Transaction> transactions, List<AccountUpdate> accountUpdates) {
  /** How far out of timestamp order transactions arrive, at most (exclusive). */
  public static final long MAX_DISORDER_MS = 10_000;
  /** The number of accounts; each has two cards. */
  public static final int ACCOUNTS = 40;
  /** The start of the generated time: 2024-01-01T00:00:00Z. */
  public static final long START = 1_704_067_200_000L;

  private static final String[] COUNTRIES = {"DE", "FR", "NL", "US", "GB", "ES"};

  /** {@code count} transactions and their accounts' updates, generated from {@code seed}. */
  public static FraudData generate(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] homes = new String[ACCOUNTS];
    List<AccountUpdate> updates = new ArrayList<>();
    for (int account = 0; account < ACCOUNTS; account++) {
      homes[account] = COUNTRIES[random.nextInt(COUNTRIES.length)];
      updates.add(new AccountUpdate("acct-" + account, START - ACCOUNTS + account, "holder-" + account, homes[account]));
    }
    record Arrival(Transaction txn, long arrivesAt) {}
    List<Arrival> arrivals = new ArrayList<>(count);
    long time = START;
    for (int i = 0; i < count; i++) {
      time += random.nextLong(1, 6_001);
      int card = random.nextInt(2 * ACCOUNTS);
      int account = card % ACCOUNTS;
      if (random.nextInt(150) == 0) {
        homes[account] = COUNTRIES[random.nextInt(COUNTRIES.length)];
        updates.add(new AccountUpdate("acct-" + account, time - 1, "holder-" + account, homes[account]));
      }
      double kind = random.nextDouble();
      long cents = kind < 0.25 ? random.nextLong(1, 1_000) : kind < 0.29 ? random.nextLong(100_001, 500_000) : random.nextLong(1_000, 100_001);
      String country = random.nextInt(50) == 0 ? COUNTRIES[random.nextInt(COUNTRIES.length)] : homes[account];
      Transaction txn = new Transaction(i, "card-" + card, "acct-" + account, time, cents / 100.0, country);
      arrivals.add(new Arrival(txn, time + random.nextLong(MAX_DISORDER_MS)));
    }
    arrivals.sort(Comparator.comparingLong(Arrival::arrivesAt));
    updates.sort(Comparator.comparingLong(AccountUpdate::timestamp));
    return new FraudData(arrivals.stream().map(Arrival::txn).toList(), List.copyOf(updates));
  }
}
