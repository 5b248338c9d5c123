package io.millrace.state;

import io.millrace.state.serialization.TypeSerializer;

/**
 * Describes a {@link ListState}.
 *
 * @param <T> the element type
 */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {
  private static final long serialVersionUID = 1L;

  /** A list state called {@code name} with elements of {@code elementClass}. */
  public ListStateDescriptor(String name, Class<T> elementClass) {
    super(name, elementClass);
  }

  /** A list state called {@code name} whose elements are written by {@code elementSerializer}. */
  public ListStateDescriptor(String name, TypeSerializer<T> elementSerializer) {
    super(name, elementSerializer);
  }

  @Override
  public Kind getKind() {
    return Kind.LIST;
  }
}
