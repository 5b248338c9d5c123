package io.millrace.cep.nfa.aftermatch;

/**
 * Discards the partial matches that started before the first event an emitted match took for a
 * named stage. See {@link AfterMatchSkipStrategy#skipToFirst(String)}.
 */
public final class SkipToFirstStrategy extends SkipToElementStrategy {
  private static final long serialVersionUID = 1L;

  SkipToFirstStrategy(String patternName, boolean shouldThrowException) {
    super(patternName, shouldThrowException);
  }

  @Override
  public SkipToFirstStrategy throwExceptionOnMiss() {
    return new SkipToFirstStrategy(getPatternName().orElseThrow(), true);
  }

  @Override
  public boolean skipsToFirst() {
    return true;
  }

  @Override
  public String toString() {
    return "skipToFirst(" + getPatternName().orElseThrow() + ")";
  }
}
