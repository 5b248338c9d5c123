package io.millrace.cep.pattern.conditions;

import java.util.List;

/**
 * The negation of a condition.
 *
 * @param <T> the event type
 */
public final class NotCondition<T> extends CompositeCondition<T> {
  private static final long serialVersionUID = 1L;

  /** {@code !condition}. */
  public NotCondition(IterativeCondition<T> condition) {
    super(List.of(condition));
  }

  @Override
  public boolean filter(T value, Context<T> ctx) throws Exception {
    return !getNestedConditions().get(0).filter(value, ctx);
  }

  @Override
  public String toString() {
    return "not " + getNestedConditions().get(0);
  }
}
