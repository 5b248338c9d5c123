package io.millrace.state.serialization;

import java.util.List;
import java.util.Objects;

/**
 * Base of the serializers built from element serializers (nullable, list, set, map, object
 * array); they share one snapshot class, {@link CompositeSerializerSnapshot}, which records the
 * kind and the element serializers' snapshots.
 */
abstract class CompositeSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  /** The shapes of composite serializer; the snapshot records the name. */
  enum Kind {
    NULLABLE,
    LIST,
    SET,
    MAP,
    ARRAY
  }

  abstract Kind kind();

  /** The element serializers, in a fixed order (map: key, value). */
  abstract List<TypeSerializer<?>> elements();

  /** The array component type, or {@code null} for other kinds. */
  Class<?> componentType() {
    return null;
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new CompositeSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CompositeSerializer<?> that
        && kind() == that.kind()
        && Objects.equals(componentType(), that.componentType())
        && elements().equals(that.elements());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind(), componentType(), elements());
  }

  @Override
  public String toString() {
    return kind().name().toLowerCase(java.util.Locale.ROOT) + elements();
  }
}
