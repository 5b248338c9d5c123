package io.millrace.cep.pattern.conditions;

import java.util.List;

/**
 * True when either condition is: what {@code where(...)} followed by {@code or(...)} combines
 * into. The right condition is evaluated only if the left one is false.
 *
 * @param <T> the event type
 */
public final class OrCondition<T> extends CompositeCondition<T> {
  private static final long serialVersionUID = 1L;

  /** {@code left || right}. */
  public OrCondition(IterativeCondition<T> left, IterativeCondition<T> right) {
    super(List.of(left, right));
  }

  @Override
  public boolean filter(T value, Context<T> ctx) throws Exception {
    return getNestedConditions().get(0).filter(value, ctx) || getNestedConditions().get(1).filter(value, ctx);
  }

  @Override
  public String toString() {
    return "(" + getNestedConditions().get(0) + " or " + getNestedConditions().get(1) + ")";
  }
}
