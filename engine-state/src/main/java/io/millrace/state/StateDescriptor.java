package io.millrace.state;

import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
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

  // ---- serializers: the explicit one, or the one derived lazily from the type class ----

  /** Given by the user; travels with the descriptor. {@code null} when derived. */
  private TypeSerializer<T> explicitSerializer;

  /** Derived on first use; volatile so that a derivation by one thread is seen by others. */
  private transient volatile TypeSerializer<T> derivedSerializer;

  /**
   * @param name unique per operator; used to find the state again after a restore
   * @param serializer writes the stored values (for list state: one element)
   */
  protected StateDescriptor(String name, TypeSerializer<T> serializer) {
    this(name, (Class<T>) null);
    this.explicitSerializer = Objects.requireNonNull(serializer, "serializer must not be null");
  }

  /**
   * The serializer of the stored values (for list state: of one element; for map state: of the
   * whole map): the explicit one given to the constructor, else derived once from the type
   * class with {@link TypeSerializers#forClass}, else — no type class — the generic serializer,
   * which writes each value's class name (see {@link TypeSerializers}).
   *
   * @throws IllegalArgumentException if the type class has no serializer; the message names the
   *     class and the fix
   */
  public TypeSerializer<T> getSerializer() {
    if (explicitSerializer != null) {
      return explicitSerializer;
    }
    TypeSerializer<T> serializer = derivedSerializer;
    if (serializer == null) {
      serializer = deriveSerializer();
      derivedSerializer = serializer; // benign race: two derivations are equal
    }
    return serializer;
  }

  /** Whether the serializer was given explicitly rather than derived. */
  public final boolean hasExplicitSerializer() {
    return explicitSerializer != null;
  }

  /** The serializer when none was given; map state overrides it to combine key and value. */
  TypeSerializer<T> deriveSerializer() {
    return typeClass == null ? TypeSerializers.generic() : TypeSerializers.forClass(typeClass);
  }

  // ---- end of serializers ----

  // ---- state time-to-live ----

  private StateTtlConfig ttlConfig;

  /**
   * Gives the state a time-to-live: values expire {@code ttlConfig.getTtl()} after they were
   * last written (or read, see {@link StateTtlConfig.UpdateType}). Call before the state is
   * first obtained; the config is part of the descriptor, not of its identity.
   *
   * <pre>{@code
   * descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build());
   * }</pre>
   *
   * @throws NullPointerException if {@code ttlConfig} is null
   */
  public void enableTimeToLive(StateTtlConfig ttlConfig) {
    this.ttlConfig = Objects.requireNonNull(ttlConfig, "ttlConfig must not be null");
  }

  /** The time-to-live configuration, or {@code null} if the state does not expire. */
  public StateTtlConfig getTtlConfig() {
    return ttlConfig;
  }

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
