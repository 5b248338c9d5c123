package io.millrace.cep.pattern.conditions;

import java.util.List;
import java.util.Objects;

/**
 * A condition built from other conditions ({@link AndCondition}, {@link OrCondition},
 * {@link NotCondition}). The operator opens and closes every rich condition nested in it once.
 *
 * @param <T> the event type
 */
public abstract class CompositeCondition<T> implements IterativeCondition<T> {
  private static final long serialVersionUID = 1L;

  private final List<IterativeCondition<T>> nested;

  /** A composite of {@code nested}, none of which may be null. */
  protected CompositeCondition(List<IterativeCondition<T>> nested) {
    for (IterativeCondition<T> condition : nested) {
      Objects.requireNonNull(condition, "a nested condition must not be null");
    }
    this.nested = List.copyOf(nested);
  }

  /** The conditions this one is built from, in order. */
  public List<IterativeCondition<T>> getNestedConditions() {
    return nested;
  }
}
