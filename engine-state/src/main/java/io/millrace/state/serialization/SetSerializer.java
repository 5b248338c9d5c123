package io.millrace.state.serialization;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A set as its size and its elements in iteration order; reads into a {@link LinkedHashSet}.
 * The bytes follow the set's iteration order, so two equal hash sets may serialize differently:
 * do not use sets as RocksDB keys.
 */
final class SetSerializer<E> extends CompositeSerializer<Set<E>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<E> element;

  SetSerializer(TypeSerializer<E> element) {
    this.element = element;
  }

  @Override
  public void serialize(Set<E> value, DataOutputView out) throws IOException {
    Types.writeVarInt(value.size(), out);
    for (E e : value) {
      element.serialize(e, out);
    }
  }

  @Override
  public Set<E> deserialize(DataInputView in) throws IOException {
    int size = Types.readLength(in);
    Set<E> set = new LinkedHashSet<>(Math.min(size, 1 << 16) * 4 / 3 + 1);
    for (int i = 0; i < size; i++) {
      set.add(element.deserialize(in));
    }
    return set;
  }

  @Override
  public Set<E> copy(Set<E> value) {
    Set<E> set = new LinkedHashSet<>(value.size() * 4 / 3 + 1);
    for (E e : value) {
      set.add(element.copy(e));
    }
    return set;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  Kind kind() {
    return Kind.SET;
  }

  @Override
  List<TypeSerializer<?>> elements() {
    return List.of(element);
  }
}
