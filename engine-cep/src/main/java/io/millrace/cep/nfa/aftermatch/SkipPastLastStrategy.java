package io.millrace.cep.nfa.aftermatch;

/**
 * Discards the partial matches that started at or before the last event of an emitted match.
 * See {@link AfterMatchSkipStrategy#skipPastLastEvent()}.
 */
public final class SkipPastLastStrategy extends AfterMatchSkipStrategy {
  private static final long serialVersionUID = 1L;

  static final SkipPastLastStrategy INSTANCE = new SkipPastLastStrategy();

  private SkipPastLastStrategy() {}

  @Override
  public boolean isSkipStrategy() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "skipPastLastEvent";
  }
}
