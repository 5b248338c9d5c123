package io.millrace.state.serialization;

/**
 * Base of the serializers without configuration: one instance per class is enough, two are
 * equal, the snapshot records the class only. Values are immutable unless a subclass says not.
 */
abstract class StatelessSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public T copy(T value) {
    return value;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new StatelessSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public String toString() {
    return Types.describe(getClass());
  }
}
