package io.millrace.cep.nfa.aftermatch;

/** Emits every match and discards no partial match: the default. See {@link AfterMatchSkipStrategy#noSkip()}. */
public final class NoSkipStrategy extends AfterMatchSkipStrategy {
  private static final long serialVersionUID = 1L;

  static final NoSkipStrategy INSTANCE = new NoSkipStrategy();

  private NoSkipStrategy() {}

  @Override
  public boolean isSkipStrategy() {
    return false;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "noSkip";
  }
}
