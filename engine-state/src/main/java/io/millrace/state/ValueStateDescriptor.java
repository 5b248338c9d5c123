package io.millrace.state;

import io.millrace.state.serialization.TypeSerializer;

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

  /** A value state called {@code name} whose values are written by {@code serializer}. */
  public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
    super(name, serializer);
  }

  @Override
  public Kind getKind() {
    return Kind.VALUE;
  }
}
