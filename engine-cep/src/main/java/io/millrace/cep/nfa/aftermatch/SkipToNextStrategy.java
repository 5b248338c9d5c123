package io.millrace.cep.nfa.aftermatch;

/**
 * Discards the partial matches that started with the first event of an emitted match or
 * earlier. See {@link AfterMatchSkipStrategy#skipToNext()}.
 */
public final class SkipToNextStrategy extends AfterMatchSkipStrategy {
  private static final long serialVersionUID = 1L;

  static final SkipToNextStrategy INSTANCE = new SkipToNextStrategy();

  private SkipToNextStrategy() {}

  @Override
  public boolean isSkipStrategy() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "skipToNext";
  }
}
