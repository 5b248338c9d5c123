package io.millrace.cep.nfa.aftermatch;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens to the other partial matches of a key when a match is emitted: given to
 * {@link io.millrace.cep.pattern.Pattern#begin(String, AfterMatchSkipStrategy)}.
 *
 * <ul>
 *   <li>{@link #noSkip()} (the default): every match is emitted, partial matches are kept;
 *   <li>{@link #skipToNext()}: partial matches that started with (or before) the match's first
 *       event are discarded;
 *   <li>{@link #skipPastLastEvent()}: partial matches that started at or before the match's last
 *       event are discarded;
 *   <li>{@link #skipToFirst(String)} / {@link #skipToLast(String)}: partial matches that started
 *       before the first / last event the match took for the named stage are discarded.
 * </ul>
 *
 * <p>As in Apache Flink, every strategy other than {@code noSkip} also holds a completed match
 * back while a partial match of the same key that started earlier is still open, so that matches
 * come out in the order of their first events; a match held back behind a partial match that
 * never ends (a loop without {@code within}) is never emitted.
 *
 * <p>Immutable and serializable.
 */
public abstract class AfterMatchSkipStrategy implements Serializable {
  private static final long serialVersionUID = 1L;

  AfterMatchSkipStrategy() {}

  /** Emits every match and discards nothing. */
  public static NoSkipStrategy noSkip() {
    return NoSkipStrategy.INSTANCE;
  }

  /** Discards the partial matches that started with the same event as an emitted match (or earlier). */
  public static SkipToNextStrategy skipToNext() {
    return SkipToNextStrategy.INSTANCE;
  }

  /** Discards the partial matches that started at or before the last event of an emitted match. */
  public static SkipPastLastStrategy skipPastLastEvent() {
    return SkipPastLastStrategy.INSTANCE;
  }

  /**
   * Discards the partial matches that started before the first event an emitted match took for
   * stage {@code patternName}.
   */
  public static SkipToFirstStrategy skipToFirst(String patternName) {
    return new SkipToFirstStrategy(requireName(patternName, "skipToFirst"), false);
  }

  /**
   * Discards the partial matches that started before the last event an emitted match took for
   * stage {@code patternName}.
   */
  public static SkipToLastStrategy skipToLast(String patternName) {
    return new SkipToLastStrategy(requireName(patternName, "skipToLast"), false);
  }

  /** Whether this strategy discards anything (everything but {@link #noSkip()}). */
  public abstract boolean isSkipStrategy();

  /** The stage this strategy skips to, for {@code skipToFirst} and {@code skipToLast}. */
  public Optional<String> getPatternName() {
    return Optional.empty();
  }

  private static String requireName(String patternName, String method) {
    Objects.requireNonNull(patternName, "stage name must not be null for " + method + "(...)");
    if (patternName.isBlank()) {
      throw new IllegalArgumentException("stage name must not be blank for " + method + "(...)");
    }
    return patternName;
  }
}
