package io.millrace.state;

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

  @Override
  public Kind getKind() {
    return Kind.LIST;
  }
}
