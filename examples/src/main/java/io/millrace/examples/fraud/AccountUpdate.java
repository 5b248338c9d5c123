package io.millrace.examples.fraud;

/**
 * A change to an account's master data, effective from {@code timestamp} on.
 *
 * @param accountId the account
 * @param timestamp from when it holds, in epoch milliseconds
 * @param holder the account holder's name
 * @param homeCountry the country the holder lives in
 */
public record AccountUpdate(String accountId, long timestamp, String holder, String homeCountry) {

  /** The account (the notes' getter). */
  public String getAccountId() {
    return accountId;
  }
}
