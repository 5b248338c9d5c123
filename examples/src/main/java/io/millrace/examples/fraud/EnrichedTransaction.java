package io.millrace.examples.fraud;

/**
 * A transaction with the account data that held when it happened.
 *
 * @param transaction the transaction
 * @param holder the account holder at the time
 * @param homeCountry the holder's home country at the time
 */
public record EnrichedTransaction(Transaction transaction, String holder, String homeCountry) {

  /** The transaction's id. */
  public long getId() {
    return transaction.id();
  }

  /** The card paid with. */
  public String getCardId() {
    return transaction.cardId();
  }

  /** The account the card belongs to. */
  public String getAccountId() {
    return transaction.accountId();
  }

  /** When it happened, in epoch milliseconds. */
  public long getTimestamp() {
    return transaction.timestamp();
  }

  /** The amount. */
  public double getAmount() {
    return transaction.amount();
  }

  /** Where it happened. */
  public String getCountry() {
    return transaction.country();
  }
}
