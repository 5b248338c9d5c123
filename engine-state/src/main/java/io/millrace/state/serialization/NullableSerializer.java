package io.millrace.state.serialization;

import java.io.IOException;
import java.util.List;

/** Adds {@code null} to another serializer's values with one presence byte. */
final class NullableSerializer<T> extends CompositeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> inner;

  NullableSerializer(TypeSerializer<T> inner) {
    this.inner = inner;
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeBoolean(false);
    } else {
      out.writeBoolean(true);
      inner.serialize(value, out);
    }
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    return in.readBoolean() ? inner.deserialize(in) : null;
  }

  @Override
  public T copy(T value) {
    return value == null ? null : inner.copy(value);
  }

  @Override
  public boolean isImmutableType() {
    return inner.isImmutableType();
  }

  @Override
  Kind kind() {
    return Kind.NULLABLE;
  }

  @Override
  List<TypeSerializer<?>> elements() {
    return List.of(inner);
  }
}
