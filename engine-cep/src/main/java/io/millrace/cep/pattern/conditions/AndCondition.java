package io.millrace.cep.pattern.conditions;

import java.util.List;

/**
 * True when both conditions are: what two {@code where(...)} calls on one stage combine into.
 * The right condition is evaluated only if the left one is true.
 *
 * @param <T> the event type
 */
public final class AndCondition<T> extends CompositeCondition<T> {
  private static final long serialVersionUID = 1L;

  /** {@code left && right}. */
  public AndCondition(IterativeCondition<T> left, IterativeCondition<T> right) {
    super(List.of(left, right));
  }

  @Override
  public boolean filter(T value, Context<T> ctx) throws Exception {
    return getNestedConditions().get(0).filter(value, ctx) && getNestedConditions().get(1).filter(value, ctx);
  }

  @Override
  public String toString() {
    return "(" + getNestedConditions().get(0) + " and " + getNestedConditions().get(1) + ")";
  }
}
