package io.millrace.cep.pattern;

/** What a {@link Pattern#within(java.time.Duration, WithinType)} window measures. */
public enum WithinType {
  /** The time between the first and the last event of a match: the default. */
  FIRST_AND_LAST,
  /**
   * The time between the event a partial match took last and the next one it takes, for the
   * states of the stage {@code within} is called on.
   */
  PREVIOUS_AND_CURRENT
}
