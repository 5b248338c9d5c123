package io.millrace.cep.internal.nfa;

import io.millrace.cep.pattern.conditions.SimpleCondition;

/** The condition every event meets: a stage without {@code where}, and unconditional transitions. */
final class TrueCondition implements SimpleCondition<Object> {
  private static final long serialVersionUID = 1L;
  static final TrueCondition INSTANCE = new TrueCondition();

  private TrueCondition() {}

  @SuppressWarnings("unchecked")
  static <T> SimpleCondition<T> get() {
    return (SimpleCondition<T>) (SimpleCondition<?>) INSTANCE;
  }

  @Override
  public boolean filter(Object value) {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "true";
  }
}
