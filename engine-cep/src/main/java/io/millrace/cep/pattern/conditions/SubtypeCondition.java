package io.millrace.cep.pattern.conditions;

import java.util.Objects;

/**
 * True for events of a given class (or a subclass): what {@link io.millrace.cep.pattern.Pattern#subtype(Class)}
 * adds to a stage.
 *
 * @param <T> the event type
 */
public final class SubtypeCondition<T> implements SimpleCondition<T> {
  private static final long serialVersionUID = 1L;

  private final Class<? extends T> subtype;

  /** Accepts instances of {@code subtype}. */
  public SubtypeCondition(Class<? extends T> subtype) {
    this.subtype = Objects.requireNonNull(subtype, "subtype class must not be null for subtype(...)");
  }

  @Override
  public boolean filter(T value) {
    return subtype.isInstance(value);
  }

  @Override
  public String toString() {
    return "subtype " + subtype.getSimpleName();
  }
}
