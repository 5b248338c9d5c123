package io.millrace.examples.fraud;

/**
 * A card payment, as it arrives from the payment network.
 *
 * @param id the transaction's id, unique
 * @param cardId the card paid with
 * @param accountId the account the card belongs to
 * @param timestamp when it happened, in epoch milliseconds
 * @param amount the amount, in the account's currency
 * @param country where it happened
 */
public record Transaction(long id, String cardId, String accountId, long timestamp, double amount, String country) {

  /** The card paid with (the notes' getter). */
  public String getCardId() {
    return cardId;
  }

  /** The account the card belongs to. */
  public String getAccountId() {
    return accountId;
  }

  /** When it happened, in epoch milliseconds. */
  public long getTimestamp() {
    return timestamp;
  }
}
