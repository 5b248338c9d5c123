package io.millrace.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of state and describes its type, so that the runtime can create (or, after a
 * restore, find) it. Two descriptors are equal when their names and kinds are equal.
 *
 * @param <S> the state handle type
 * @param <T> the type of the value stored (the accumulator for aggregating state)
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of state a descriptor can describe. */
  public enum Kind {
    VALUE,
    LIST,
    MAP,
    REDUCING,
    AGGREGATING
  }

  private final String name;
  private final Class<T> typeClass;

  /**
   * @param name unique per operator; used to find the state again after a restore
   * @param typeClass the stored type; may be {@code null} where it cannot be named (generics)
   */
  protected StateDescriptor(String name, Class<T> typeClass) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "state name must be a non-empty string, got " + (name == null ? "null" : "'" + name + "'"));
    }
    this.name = name;
    this.typeClass = typeClass;
  }

  /** The state's name, unique per operator. */
  public final String getName() {
    return name;
  }

  /** The stored type, or {@code null} if it was not given. */
  public final Class<T> getTypeClass() {
    return typeClass;
  }

  /** What kind of state this describes. */
  public abstract Kind getKind();

  @Override
  public final boolean equals(Object other) {
    return other instanceof StateDescriptor<?, ?> that
        && name.equals(that.name)
        && getKind() == that.getKind();
  }

  @Override
  public final int hashCode() {
    return Objects.hash(name, getKind());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "{name='" + name + "', type=" + (typeClass == null ? "?" : typeClass.getName()) + "}";
  }
}
