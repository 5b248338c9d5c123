package io.millrace.cep.nfa.aftermatch;

import java.util.Optional;

/**
 * Discards the partial matches that started before an event an emitted match took for a named
 * stage: the first such event ({@link SkipToFirstStrategy}) or the last one
 * ({@link SkipToLastStrategy}). A match that took no event for the stage discards nothing,
 * unless {@link #throwExceptionOnMiss()} was called; then it fails the job, as does skipping to
 * the match's own first event.
 */
public abstract sealed class SkipToElementStrategy extends AfterMatchSkipStrategy
    permits SkipToFirstStrategy, SkipToLastStrategy {
  private static final long serialVersionUID = 1L;

  private final String patternName;
  private final boolean shouldThrowException;

  SkipToElementStrategy(String patternName, boolean shouldThrowException) {
    this.patternName = patternName;
    this.shouldThrowException = shouldThrowException;
  }

  @Override
  public final boolean isSkipStrategy() {
    return true;
  }

  @Override
  public final Optional<String> getPatternName() {
    return Optional.of(patternName);
  }

  /** Whether a match without an event for the stage fails the job instead of discarding nothing. */
  public final boolean shouldThrowException() {
    return shouldThrowException;
  }

  /** This strategy, failing the job when a match has no event for the stage. */
  public abstract SkipToElementStrategy throwExceptionOnMiss();

  /** Whether the strategy skips to the first (not the last) event of the stage. */
  public abstract boolean skipsToFirst();
}
