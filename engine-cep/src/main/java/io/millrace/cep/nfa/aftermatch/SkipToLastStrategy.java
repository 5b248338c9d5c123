package io.millrace.cep.nfa.aftermatch;

/**
 * Discards the partial matches that started before the last event an emitted match took for a
 * named stage. See {@link AfterMatchSkipStrategy#skipToLast(String)}.
 */
public final class SkipToLastStrategy extends SkipToElementStrategy {
  private static final long serialVersionUID = 1L;

  SkipToLastStrategy(String patternName, boolean shouldThrowException) {
    super(patternName, shouldThrowException);
  }

  @Override
  public SkipToLastStrategy throwExceptionOnMiss() {
    return new SkipToLastStrategy(getPatternName().orElseThrow(), true);
  }

  @Override
  public boolean skipsToFirst() {
    return false;
  }

  @Override
  public String toString() {
    return "skipToLast(" + getPatternName().orElseThrow() + ")";
  }
}
