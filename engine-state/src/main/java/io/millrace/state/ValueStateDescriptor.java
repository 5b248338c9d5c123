package io.millrace.state;

/**
 * Describes a {@link ValueState}.
 *
 * <pre>{@code
 * new ValueStateDescriptor<>("count", Long.class)
 * }</pre>
 *
 * @param <T> the value type
 */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {
  private static final long serialVersionUID = 1L;

  /** A value state called {@code name} holding values of {@code typeClass}. */
  public ValueStateDescriptor(String name, Class<T> typeClass) {
    super(name, typeClass);
  }

  @Override
  public Kind getKind() {
    return Kind.VALUE;
  }
}
